"""The kader in words: one list per vocabulary, covering every code, in the active language."""

import datetime

from meldcode.casus.records import KINDS
from meldcode.casus.records import Overleg
from meldcode.kader.i18n import _l
from meldcode.kader.i18n import using
from meldcode.kader.words import CASE_ROLES
from meldcode.kader.words import OVERLEG_MET
from meldcode.kader.words import ROLES
from meldcode.kader.words import Words
from meldcode.kader.words import audit_text
from meldcode.kader.words import event_text
from meldcode.kader.words import moment
from meldcode.kader.words import yes_no
from meldcode.kader.words.events import AUDIT_ACTIONS
from meldcode.kader.words.events import RECORD_KINDS
from meldcode.storage.audit import ACTIONS


def test_every_audit_action_and_record_kind_has_its_words():
    assert set(ACTIONS) <= set(AUDIT_ACTIONS)
    assert set(KINDS) == set(RECORD_KINDS)


def test_closing_and_reopening_share_one_audit_label_that_says_both():
    with using("nl"):
        assert audit_text("archive") == "Gesloten of heropend"
    with using("en"):
        assert audit_text("archive") == "Closed or reopened"


def test_the_consultation_codes_are_the_ones_a_record_accepts():
    literal = Overleg.model_json_schema()["properties"]["met"]["enum"]
    assert literal == list(OVERLEG_MET)


def test_case_roles_are_roles_and_a_trainer_is_not_one():
    assert set(CASE_ROLES) < set(ROLES)
    assert "trainer" in ROLES and "trainer" not in CASE_ROLES


def test_a_label_defined_once_reads_in_the_language_where_it_is_shown():
    label = _l("Een collega")
    with using("nl"):
        assert str(label) == "Een collega"
    with using("en"):
        assert str(label) == "A colleague"
        assert f"{OVERLEG_MET['veilig_thuis']}".startswith("Veilig Thuis")
        assert yes_no(True) == "yes" and yes_no(None) == "not answered"
        assert event_text("signaal_toegevoegd") == "Signal added"


def test_times_are_shown_in_dutch_time_in_summer_and_winter():
    summer = datetime.datetime(2026, 7, 1, 10, 0)  # stored as naive UTC
    winter = datetime.datetime(2026, 1, 1, 10, 0, tzinfo=datetime.UTC)
    assert moment(summer, "nl") == "1 juli 2026, 12:00"
    assert moment(winter, "en") == "1 January 2026, 11:00"


def test_answers_in_words_cover_lists_choices_and_nothing(basis):
    kader = basis.model
    words = Words(kader, "nl")
    with using("nl"):
        assert words.answer("vermoeden", "ja") == "ja"
        assert words.answer("vermoeden", None) == "niet beantwoord"
        assert words.answer("vormen", []) == "niets gekozen"
        choice = next(iter(kader.questions["vormen"].choices))
        label = kader.questions["vormen"].choices[choice].label.get("nl")
        assert words.answer("vormen", [choice]) == label
