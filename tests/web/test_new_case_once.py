"""Starting a case: Back after "Casus aanmaken" and sending again makes no second case.

The list links to /casussen/nieuw with the id the case will get (meldcode.web.casussen.nieuw);
the same form sent again lands on that case, other text is shown again, never lost.
"""

import re

import pytest

from meldcode.storage.models import Case
from tests.web.wizard import CSRF
from tests.web.wizard import Visitor

NEW = {"kader": "onderwijs", "label": "J.B., 2016", "zorg_sinds": "2026-09-14"}
ALREADY = "Deze casus was al aangemaakt"


@pytest.fixture
def colleague(wizard_app, people):
    """A colleague in the owner's organisation, signed in."""
    person = Visitor(wizard_app)
    assert person.login("colleague").status_code == 303
    return person


def new_case_link(owner) -> str:
    """Return the address of the new-case form as the case list links to it."""
    found = re.search(r'href="(/casussen/nieuw\?formulier=[0-9a-f]{32})"', owner.page("/casussen"))
    assert found, "the case list's link to a new case carries no key"
    return found.group(1)


def case_ids(app) -> list[str]:
    """Return the ids of every case in the database."""
    database = app.extensions["meldcode_db"]
    with database.reader() as s:
        return sorted(c.id for c in s.query(Case).all())


def post(owner, url: str, html: str, data: dict):
    """Post ``data`` as the form in ``html`` would."""
    return owner.client.post(url, data={"csrf_token": CSRF.search(html).group(1), **data})


def test_the_same_form_sent_again_lands_on_the_case_it_made(wizard_app, owner):
    link = new_case_link(owner)
    form_page = owner.page(link)
    first = post(owner, link, form_page, NEW)
    assert first.status_code == 303
    (case_id,) = case_ids(wizard_app)
    assert link.endswith(case_id)  # the case got the id its form carried

    again = post(owner, link, form_page, NEW)  # Back to the cached page, submit again
    assert again.status_code == 303
    assert again.headers["Location"] == first.headers["Location"]
    assert ALREADY in owner.page(again.headers["Location"])
    assert case_ids(wizard_app) == [case_id]


def test_other_text_in_the_same_form_is_kept_and_can_start_a_second_case(wizard_app, owner):
    link = new_case_link(owner)
    form_page = owner.page(link)
    assert post(owner, link, form_page, NEW).status_code == 303
    (first_id,) = case_ids(wizard_app)

    changed = post(owner, link, form_page, dict(NEW, label="K.L., 2015"))
    assert changed.status_code == 409
    page = changed.get_data(as_text=True)
    assert "met dit formulier is al een casus aangemaakt" in page
    assert 'value="K.L., 2015"' in page  # the text is still there
    assert f"/casussen/{first_id}" in page  # and the way to the case made first
    assert case_ids(wizard_app) == [first_id]

    action = re.search(r'<form method="post" novalidate action="([^"]+)"', page).group(1)
    action = action.replace("&amp;", "&")
    assert first_id not in action  # "Nog een casus aanmaken" has a key of its own
    assert post(owner, action, page, dict(NEW, label="K.L., 2015")).status_code == 303
    assert post(owner, action, page, dict(NEW, label="K.L., 2015")).status_code == 303
    assert len(case_ids(wizard_app)) == 2


def test_a_form_key_that_is_someone_elses_case_makes_a_new_id(wizard_app, owner, colleague):
    theirs = colleague.new_case()
    url = f"/casussen/nieuw?formulier={theirs}"
    response = post(owner, url, owner.page(url), NEW)
    assert response.status_code == 303
    mine = response.headers["Location"].rsplit("/", 1)[-1]
    assert mine != theirs and len(case_ids(wizard_app)) == 2
    assert ALREADY not in owner.page(response.headers["Location"])


def test_a_link_without_a_key_still_starts_a_case(wizard_app, owner):
    assert owner.new_case() in case_ids(wizard_app)
