"""The dossier in the app: preview, download, audit, other users, and the waiting page."""

import fcntl

import pytest
from sqlalchemy import select

from meldcode.storage.casefile_io import import_case
from meldcode.storage.models import AuditEntry
from meldcode.storage.models import CaseEvent
from meldcode.storage.models import User
from tests.dossier.conftest import load_case
from tests.web.test_security import assert_secure
from tests.web.wizard import Visitor
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world


@pytest.fixture
def world(tmp_path):
    """An isolated app with two organisations, and the onderwijs example case stored."""
    app = fresh_app(tmp_path, PDF_CONCURRENCY=2)
    people = make_world(app)
    database = app.extensions["meldcode_db"]
    casefile = load_case("onderwijs")
    kader = app.extensions["meldcode_registry"].get("onderwijs", "2019.1")

    def work(s):
        return import_case(s, database.cipher, casefile, s.get(User, people.owner), kader).id

    return app, people, database.run_write(work)


def signed_in(app, who: str) -> Visitor:
    """Return a visitor signed in as one of the test world's people."""
    person = Visitor(app)
    assert person.login(who).status_code == 303
    return person


def audit_rows(app, case_id: str, action: str) -> list[AuditEntry]:
    """Return the audit rows of one action on a case."""
    with app.extensions["meldcode_db"].reader() as s:
        query = select(AuditEntry).where(
            AuditEntry.object_id == case_id, AuditEntry.action == action
        )
        return list(s.scalars(query))


def test_preview_shows_the_dossier_with_the_print_stylesheet(world):
    app, _people, case_id = world
    owner = signed_in(app, "owner")
    response = owner.get(f"/casussen/{case_id}/dossier?taal=nl")
    assert response.status_code == 200
    assert_secure(response)
    html = response.get_data(as_text=True)
    assert '<html lang="nl">' in html
    assert 'href="/static/css/dossier.css"' in html
    assert "<style" not in html and " style=" not in html
    for phrase in (
        "J.B., 2016",
        "Stap 1. Signalen in kaart brengen",
        "Blauwe plek op de linker bovenarm",
        "Herkomst en ondertekening",
        f"/casussen/{case_id}/dossier.pdf?taal=nl",
    ):
        assert phrase in html
    english = owner.get(f"/casussen/{case_id}/dossier?taal=en").get_data(as_text=True)
    assert '<html lang="en">' in english
    assert "Map the signals" in english


def test_the_overview_links_to_the_dossier(world):
    app, _people, case_id = world
    html = signed_in(app, "owner").page(f"/casussen/{case_id}")
    assert f'href="/casussen/{case_id}/dossier"' in html
    assert f'href="/casussen/{case_id}/dossier.pdf"' in html


def test_download_is_a_pdf_and_is_audited_without_content(world):
    app, _people, case_id = world
    owner = signed_in(app, "owner")
    response = owner.get(f"/casussen/{case_id}/dossier.pdf?taal=en")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and "J.B." not in disposition
    assert response.headers["Cache-Control"] == "no-store"
    [row] = audit_rows(app, case_id, "export")
    assert (row.object_type, row.result) == ("case", "ok")
    with app.extensions["meldcode_db"].reader() as s:
        events = s.scalars(select(CaseEvent.action).where(CaseEvent.case_id == case_id)).all()
    assert "dossier_gedownload" in events


def test_other_users_get_404_and_nothing_is_exported(world):
    app, _people, case_id = world
    for who in ("stranger", "colleague"):
        person = signed_in(app, who)
        assert person.get(f"/casussen/{case_id}/dossier").status_code == 404
        assert person.get(f"/casussen/{case_id}/dossier.pdf").status_code == 404
    assert audit_rows(app, case_id, "export") == []
    assert len(audit_rows(app, case_id, "denied")) >= 4


def test_signed_out_visitors_are_sent_to_sign_in(world):
    app, _people, case_id = world
    response = Visitor(app).get(f"/casussen/{case_id}/dossier.pdf")
    assert response.status_code in (302, 303)
    assert "/inloggen" in response.headers["Location"]


def hold_every_slot(app) -> list:
    """Take every render slot from outside the app, as busy workers would."""
    slots = app.extensions["meldcode_render_slots"]
    held = []
    for number in range(slots.count):
        handle = open(slots.folder / f"slot-{number}.lock", "a")  # noqa: SIM115 - held open
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        held.append(handle)
    return held


def test_a_full_render_limit_gives_a_page_that_tries_again(world):
    app, _people, case_id = world
    owner = signed_in(app, "owner")
    held = hold_every_slot(app)
    try:
        response = owner.get(f"/casussen/{case_id}/dossier.pdf?taal=nl")
        # One status for every print that waits (the training PDFs too): 202, try again.
        assert response.status_code == 202 and response.headers["Retry-After"] == "5"
        assert response.mimetype == "text/html"
        assert_secure(response)
        html = response.get_data(as_text=True)
        assert '<meta http-equiv="refresh" content="5">' in html
        assert "Even geduld" in html
        assert f"/casussen/{case_id}/dossier.pdf?taal=nl&amp;vanzelf=nee" in html
        manual = owner.get(f"/casussen/{case_id}/dossier.pdf?taal=nl&vanzelf=nee")
        assert "http-equiv" not in manual.get_data(as_text=True)
        assert audit_rows(app, case_id, "export") == []
    finally:
        for handle in held:
            handle.close()  # closing releases the lock
    again = owner.get(f"/casussen/{case_id}/dossier.pdf?taal=nl")
    assert again.mimetype == "application/pdf"
    assert len(audit_rows(app, case_id, "export")) == 1
