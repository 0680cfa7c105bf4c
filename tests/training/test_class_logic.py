"""The class logic without the web: answers off the path, pacing, before and after, new cases."""

import pytest

from meldcode import paths
from meldcode.kader import evaluate
from meldcode.training.check import kader_for
from meldcode.training.library import load_case
from meldcode.training.path import on_path
from meldcode.training.tally import tally
from meldcode.training.walk import Walk

NEW = [
    "vo-sexting-grooming",
    "mbo-student-partnergeweld",
    "vo-docent-verdacht",
    "bso-getuige-partnergeweld",
    "basisschool-vermoeden-weggenomen",
    "verloskundige-zwangerschap-partnergeweld",
]


def _case(registry, name):
    """Return a shipped case and its kader."""
    case = load_case(paths.OEFENCASUSSEN_DIR / f"{name}.yaml").case
    return case, kader_for(registry, case)


def test_an_abandoned_path_does_not_count(registry):
    case, kader = _case(registry, "kinderopvang-vermoeden-weggenomen")
    given = {"vormen": ["kindermishandeling"], "pleger_medewerker": "nee"}
    answers = given | {"vermoeden": "nee", "veiligheid": "ja", "hulp": "ja"}
    kept, decision = on_path(case, kader, answers)
    assert "veiligheid" not in kept and "hulp" not in kept
    assert decision.afsluiten and not decision.melden
    walk = Walk(case, kader, answers)
    assert set(walk.abandoned) == {"veiligheid", "hulp"}
    assert walk.done and "veiligheid" not in walk.counted()
    # The same answers without the abandoned ones give the same decision: no contradiction.
    assert evaluate(kader, kept).acties == evaluate(kader, given | {"vermoeden": "nee"}).acties


def test_a_follow_up_question_off_the_path_does_not_count(registry):
    case, kader = _case(registry, "vo-docent-verdacht")
    answers = case.answers() | {"pleger_medewerker": "nee"}  # no longer a staff member
    kept, decision = on_path(case, kader, answers)
    assert "minderjarige_leerling" not in kept and decision.route == "meldcode"


def test_pacing_keeps_a_participant_in_the_open_steps(registry):
    case, kader = _case(registry, "kinderopvang-vermoeden-weggenomen")
    answers = {"vormen": ["kindermishandeling"], "pleger_medewerker": "nee"}
    walk = Walk(case, kader, answers, open_step=2)
    assert walk.open_until() == 2 and walk.waiting and not walk.done
    assert not Walk(case, kader, answers, open_step=5).waiting


def test_the_tally_splits_before_and_after_and_finds_who_is_stuck(registry):
    case, kader = _case(registry, "kinderopvang-vermoeden-weggenomen")
    stap1 = {"vormen": ["kindermishandeling"], "pleger_medewerker": "nee"}
    everyone = {
        "a": stap1 | {"vermoeden": "nee"},
        "b": stap1 | {"vermoeden": "nee"},
        "c": stap1,
        "d": {},
    }
    before = {"a": {"vermoeden": "ja"}, "b": {"vermoeden": "nee"}}
    counts = tally(case, kader, everyone, before=before, open_step=2, quiet={"c", "d"})
    question = counts.question("vermoeden")
    assert question.before == {"ja": 1, "nee": 1} and question.changed == 1
    assert question.counts == {"ja": 0, "nee": 2}
    assert counts.waiting == 1 and counts.stuck == ["d"]  # c waits for the trainer
    assert counts.done == 2 and counts.steps[1] == 1


@pytest.mark.parametrize("name", NEW)
def test_the_new_cases_reach_their_expected_decision(registry, name):
    case, kader = _case(registry, name)
    decision = evaluate(kader, case.answers())
    assert decision.route == case.expected.route
    assert decision.acties == case.expected.acties


def test_the_new_cases_cover_what_a_school_trainer_teaches(registry):
    cases = {name: _case(registry, name)[0] for name in NEW}
    assert cases["vo-docent-verdacht"].expected.route == "meldplicht"
    assert cases["vo-docent-verdacht"].model_answers["minderjarige_leerling"].answer == "ja"
    assert (
        cases["mbo-student-partnergeweld"].model_answers["slachtoffer_minderjarig"].answer == "nee"
    )
    assert cases["basisschool-vermoeden-weggenomen"].expected.afsluiten
    assert cases["verloskundige-zwangerschap-partnergeweld"].kader.id == "verloskundigen"
    assert "seksueel_misbruik" in cases["vo-sexting-grooming"].model_answers["vormen"].answer
    assert "partnergeweld" in cases["bso-getuige-partnergeweld"].model_answers["vormen"].answer
