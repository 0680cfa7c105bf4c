"""One add-form posted twice at the same moment (a double click, a duplicated tab): one record.

The form's address carries its record's key (meldcode.web.casussen.formulier); the two
saves queue on the case's row lock and the second meets the first one's record, on SQLite
and on PostgreSQL.
"""

import re

import pytest

from meldcode.storage import cases
from meldcode.storage.models import Case
from tests.races.harness import Tally
from tests.races.harness import answers
from tests.races.harness import race
from tests.races.webworld import app_on
from tests.races.webworld import opened
from tests.races.webworld import poster
from tests.races.webworld import signed_in

ROUNDS = 8


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def racing(request, tmp_path_factory):
    """An app with its world and two browsers of the case owner."""
    cluster = request.getfixturevalue("pg_cluster") if request.param == "postgres" else None
    app, people = app_on(request.param, tmp_path_factory.mktemp("resubmit"), cluster)
    yield app, signed_in(app, "owner", 2)
    app.extensions["meldcode_db"].dispose()


def signals(app, case_id: str) -> list[str]:
    """Return the texts of the case's signals."""
    database = app.extensions["meldcode_db"]
    with database.reader() as s:
        found = cases.records(s, database.cipher, s.get(Case, case_id), "signaal")
        return sorted(r.payload.waarneming for r in found)


@pytest.mark.parametrize("same_text", [True, False])
def test_one_add_form_posted_twice_at_once_is_one_signal(racing, same_text):
    app, tabs = racing
    case_id = tabs[0].new_case()
    tally = Tally()
    stored = []
    for round_ in range(ROUNDS):
        page = tabs[0].page(f"/casussen/{case_id}/stap-1")
        url = re.search(r'href="([^"]*signaal/nieuw\?formulier=[0-9a-f]{32})"', page)[1]
        texts = [f"ronde {round_}" if same_text else f"ronde {round_} tab {i}" for i in (0, 1)]
        forms = [opened(tab, url) for tab in tabs]
        outcomes = race(
            [
                poster(tab, url, dict(form, datum="2026-09-14", waarneming=text))
                for tab, form, text in zip(tabs, forms, texts, strict=True)
            ]
        )
        codes = answers(outcomes)
        now = signals(app, case_id)
        expected = ["303", "303"] if same_text else ["303", "409"]
        tally.add(outcomes, bad=codes != expected or len(now) != round_ + 1, labels=codes)
        stored = now
    assert tally.bad_rounds == 0, tally.report()
    assert len(stored) == ROUNDS


def owned_cases(app) -> int:
    """Return how many cases there are in the database."""
    database = app.extensions["meldcode_db"]
    with database.reader() as s:
        return s.query(Case).count()


def test_one_new_case_form_posted_twice_at_once_is_one_case(racing):
    app, tabs = racing
    tally = Tally()
    for round_ in range(ROUNDS):
        before = owned_cases(app)
        page = tabs[0].page("/casussen")
        url = re.search(r'href="(/casussen/nieuw\?formulier=[0-9a-f]{32})"', page)[1]
        forms = [opened(tab, url) for tab in tabs]
        data = {"kader": "onderwijs", "label": f"R.{round_}., 2016", "zorg_sinds": "2026-09-14"}
        outcomes = race(
            [poster(tab, url, dict(form, **data)) for tab, form in zip(tabs, forms, strict=True)]
        )
        codes = answers(outcomes)
        made = owned_cases(app) - before
        tally.add(outcomes, bad=codes != ["303", "303"] or made != 1, labels=codes)
    assert tally.bad_rounds == 0, tally.report()
