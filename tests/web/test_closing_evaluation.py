"""Closing a case whose planned evaluation falls after its deletion date: warn, keep it open."""

import datetime

import pytest

from meldcode.casus.records import Evaluatie
from meldcode.storage import cases
from meldcode.storage.models import Case
from meldcode.storage.models import User
from tests.web.casehelpers import db

WARNING = "De evaluatie valt na de verwijderdatum"


def plan_evaluation(app, people, case_id: str, days: int) -> datetime.date:
    """Store a planned evaluation ``days`` from today, as stap 5 would."""
    when = datetime.date.today() + datetime.timedelta(days=days)

    def work(s):
        user = s.get(User, people.owner)
        found = cases.get_case_for_user(s, case_id, user).case
        cases.save_record(
            s, db(app).cipher, found, user, "evaluatie", "", Evaluatie(datum=when), None
        )

    db(app).run_write(work)
    return when


def status(app, case_id: str) -> str:
    """Return the case's status."""
    with db(app).reader() as s:
        return s.get(Case, case_id).status


@pytest.mark.parametrize("days", [30, 31, 200])  # retention is 30 days: deleted before then
def test_an_evaluation_after_the_deletion_date_is_warned_and_the_case_kept_open(
    wizard_app, people, owner, days
):
    case_id = owner.new_case()
    when = plan_evaluation(wizard_app, people, case_id, days)
    url = f"/casussen/{case_id}/sluiten"
    page = owner.page(url)
    assert WARNING in page and str(when.year) in page
    refused = owner.form(url, {"vastgelegd": "y"})
    assert refused.status_code == 400 and status(wizard_app, case_id) == "open"
    assert "Vink aan dat je de casus toch sluit, of laat hem open." in refused.get_data(
        as_text=True
    )
    kept = owner.form(url, {"openlaten": "1"})
    assert kept.status_code == 303 and status(wizard_app, case_id) == "open"
    assert "De casus blijft open." in owner.page(kept.headers["Location"])
    assert owner.form(url, {"vastgelegd": "y", "toch": "y"}).status_code == 303
    assert status(wizard_app, case_id) == "gesloten"


@pytest.mark.parametrize("days", [None, -10, 29])
def test_no_warning_when_the_evaluation_comes_before_the_deletion(wizard_app, people, owner, days):
    case_id = owner.new_case()
    if days is not None:
        plan_evaluation(wizard_app, people, case_id, days)
    url = f"/casussen/{case_id}/sluiten"
    assert WARNING not in owner.page(url)
    assert owner.form(url, {"vastgelegd": "y"}).status_code == 303
    assert status(wizard_app, case_id) == "gesloten"
