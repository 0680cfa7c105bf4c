"""Account recovery in a real browser: the new pages pass axe, the copy button copies.

A beheerder makes a reset link (shown in full, copied with the button), the colleague
chooses a password with it; two-factor login is switched on, the recovery codes are shown
and one signs in. "Wachtwoord vergeten" without e-mail. Screenshots in the test's folder.
"""

import re
import threading

import pyotp
import pytest
from werkzeug.serving import make_server

from tests.browser.conftest import VIEWPORTS
from tests.browser.test_sso import assert_accessible
from tests.web.wizard import EMAILS
from tests.web.wizard import PASSWORD
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world

pytestmark = pytest.mark.browser
NEW = "de fiets staat in de schuur achter"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The app on a free port, with its own accounts."""
    holder = {}
    server = make_server("127.0.0.1", 0, lambda e, s: holder["app"](e, s), threaded=True)
    base_url = f"http://127.0.0.1:{server.server_port}"
    app = fresh_app(tmp_path_factory.mktemp("recovery-browser"), BASE_URL=base_url)
    holder["app"] = app
    holder["people"] = make_world(app)
    thread = threading.Thread(target=server.serve_forever, name="meldcode-recovery-server")
    thread.start()
    try:
        yield base_url, holder["people"]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def new_page(browser, viewport="phone", language="nl"):
    context = browser.new_context(
        viewport=VIEWPORTS[viewport],
        locale=language,
        extra_http_headers={"Accept-Language": language},
        permissions=["clipboard-read", "clipboard-write"],
    )
    page = context.new_page()
    page.requested, page.console = [], []
    page.on("request", lambda request: page.requested.append(request.url))
    page.on("console", lambda message: page.console.append(message.text))
    return page


def sign_in(page, base_url, who, password=PASSWORD):
    page.goto(base_url + "/inloggen", wait_until="load")
    page.fill("#email", EMAILS[who])
    page.fill("#password", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state("load")


def no_sideways_scroll(page):
    width = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert page.evaluate(width) <= 0


def test_a_reset_link_is_shown_in_full_copied_and_used(browser, site, tmp_path):
    base_url, people = site
    page = new_page(browser)
    sign_in(page, base_url, "beheerder")
    page.goto(f"{base_url}/beheer/gebruikers/{people.colleague}", wait_until="load")
    page.get_by_role("button", name="Link voor nieuw wachtwoord maken").click()
    page.wait_for_load_state("load")
    link = page.locator("#link").inner_text()
    assert re.fullmatch(rf"{re.escape(base_url)}/wachtwoord-herstellen/[\w-]{{43}}", link)
    button = page.get_by_role("button", name="Link kopiëren")
    assert button.is_visible()  # shown by copy.js; hidden without JavaScript
    button.click()
    page.get_by_text("De link is gekopieerd.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == link
    no_sideways_scroll(page)
    page.screenshot(path=tmp_path / "reset-link-phone.png", full_page=True)
    assert_accessible(page)

    person = new_page(browser, "desktop", "en")
    person.goto(link, wait_until="load")
    assert person.get_by_role("heading", level=1).inner_text() == "Choose a new password"
    assert_accessible(person)
    person.fill("#password", NEW)
    person.fill("#password_again", NEW)
    person.click("main button[type=submit]")
    person.wait_for_load_state("load")
    assert person.url == base_url + "/inloggen"
    sign_in(person, base_url, "colleague", NEW)
    assert "/casussen" in person.url


def test_forgot_password_without_mail_says_to_ask_the_beheerder(browser, site, tmp_path):
    base_url, _people = site
    page = new_page(browser)
    page.goto(base_url + "/inloggen", wait_until="load")
    page.get_by_role("link", name="Wachtwoord vergeten?").click()
    page.wait_for_load_state("load")
    assert "verstuurt geen e-mail" in page.inner_text("main")
    no_sideways_scroll(page)
    assert_accessible(page)


def test_recovery_codes_are_shown_once_and_sign_in(browser, site, tmp_path):
    base_url, _people = site
    page = new_page(browser)
    sign_in(page, base_url, "af")
    page.goto(base_url + "/account/tweestaps", wait_until="load")
    secret = page.locator("p.hash strong").inner_text().replace(" ", "")
    page.fill("#code", pyotp.TOTP(secret).now())
    page.click("main button[type=submit]")
    page.wait_for_load_state("load")
    codes = page.locator("ol.recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    no_sideways_scroll(page)
    page.screenshot(path=tmp_path / "recovery-codes-phone.png", full_page=True)
    assert_accessible(page)
    page.goto(base_url + "/account/tweestaps", wait_until="load")
    assert_accessible(page)
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state("load")

    sign_in(page, base_url, "af")
    page.get_by_role("link", name="Log in met een herstelcode").click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    page.fill("#code", codes[0])
    page.click("main button[type=submit]")
    page.wait_for_load_state("load")
    assert page.url == base_url + "/account/tweestaps"
    assert "nog 9 herstelcodes" in page.inner_text("main")
