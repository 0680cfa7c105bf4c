"""Two people (or tabs) posting the same case form at the same moment: 303 and 409, never 500.

The app runs on SQLite and on PostgreSQL; each browser has its own cookies, and the app's
pool gives each request thread its own database connection.
"""

import re

import pytest
from sqlalchemy import func
from sqlalchemy import select

from meldcode.storage import cases
from meldcode.storage.models import Case
from meldcode.storage.models import CaseEvent
from tests.races.harness import Tally
from tests.races.harness import answers
from tests.races.harness import race
from tests.races.webworld import app_on
from tests.races.webworld import opened
from tests.races.webworld import poster
from tests.races.webworld import signed_in

ROUNDS = 10


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def racing(request, tmp_path_factory):
    """An app with its world and two browsers of the case owner."""
    cluster = request.getfixturevalue("pg_cluster") if request.param == "postgres" else None
    app, people = app_on(request.param, tmp_path_factory.mktemp("races"), cluster)
    yield app, people, signed_in(app, "owner", 2)
    app.extensions["meldcode_db"].dispose()


def _stored_signal(app, case_id):
    """Return the version and text of the case's one signal."""
    database = app.extensions["meldcode_db"]
    with database.reader() as s:
        found = cases.records(s, database.cipher, s.get(Case, case_id), "signaal")[0]
        return found.version, found.payload.waarneming


def test_two_saves_of_one_signal_at_once_lose_no_edit(racing):
    app, _people, tabs = racing
    case_id = tabs[0].new_case()
    new = f"/casussen/{case_id}/stap-1/signaal/nieuw"
    tabs[0].form(new, {"datum": "2026-09-14", "waarneming": "eerste"})
    page = tabs[0].page(f"/casussen/{case_id}/stap-1")
    url = f"/casussen/{case_id}/stap-1/signaal/" + re.search(r"signaal/([0-9a-f]{32})\"", page)[1]
    tally, acknowledged = Tally(), 0
    for round_ in range(ROUNDS):
        texts = [f"ronde {round_} tab {i}" for i in range(len(tabs))]
        forms = [opened(tab, url) for tab in tabs]
        calls = [
            poster(tab, url, dict(form, datum="2026-09-14", waarneming=text))
            for tab, form, text in zip(tabs, forms, texts, strict=True)
        ]
        outcomes = race(calls)
        codes = answers(outcomes)
        version, text = _stored_signal(app, case_id)
        winner = texts[[o.value for o in outcomes].index(303)] if "303" in codes else None
        acknowledged += codes.count("303")
        tally.add(outcomes, bad=codes != ["303", "409"] or text != winner, labels=codes)
    version, _ = _stored_signal(app, case_id)
    with app.extensions["meldcode_db"].reader() as s:
        logged = s.scalar(
            select(func.count()).where(
                CaseEvent.case_id == case_id, CaseEvent.action == "signaal_gewijzigd"
            )
        )
    report = (tally.bad_rounds, dict(tally.kinds), acknowledged, version, logged)
    assert tally.bad_rounds == 0, report
    assert version == 1 + acknowledged == 1 + logged, report


def test_a_first_answer_posted_from_two_tabs_at_once_is_a_conflict_not_a_500(racing):
    _app, _people, tabs = racing
    tally = Tally()
    for _round in range(ROUNDS):
        case_id = tabs[0].new_case()
        url = f"/casussen/{case_id}/stap-1/vraag/disclosure"
        forms = [opened(tab, url) for tab in tabs]
        calls = [
            poster(tab, url, dict(form, disclosure=answer))
            for tab, form, answer in zip(tabs, forms, ("ja", "nee"), strict=True)
        ]
        outcomes = race(calls)
        codes = answers(outcomes)
        tally.add(outcomes, bad=codes != ["303", "409"], labels=codes)
    assert tally.bad_rounds == 0, tally.report()


def test_two_label_changes_at_once_are_a_change_and_a_conflict(racing):
    app, _people, tabs = racing
    case_id = tabs[0].new_case()
    url = f"/casussen/{case_id}/instellingen"
    tally = Tally()
    for round_ in range(ROUNDS):
        labels = [f"R{round_}, 201{i}" for i in range(len(tabs))]
        forms = [opened(tab, url) for tab in tabs]
        outcomes = race(
            [
                poster(tab, url, dict(form, label=label))
                for tab, form, label in zip(tabs, forms, labels, strict=True)
            ]
        )
        codes = [o.value for o in outcomes]
        database = app.extensions["meldcode_db"]
        with database.reader() as s:
            stored = cases.label_of(database.cipher, s.get(Case, case_id))
        winner = labels[codes.index(303)] if 303 in codes else None
        tally.add(
            outcomes,
            bad=answers(outcomes) != ["303", "409"] or stored != winner,
            labels=answers(outcomes),
        )
    assert tally.bad_rounds == 0, tally.report()
