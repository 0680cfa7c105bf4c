"""The dossier preview, the download through the worker, and the waiting and failure pages
in a real browser: axe-core, CSP, nothing remote."""

import os
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from sqlalchemy import select
from werkzeug.serving import make_server

from meldcode.storage.background import RenderJob
from meldcode.storage.casefile_io import import_case
from meldcode.storage.models import User
from tests.browser.test_pages import assert_stayed_local
from tests.browser.test_pages import visit
from tests.dossier.conftest import load_case
from tests.jobs.workerproc import running_worker
from tests.web.wizard import EMAILS
from tests.web.wizard import PASSWORD
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world

pytestmark = pytest.mark.browser
# Screenshots to look at (not compared): SCREENSHOT_DIR, else the temporary folder.
SHOTS = Path(os.environ.get("SCREENSHOT_DIR") or tempfile.gettempdir())


@pytest.fixture(scope="module")
def browser_app(tmp_path_factory):
    """An app with the onderwijs example case stored for its owner."""
    app = fresh_app(tmp_path_factory.mktemp("dossier-browser"))
    people = make_world(app)
    database = app.extensions["meldcode_db"]
    kader = app.extensions["meldcode_registry"].get("onderwijs", "2019.1")
    casefile = load_case("onderwijs")

    def work(s):
        return import_case(s, database.cipher, casefile, s.get(User, people.owner), kader).id

    app.config["TEST_CASE_ID"] = database.run_write(work)
    return app


@pytest.fixture(scope="module")
def base_url(browser_app):
    """Serve that app on a free local port for this module's tests."""
    server = make_server("127.0.0.1", 0, browser_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="meldcode-dossier-server")
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def signed_in(browser, base_url):
    """A browser page signed in as the case's owner."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl")
    page = context.new_page()
    page.requested = []
    page.console = []
    page.on("request", lambda request: page.requested.append(request.url))
    page.on("console", lambda message: page.console.append(message.text))
    page.goto(base_url + "/inloggen")
    page.fill("input[name=email]", EMAILS["owner"])
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state("load")
    yield page
    context.close()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_preview_is_accessible_and_loads_only_local_files(
    signed_in, base_url, browser_app, language
):
    case_id = browser_app.config["TEST_CASE_ID"]
    response = visit(signed_in, base_url, f"/casussen/{case_id}/dossier?taal={language}")
    assert response.status == 200
    assert signed_in.get_attribute("html", "lang") == language
    assert signed_in.evaluate("document.fonts.check('16px \"Noto Sans\"')")
    results = Axe().run(signed_in)
    assert results.violations_count == 0, results.generate_report()
    assert_stayed_local(signed_in)
    assert any(url.endswith("/static/css/dossier.css") for url in signed_in.requested)
    assert not [m for m in signed_in.console if "Content Security Policy" in m]


def fail_renders(app) -> int:
    """Mark every queued render as failed on its time limit, as the worker would."""

    def work(s):
        rows = list(s.scalars(select(RenderJob).where(RenderJob.status == "wachtrij")))
        for row in rows:
            row.status, row.failure = "mislukt", "tijd"
        return len(rows)

    return app.extensions["meldcode_db"].run_write(work)


def test_waiting_and_failure_pages_are_accessible_and_the_retry_works(
    signed_in, base_url, browser_app
):
    case_id = browser_app.config["TEST_CASE_ID"]
    # No worker runs here: the render waits in the queue.
    # The automatic retry itself is axe's "meta-refresh" finding; the page offers a
    # link that switches it off (WCAG 2.2.1), and that variant must be clean.
    response = visit(signed_in, base_url, f"/casussen/{case_id}/dossier.pdf?taal=en&vanzelf=nee")
    assert response.status == 202
    assert "Even geduld" in signed_in.content() and "wachtrij" in signed_in.content()
    results = Axe().run(signed_in)
    assert results.violations_count == 0, results.generate_report()
    assert fail_renders(browser_app) == 1
    response = visit(signed_in, base_url, f"/casussen/{case_id}/dossier.pdf?taal=en")
    assert response.status == 422
    assert "kon niet worden gemaakt" in signed_in.content()
    signed_in.screenshot(path=str(SHOTS / "dossier-mislukt.png"), full_page=True)
    results = Axe().run(signed_in)
    assert results.violations_count == 0, results.generate_report()
    signed_in.get_by_role("button", name="Opnieuw proberen").click()
    signed_in.wait_for_load_state("load")
    assert "Even geduld" in signed_in.content()
    assert signed_in.url.endswith(f"/casussen/{case_id}/dossier.pdf?taal=en")
    assert_stayed_local(signed_in)


@pytest.fixture
def worker(browser_app, tmp_path):
    """``meldcode worker`` as its own process on the app's instance folder and queue."""
    keys = ("INSTANCE_PATH", "DATABASE_URL", "SECRET_KEY", "DATA_KEYS")
    settings = {key: browser_app.config[key] for key in keys}
    with running_worker(dict(settings, PDF_WARM_UP=False), tmp_path / "worker.log") as process:
        yield process


def test_download_pdf_waits_on_a_page_then_the_pdf_arrives(
    signed_in, base_url, browser_app, worker, tmp_path
):
    case_id = browser_app.config["TEST_CASE_ID"]
    visit(signed_in, base_url, f"/casussen/{case_id}/dossier?taal=nl")
    with signed_in.expect_download(timeout=120_000) as download:
        signed_in.get_by_role("link", name="Dossier downloaden (pdf)").click()
        # The first answer is the page that waits (printed by the worker, never here).
        signed_in.wait_for_selector("text=Even geduld: het dossier wordt gemaakt")
        signed_in.screenshot(path=str(SHOTS / "dossier-wachten.png"), full_page=True)
    path = tmp_path / "dossier.pdf"
    download.value.save_as(path)
    assert download.value.suggested_filename.startswith(f"meldcode-dossier-{case_id[:8]}-nl")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout
    words = " ".join(text.decode().split())
    assert "J.B., 2016" in words and "Blauwe plek op de linker bovenarm" in words
    # The page the browser stays on says the dossier is ready, not "even geduld".
    signed_in.wait_for_selector("text=Het dossier is klaar")
    assert "Even geduld" not in signed_in.content()
    results = Axe().run(signed_in)
    assert results.violations_count == 0, results.generate_report()
