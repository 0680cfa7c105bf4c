"""The beheerder fills in a complete and an incomplete meldcode in Chromium, axe on each page."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_pages import assert_stayed_local
from tests.browser.test_pages import visit
from tests.web.wizard import EMAILS
from tests.web.wizard import PASSWORD
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser_app(tmp_path_factory):
    """An app of its own: this module adopts meldcodes."""
    app = fresh_app(tmp_path_factory.mktemp("eigen-meldcode-browser"))
    make_world(app)
    return app


@pytest.fixture(scope="module")
def base_url(browser_app):
    """Serve the app on a free local port for this module."""
    import threading

    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, browser_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="meldcode-eigen-server")
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def sign_in(browser, base_url, who, language="nl"):
    """Return a page signed in as ``who``."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale=language,
        extra_http_headers={"Accept-Language": language},
    )
    page = context.new_page()
    page.requested = []
    page.on("request", lambda request: page.requested.append(request.url))
    page.goto(base_url + "/inloggen")
    page.fill("input[name=email]", EMAILS[who])
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state("load")
    return page


def clean(page) -> None:
    """Axe finds nothing and nothing was fetched from elsewhere."""
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert_stayed_local(page)


def save(page, base_url, deel, fields: dict, checks=(), radios=(), selects=()):
    """Open one part, fill it in, check axe, and save it."""
    visit(page, base_url, f"/meldcode/beheer/{deel}")
    clean(page)
    for name, value in fields.items():
        page.fill(f"[name='{name}']", value)
    for name in checks:
        page.check(f"input[name='kaders'][value='{name}']")
    for name, value in radios:
        page.check(f"input[name='{name}'][value='{value}']")
    for name, value in selects:
        page.select_option(f"select[name='{name}']", value)
    page.get_by_role("button", name="Opslaan in het concept").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/meldcode/beheer"), page.url


def test_an_incomplete_meldcode_is_refused_with_every_missing_element(browser, base_url):
    page = sign_in(browser, base_url, "beheerder")
    save(page, base_url, "kader", {"doel_en_reikwijdte": "Voor iedereen."}, checks=["onderwijs"])
    visit(page, base_url, "/meldcode/beheer")
    clean(page)
    assert "Ontbreekt nog" in page.content()
    visit(page, base_url, "/meldcode/beheer/vaststellen")
    clean(page)
    summary = page.locator(".error-summary").inner_text()
    for label in (
        "Wie het laatste woord heeft over melden",
        "Omgaan met vertrouwelijke informatie",
        "Wie wat doet, per groep medewerkers",
        "kindcheck",
    ):
        assert label in summary, label
    assert page.locator("input[name=vastgesteld_door]").count() == 0
    page.context.close()


def test_a_complete_meldcode_is_filled_in_adopted_and_read_by_staff(browser, base_url):
    page = sign_in(browser, base_url, "beheerder")
    save(
        page,
        base_url,
        "rollen",
        {
            "aandachtsfunctionaris-naam": "Fatima Haddou",
            "aandachtsfunctionaris-telefoon": "010-555 12 34",
            "beslisser_melden-functie": "directeur",
        },
    )
    save(
        page,
        base_url,
        "taakverdeling",
        {"rijen-0-groep": "Leerkrachten", "rijen-0-taken": "Signaleren."},
    )
    save(page, base_url, "stappen", {"stap1": "Dezelfde dag vastleggen."})
    save(
        page,
        base_url,
        "bijzonder",
        {
            "bijzondere_vormen-tekst": "Direct VT bellen.",
            "verwijsindex-tekst": "Niet aangesloten.",
            "kindcheck-tekst": "Geen volwassen cliënten.",
        },
        radios=[
            ("bijzondere_vormen-van_toepassing", "ja"),
            ("verwijsindex-van_toepassing", "nee"),
            ("kindcheck-van_toepassing", "nee"),
        ],
    )
    save(
        page,
        base_url,
        "afspraken",
        {
            "vertrouwelijkheid": "Beveiligd dossier.",
            "bestuur": "Tijd en scholing.",
            "scholing_en_evaluatie": "Jaarlijks.",
        },
    )
    save(
        page,
        base_url,
        "sociale-kaart",
        {"adressen-0-naam": "Wijkteam"},
        selects=[("veilig_thuis_regio", "utrecht")],
    )
    visit(page, base_url, "/meldcode/beheer/vaststellen")
    clean(page)
    page.fill("input[name=vastgesteld_door]", "College van bestuur")
    page.get_by_role("button", name="Vaststellen als nieuwe versie").click()
    page.wait_for_load_state("load")
    assert "Versie 1 is vastgesteld" in page.content()
    clean(page)
    page.context.close()
    for language in ("nl", "en"):
        staff = sign_in(browser, base_url, "owner", language)
        visit(staff, base_url, "/meldcode/")
        clean(staff)
        assert "Fatima Haddou" in staff.content()
        assert "Veilig Thuis Utrecht" in staff.content()
        assert any(url.endswith("/static/css/meldcode-document.css") for url in staff.requested)
        staff.context.close()
