"""The dossier in the app: preview, download through the worker, audit, other users, the
waiting page and the failure page with its retry."""

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from meldcode.storage.casefile_io import import_case
from meldcode.storage.models import AuditEntry
from meldcode.storage.models import CaseEvent
from meldcode.storage.models import User
from tests.dossier.conftest import load_case
from tests.renders import fetch_pdf
from tests.renders import render_rows
from tests.renders import work_queue
from tests.web.test_security import assert_secure
from tests.web.wizard import CSRF
from tests.web.wizard import Visitor
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world

ROOT = Path(__file__).resolve().parents[2]


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
    assert audit_rows(app, case_id, "export") == []
    response = fetch_pdf(app, owner, f"/casussen/{case_id}/dossier.pdf?taal=en")
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


def test_the_first_request_waits_a_second_reuses_the_render_and_the_pdf_comes(world):
    app, _people, case_id = world
    owner = signed_in(app, "owner")
    url = f"/casussen/{case_id}/dossier.pdf?taal=nl"
    response = owner.get(url)
    # Asked, not printed: the same status for every PDF that waits (training PDFs too).
    assert response.status_code == 202 and response.headers["Retry-After"] == "3"
    assert response.mimetype == "text/html"
    assert_secure(response)
    html = response.get_data(as_text=True)
    # It reloads itself as "the page that waited": when the PDF is ready, it says so.
    reload = f"/casussen/{case_id}/dossier.pdf?taal=nl&amp;gewacht=1"
    assert f'<meta http-equiv="refresh" content="3;url={reload}">' in html
    assert "Even geduld" in html and "wachtrij" in html
    assert f"/casussen/{case_id}/dossier.pdf?taal=nl&amp;vanzelf=nee&amp;gewacht=1" in html
    manual = owner.get(f"/casussen/{case_id}/dossier.pdf?taal=nl&vanzelf=nee")
    assert manual.status_code == 202
    assert "http-equiv" not in manual.get_data(as_text=True)
    assert render_rows(app) == [("dossier", "wachtrij", "")]  # one render for one version
    assert audit_rows(app, case_id, "export") == []
    assert work_queue(app) == 1
    # The waiting page's reload finds it ready: a page that says so and fetches the PDF at
    # once (a download would leave "even geduld" on the screen); nothing downloaded yet.
    done = owner.get(f"{url}&gewacht=1")
    page = done.get_data(as_text=True)
    assert done.status_code == 200 and done.mimetype == "text/html"
    assert done.headers["Cache-Control"] == "no-store"
    assert "Het dossier is klaar" in page and "Even geduld" not in page
    plain = f"/casussen/{case_id}/dossier.pdf?taal=nl"
    assert f'<meta http-equiv="refresh" content="0;url={plain}">' in page
    assert f'href="{plain}"' in page
    assert audit_rows(app, case_id, "export") == []
    again = owner.get(url)
    assert again.mimetype == "application/pdf"
    assert len(audit_rows(app, case_id, "export")) == 1
    # The same version asked again: the worker's copy, no second render.
    assert owner.get(url).mimetype == "application/pdf"
    assert render_rows(app) == [("dossier", "klaar", "")] and work_queue(app) == 0
    assert len(audit_rows(app, case_id, "export")) == 2  # every download is audited


def test_a_page_far_back_in_the_queue_asks_again_less_often(world):
    app, _people, case_id = world
    jobs = app.extensions["meldcode_jobs"]
    for number in range(12):  # asked for before this one, not yet printed
        jobs.request_page_render("paginatest", f"s{number}", "v1", "nl", "<p>x</p>")
    owner = signed_in(app, "owner")
    response = owner.get(f"/casussen/{case_id}/dossier.pdf")
    assert response.status_code == 202 and response.headers["Retry-After"] == "12"
    html = response.get_data(as_text=True)
    reload = f"/casussen/{case_id}/dossier.pdf?gewacht=1"
    assert f'<meta http-equiv="refresh" content="12;url={reload}">' in html


def test_a_failed_render_says_so_and_a_retry_brings_the_pdf(world):
    app, _people, case_id = world
    owner = signed_in(app, "owner")
    url = f"/casussen/{case_id}/dossier.pdf"
    assert owner.get(url).status_code == 202
    app.config["RENDER_SECONDS"] = 0.01  # the worker shares these settings: no render fits
    work_queue(app)
    app.config["RENDER_SECONDS"] = 300
    failed = owner.get(url)
    page = failed.get_data(as_text=True)
    assert failed.status_code == 422 and failed.headers["Cache-Control"] == "no-store"
    assert "kon niet worden gemaakt" in page and "http-equiv" not in page
    assert render_rows(app) == [("dossier", "mislukt", "tijd")]
    token = CSRF.search(page).group(1)
    assert f'action="{url}"' in page
    owner.client.post(url, data={})  # no CSRF token: sent back to the page, nothing queued
    assert render_rows(app) == [("dossier", "mislukt", "tijd")]
    retried = owner.client.post(url, data={"csrf_token": token})
    assert retried.status_code == 303 and retried.headers["Location"].endswith(url)
    assert owner.get(url).status_code == 202
    assert render_rows(app) == [("dossier", "wachtrij", "")]
    work_queue(app)
    assert owner.get(url).data.startswith(b"%PDF-")
    assert len(audit_rows(app, case_id, "export")) == 1


def test_a_stranger_cannot_retry_or_see_the_render_of_a_case(world):
    app, _people, case_id = world
    assert signed_in(app, "owner").get(f"/casussen/{case_id}/dossier.pdf").status_code == 202
    stranger = signed_in(app, "stranger")
    token = CSRF.search(stranger.page("/casussen")).group(1)
    response = stranger.client.post(f"/casussen/{case_id}/dossier.pdf", data={"csrf_token": token})
    assert response.status_code == 404
    assert render_rows(app) == [("dossier", "wachtrij", "")]


def test_the_web_never_loads_the_pdf_printer(tmp_path):
    # In a process of its own: the tests around this one print in-process (as the worker).
    script = f"""
import sys
from tests.appfactory import build_app
from tests.web.wizard import Visitor, make_world
app = build_app(__import__("pathlib").Path({str(tmp_path)!r}))
make_world(app)
owner = Visitor(app)
assert owner.login("owner").status_code == 303
case_id = owner.new_case()
assert owner.get(f"/casussen/{{case_id}}/dossier.pdf").status_code == 202
assert owner.get(f"/casussen/{{case_id}}/dossier").status_code == 200
assert "weasyprint" not in sys.modules, "the web loaded WeasyPrint"
assert "meldcode_render_slots" not in app.extensions
print("ok")
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.stdout.strip().endswith("ok"), done.stderr[-2000:]
