"""Property tests: any answers drawn from the basis vocabulary give a decision, never a crash."""

import json

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from meldcode.kader import AnswerError
from meldcode.kader import Decision
from meldcode.kader import evaluate
from tests.kader.helpers import basis
from tests.kader.helpers import onderwijs

KADER = basis()
ROUTES = ("meldplicht_igj", "meldplicht_wmo")  # the statutory routes of care and Wmo providers
AFWEGINGEN = set(KADER.model.afwegingen())
JA_NEE = sorted(q for q, kind in KADER.kinds.items() if kind != "meerkeuze")
FORMS = sorted(KADER.choices["vormen"])
SETTINGS = settings(max_examples=300, deadline=None, database=None)

answer = st.sampled_from(["ja", "nee", None])
forms = st.one_of(st.none(), st.lists(st.sampled_from(FORMS), max_size=4))
answers = st.fixed_dictionaries({}, optional={**{q: answer for q in JA_NEE}, "vormen": forms})


def effective(decision, question):
    for step in decision.pad:
        if step.vraag == question:
            return step.antwoord
    return None


@SETTINGS
@given(answers)
def test_any_answers_give_a_decision(given_answers):
    decision = evaluate(KADER, given_answers)
    assert isinstance(decision, Decision)
    assert decision.route in ("meldcode", *ROUTES)
    contract = decision.to_contract()
    assert json.loads(json.dumps(contract)) == contract
    assert evaluate(KADER, given_answers).to_contract() == contract


@SETTINGS
@given(answers)
def test_veiligheid_ja_means_melden(given_answers):
    decision = evaluate(KADER, given_answers)
    if decision.route != "meldcode":
        assert decision.melden is None
        return
    if effective(decision, "veiligheid") == "ja":
        assert decision.melden is True
        assert "melden_veilig_thuis" in decision.acties
    if given_answers.get("disclosure") == "ja" or given_answers.get("vgv_acuut") == "ja":
        assert effective(decision, "veiligheid") == "ja"
        assert decision.melden is True
    if given_answers.get("disclosure") == "ja":
        # the head-to-toe examination is a child's: never for a victim said to be an adult
        child = given_answers.get("slachtoffer_minderjarig") != "nee"
        assert ("top_tot_teen_onderzoek" in decision.acties) == child
    if given_answers.get("vgv_acuut") == "ja":
        assert decision.acties[:2] == ["veilig_thuis_direct_raadplegen", "politie_inschakelen"]
    if decision.melden:
        assert "melden_veilig_thuis" in decision.acties


@SETTINGS
@given(answers)
def test_no_decision_contradicts_itself(given_answers):
    decision = evaluate(KADER, given_answers)
    # never "no help possible" next to "offer help" (review, finding 15)
    if decision.hulp is False:
        assert "hulp_bieden_of_organiseren" not in decision.acties
    if decision.hulp is True:
        assert "hulp_afstemmen_met_veilig_thuis" not in decision.acties
    # after afweging 1 nee, nothing that presupposes a suspicion (review, finding 14)
    if decision.pad and decision.pad[0].antwoord == "nee":
        assert set(decision.acties) <= {"afsluiten_en_vastleggen", "leiding_informeren"}
        assert decision.melden is False or decision.nog_nodig
    # advice from Veilig Thuis comes before any melding it should precede
    if "veilig_thuis_direct_raadplegen" in decision.acties and decision.melden:
        assert decision.acties.index("veilig_thuis_direct_raadplegen") < decision.acties.index(
            "melden_veilig_thuis"
        )


@SETTINGS
@given(answers)
def test_nog_nodig_is_empty_exactly_when_the_path_ended(given_answers):
    decision = evaluate(KADER, given_answers)
    if decision.route != "meldcode":
        assert decision.nog_nodig == [] and decision.compleet
        return
    ended = bool(decision.pad) and decision.pad[-1].branch.next is None
    waiting = [q for q in decision.nog_nodig if q in AFWEGINGEN]
    route_questions = [q for q in decision.nog_nodig if q not in AFWEGINGEN]
    assert (waiting == []) == ended
    assert decision.compleet == (ended and not route_questions)
    for question in route_questions:  # asked only while a statutory route may still apply
        assert given_answers.get(question) is None
        assert given_answers.get("pleger_medewerker") == "ja"
    if decision.compleet:
        assert isinstance(decision.melden, bool)
        assert isinstance(decision.hulp, bool)
    if not ended:
        expected = decision.pad[-1].branch.next if decision.pad else KADER.model.start
        assert waiting == [expected]
        assert given_answers.get(expected) is None
        assert decision.melden in (True, None)
    on_path = [s.vraag for s in decision.pad]
    assert len(on_path) == len(set(on_path))
    for question in decision.ongebruikt():
        assert question not in on_path
        assert given_answers.get(question) is not None


@SETTINGS
@given(answers, st.sampled_from(["ja", "nee"]), st.sampled_from(["ja", "nee"]))
def test_the_onderwijs_route_fires_exactly_where_the_law_says(given_answers, pleger, minor):
    answers = {**given_answers, "pleger_medewerker": pleger, "minderjarige_leerling": minor}
    for question in ("aanbieder_zorg_jeugd", "aanbieder_wmo"):  # not in the onderwijs kader
        answers.pop(question, None)
    decision = evaluate(onderwijs(), answers)
    sexual = "seksueel_misbruik" in (answers.get("vormen") or []) or (
        answers.get("seksueel_misbruik_recent") == "ja"
    )
    assert (decision.route == "meldplicht") == (pleger == "ja" and minor == "ja" and sexual)
    if decision.route == "meldplicht":
        assert decision.melden is None
        assert decision.nog_nodig == []
        assert decision.acties[:2] == [
            "bevoegd_gezag_informeren",
            "vertrouwensinspecteur_raadplegen",
        ]


bad_value = st.one_of(
    st.text(max_size=8).filter(lambda v: v not in ("ja", "nee")),
    st.booleans(),
    st.integers(),
    st.lists(st.just("ja"), min_size=1, max_size=2),
)
bad_forms = st.one_of(
    st.text(max_size=8),
    st.lists(st.text(max_size=8).filter(lambda v: v not in FORMS), min_size=1, max_size=3),
    st.lists(st.integers(), min_size=1, max_size=2),
)
unknown_question = st.text(min_size=1, max_size=12).filter(lambda q: q not in KADER.kinds)


@st.composite
def invalid_answers(draw):
    valid = draw(answers)
    kind = draw(st.sampled_from(["question", "value", "forms"]))
    if kind == "question":
        valid[draw(unknown_question)] = draw(st.one_of(answer, forms))
    elif kind == "value":
        valid[draw(st.sampled_from(JA_NEE))] = draw(bad_value)
    else:
        valid["vormen"] = draw(bad_forms)
    return valid


@SETTINGS
@given(invalid_answers())
def test_invalid_answers_always_raise_answer_error(bad):
    with pytest.raises(AnswerError) as caught:
        evaluate(KADER, bad)
    message = str(caught.value)
    assert "Toegestaan: " in message or "verwacht een lijst met waarden uit: " in message
