"""The dossier preview and the waiting page in a real browser: axe-core, CSP, nothing remote."""

import fcntl
import threading

import pytest
from axe_playwright_python.sync_playwright import Axe
from werkzeug.serving import make_server

from meldcode.storage.casefile_io import import_case
from meldcode.storage.models import User
from tests.browser.test_pages import assert_stayed_local
from tests.browser.test_pages import visit
from tests.dossier.conftest import load_case
from tests.web.wizard import EMAILS
from tests.web.wizard import PASSWORD
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world

pytestmark = pytest.mark.browser


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


def test_waiting_page_is_accessible_without_its_automatic_retry(signed_in, base_url, browser_app):
    case_id = browser_app.config["TEST_CASE_ID"]
    slots = browser_app.extensions["meldcode_render_slots"]
    held = [open(slots.folder / f"slot-{n}.lock", "a") for n in range(slots.count)]  # noqa: SIM115
    try:
        for handle in held:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        # The automatic retry itself is axe's "meta-refresh" finding; the page offers a
        # link that switches it off (WCAG 2.2.1), and that variant must be clean.
        visit(signed_in, base_url, f"/casussen/{case_id}/dossier.pdf?vanzelf=nee")
        assert "Even geduld" in signed_in.content()
        results = Axe().run(signed_in)
        assert results.violations_count == 0, results.generate_report()
    finally:
        for handle in held:
            handle.close()
