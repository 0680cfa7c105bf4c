"""Single sign-on in a real browser: the sign-in page, the provider, and the refusal page."""

import threading

import pytest
from axe_playwright_python.sync_playwright import Axe
from sqlalchemy import update
from werkzeug.serving import make_server

from meldcode.storage.models import Organisation
from tests.browser.test_pages import assert_stayed_local
from tests.sso import provider as test_provider
from tests.sso.conftest import TENANTS
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def sso_site(tmp_path_factory):
    """The app on a free port with its own test provider registered for that port."""
    holder = {}
    server = make_server(
        "127.0.0.1", 0, lambda env, start: holder["app"](env, start), threaded=True
    )
    base_url = f"http://127.0.0.1:{server.server_port}"
    oidc = test_provider.start(base_url)
    app = fresh_app(
        tmp_path_factory.mktemp("sso-browser"),
        OIDC_PROVIDERS=[test_provider.settings(oidc.issuer, TENANTS)],
        BASE_URL=base_url,
    )
    people = make_world(app)
    app.extensions["meldcode_db"].run_write(
        lambda s: s.execute(
            update(Organisation)
            .where(Organisation.id == people.org)
            .values(sso_new_role="medewerker")
        )
    )
    holder["app"] = app
    thread = threading.Thread(target=server.serve_forever, name="meldcode-sso-server")
    thread.start()
    try:
        yield base_url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
        oidc.stop()


def assert_accessible(page) -> None:
    """Run axe on the page: no violations, and no request left this machine."""
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert_stayed_local(page)
    assert not [m for m in page.console if "Content Security Policy" in m], page.console


def sign_in_at_provider(page, tid: str, account: str) -> None:
    """Fill in the test provider's sign-in form as a person would."""
    page.fill("#account", account)
    page.fill("#claims", f'{{"tid": "{tid}", "name": "Bram Browser"}}')
    page.click("button[type=submit]")
    page.wait_for_load_state("load")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_sign_in_page_offers_the_provider_and_signs_in(open_page, sso_site, language):
    page = open_page(language, "phone")
    page.goto(sso_site + "/inloggen", wait_until="load")
    button = {"nl": "Inloggen met Testschool-account", "en": "Log in with Testschool-account"}
    link = page.get_by_role("link", name=button[language])
    assert link.is_visible()
    assert_accessible(page)
    link.click()
    page.wait_for_load_state("load")
    sign_in_at_provider(page, "tenant-linde", f"bram-{language}")  # a new account each
    assert page.url.startswith(sso_site + "/casussen"), page.url
    signed_in = page.get_by_role("button", name={"nl": "Uitloggen", "en": "Log out"}[language])
    assert signed_in.count() == 1


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_refusal_page_says_what_to_do(open_page, sso_site, language):
    page = open_page(language, "desktop")
    page.goto(sso_site + f"/inloggen/sso/{test_provider.KEY}", wait_until="load")
    sign_in_at_provider(page, "tenant-onbekend", "onbekend")
    heading = {
        "nl": "Je organisatie is niet aangesloten",
        "en": "Your organisation is not connected",
    }
    assert page.get_by_role("heading", level=1).inner_text() == heading[language]
    back = page.get_by_role(
        "link", name={"nl": "Terug naar inloggen", "en": "Back to log in"}[language]
    )
    assert back.is_visible()
    assert_accessible(page)
