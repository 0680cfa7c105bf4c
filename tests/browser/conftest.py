"""Fixtures for the browser tests: the app on a local port, and Debian's Chromium.

Playwright never downloads a browser here. Without /usr/bin/chromium the tests skip with a
reason, unless MELDCODE_REQUIRE_BROWSER=1 (as in CI), which turns the skip into a failure.
"""

import os
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.appfactory import build_app
from tests.browser.walk import add_colleague
from tests.web.wizard import make_world

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORTS = {
    "phone": {"width": 320, "height": 640},
    "phone375": {"width": 375, "height": 667},
    "desktop": {"width": 1280, "height": 900},
}


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Return Debian's Chromium, or skip (fail when MELDCODE_REQUIRE_BROWSER=1)."""
    if CHROMIUM.exists():
        return str(CHROMIUM)
    reason = f"{CHROMIUM} is not installed (apt-get install chromium)"
    if os.environ.get("MELDCODE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"MELDCODE_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(f"{reason}: browser tests skipped")


@pytest.fixture(scope="session")
def browser_app(tmp_path_factory):
    """The app the browser tests talk to (one database for the whole session)."""
    return build_app(tmp_path_factory.mktemp("browser-app"))


@pytest.fixture(scope="session")
def base_url(browser_app):
    """Serve the app on a free local port in a thread, for the whole session."""
    server = make_server("127.0.0.1", 0, browser_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="meldcode-test-server")
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def people(browser_app):
    """The organisations and accounts of tests/web/wizard.py, in the browser tests' app."""
    return make_world(browser_app)


@pytest.fixture(scope="session")
def colleague(browser_app, people) -> str:
    """A second aandachtsfunctionaris of the same organisation, to consult (their id)."""
    return add_colleague(browser_app, people.org)


@pytest.fixture(scope="session")
def browser(chromium_path):
    """Launch headless Chromium once for the session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def open_page(browser):
    """Return a function that opens a page in a language and viewport, recording requests."""
    contexts = []

    def opener(language: str, viewport: str):
        context = browser.new_context(
            viewport=VIEWPORTS[viewport],
            locale=language,
            extra_http_headers={"Accept-Language": language},
        )
        contexts.append(context)
        page = context.new_page()
        page.requested = []
        page.console = []
        page.on("request", lambda request: page.requested.append(request.url))
        page.on("console", lambda message: page.console.append(message.text))
        return page

    yield opener
    for context in contexts:
        context.close()
