"""The answer vocabulary: unknown questions and values are refused with what is allowed."""

import pytest

from meldcode.kader import AnswerError
from meldcode.kader import evaluate
from meldcode.kader.answers import check_answers

JA_NEE_QUESTIONS = [
    "vermoeden",
    "veiligheid",
    "hulp",
    "acceptatie",
    "resultaat",
    "disclosure",
    "pleger_medewerker",
    "seksueel_misbruik_recent",
    "vgv_acuut",
    "vgv_uitgevoerd",
    "advies_veilig_thuis",
    "slachtoffer_minderjarig",
    "aanbieder_zorg_jeugd",
    "aanbieder_wmo",
]
FORMS = [
    "achterlating",
    "eergerelateerd_geweld",
    "geweld_tegen_ouders",
    "huwelijksdwang",
    "kindermishandeling",
    "kindermishandeling_door_falsificatie",
    "mensenhandel",
    "ontspoorde_mantelzorg",
    "ouderenmishandeling",
    "partnergeweld",
    "seksueel_misbruik",
    "stalking",
    "vgv",
]


def test_the_vocabulary_of_basis(basis):
    assert sorted(basis.kinds) == sorted([*JA_NEE_QUESTIONS, "vormen"])
    assert sorted(basis.choices["vormen"]) == FORMS


def test_onderwijs_accepts_the_same_vocabulary(basis, onderwijs):
    # A school is no care or Wmo provider: those two questions are gone; it asks instead
    # whether the victim is a minor pupil or student (the statutory route needs it).
    own = {"aanbieder_zorg_jeugd", "aanbieder_wmo"}
    assert set(onderwijs.kinds) == (set(basis.kinds) - own) | {"minderjarige_leerling"}
    assert onderwijs.choices == basis.choices


def test_unknown_question(basis):
    with pytest.raises(AnswerError) as caught:
        evaluate(basis, {"vermoeden": "ja", "onthulling": "ja"})
    message = str(caught.value)
    assert message.startswith("onbekende vraag 'onthulling'. Toegestaan: ")
    assert (
        "Toegestaan: aanbieder_wmo, aanbieder_zorg_jeugd, acceptatie, advies_veilig_thuis"
        in message
    )
    assert caught.value.question == "onthulling"


def test_an_unknown_question_is_refused_even_without_a_value(basis):
    with pytest.raises(AnswerError, match="onbekende vraag 'nieuw'"):
        evaluate(basis, {"nieuw": None})


@pytest.mark.parametrize("question", JA_NEE_QUESTIONS)
@pytest.mark.parametrize("value", ["misschien", "Ja", "yes", "true", True, False, 1, ["ja"], {}])
def test_value_outside_ja_nee(basis, question, value):
    with pytest.raises(AnswerError) as caught:
        evaluate(basis, {question: value})
    message = str(caught.value)
    assert (
        f"vraag '{question}': waarde '{value}' is niet toegestaan. Toegestaan: ja, nee" == message
    )
    assert caught.value.question == question


@pytest.mark.parametrize("value", ["vgv", {"vgv": True}, 3, [1], ["vgv", None]])
def test_vormen_must_be_a_list_of_texts(basis, value):
    with pytest.raises(AnswerError) as caught:
        evaluate(basis, {"vormen": value})
    message = str(caught.value)
    assert message.startswith("vraag 'vormen' verwacht een lijst met waarden uit: ")
    assert ", ".join(FORMS) in message
    assert caught.value.question == "vormen"


def test_vormen_with_an_unknown_form(basis):
    with pytest.raises(AnswerError) as caught:
        evaluate(basis, {"vormen": ["vgv", "besnijdenis"]})
    assert str(caught.value) == (
        "vraag 'vormen': waarde 'besnijdenis' is niet toegestaan. Toegestaan: " + ", ".join(FORMS)
    )


def test_none_values_are_not_answered_yet(basis):
    assert check_answers(basis, {q: None for q in [*JA_NEE_QUESTIONS, "vormen"]}) == {}
    decision = evaluate(basis, {"vermoeden": "ja", "veiligheid": None, "vormen": None})
    assert decision.nog_nodig == ["veiligheid"]
    assert decision.antwoorden == {"vermoeden": "ja"}
    assert decision.ongebruikt() == []


def test_an_empty_list_of_forms_is_an_answer(basis):
    assert check_answers(basis, {"vormen": []}) == {"vormen": []}


def test_repeated_forms_count_once(basis):
    assert check_answers(basis, {"vormen": ["vgv", "partnergeweld", "vgv"]}) == {
        "vormen": ["vgv", "partnergeweld"]
    }


@pytest.mark.parametrize("answers", [["vermoeden"], "vermoeden: ja", None, 3])
def test_answers_must_be_a_mapping(basis, answers):
    with pytest.raises(AnswerError, match="antwoorden moeten een mapping van vraag naar antwoord"):
        evaluate(basis, answers)


def test_answer_error_is_a_value_error(basis):
    with pytest.raises(ValueError):
        evaluate(basis, {"vermoeden": "wellicht"})
