"""A stale label or settings form: 409 with both versions, and saving again replaces knowingly."""

from sqlalchemy import select

from meldcode.storage import cases
from meldcode.storage.models import AuditEntry
from meldcode.storage.models import Case
from meldcode.storage.models import Organisation
from tests.races.webworld import opened
from tests.web.wizard import Visitor


def _label(app, case_id):
    database = app.extensions["meldcode_db"]
    with database.reader() as s:
        return cases.label_of(database.cipher, s.get(Case, case_id))


def test_a_stale_label_form_shows_both_labels_and_keeps_mine(wizard_app, owner):
    case_id = owner.new_case(label="A.B., 2015")
    url = f"/casussen/{case_id}/instellingen"
    stale = opened(owner, url)
    assert stale["versie"] == "1"
    assert (
        owner.client.post(url, data=dict(opened(owner, url), label="X.Y., 2015")).status_code == 303
    )
    conflict = owner.client.post(url, data=dict(stale, label="P.Q., 2016"))
    page = conflict.get_data(as_text=True)
    assert conflict.status_code == 409
    assert "X.Y., 2015" in page and "P.Q., 2016" in page and "intussen gewijzigd" in page
    assert _label(wizard_app, case_id) == "X.Y., 2015"
    # The page now carries the stored version: saving again knowingly replaces it.
    again = opened_from(page)
    assert owner.client.post(url, data=dict(again, label="P.Q., 2016")).status_code == 303
    assert _label(wizard_app, case_id) == "P.Q., 2016"
    # The same label sent twice with one version (a double click) is saved once, no conflict.
    twice = opened(owner, url)
    for _ in range(2):
        assert owner.client.post(url, data=dict(twice, label="R.S., 2014")).status_code == 303
    with wizard_app.extensions["meldcode_db"].reader() as s:
        assert s.get(Case, case_id).label_version == 4
        conflicts = s.scalars(select(AuditEntry).where(AuditEntry.action == "conflict")).all()
    assert [c.object_id for c in conflicts] == [case_id]


def test_stale_settings_show_what_the_other_beheerder_saved(wizard_app, people):
    first, second = Visitor(wizard_app), Visitor(wizard_app)
    for person in (first, second):
        assert person.login("beheerder").status_code == 303
    url = "/beheer/instellingen"
    data = {"default_kader": "onderwijs", "require_totp": "nee"}
    stale = opened(second, url)
    done = first.client.post(url, data=dict(opened(first, url), retention_days="60", **data))
    assert done.status_code == 303
    conflict = second.client.post(url, data=dict(stale, retention_days="90", **data))
    page = conflict.get_data(as_text=True)
    assert conflict.status_code == 409
    assert "intussen gewijzigd" in page and ">60<" in page and ">90<" in page
    with wizard_app.extensions["meldcode_db"].reader() as s:
        assert s.get(Organisation, people.org).retention_days == 60
    again = second.client.post(url, data=dict(opened_from(page), retention_days="90", **data))
    assert again.status_code == 303
    with wizard_app.extensions["meldcode_db"].reader() as s:
        assert s.get(Organisation, people.org).retention_days == 90


def opened_from(html: str) -> dict:
    """Return the CSRF token and version a page's form carries."""
    from tests.races.webworld import CSRF
    from tests.races.webworld import VERSION

    return {"csrf_token": CSRF.search(html).group(1), "versie": VERSION.search(html).group(1)}
