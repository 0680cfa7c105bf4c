"""The pages in a real browser: accessible (axe-core), phone-proof, and strictly local."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

PAGES = ["/kaders", "/kaders/onderwijs", "/kaders/basis"]
# axe is slow on long pages: the overview, and the detail page with the most kinds of rule.
AXE_PAGES = ["/kaders", "/kaders/onderwijs"]


def visit(page, base_url: str, path: str):
    """Open a page and wait until it and its fonts are loaded."""
    response = page.goto(base_url + path, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    return response


def assert_stayed_local(page) -> None:
    """Every request the page made went to the test server, or was inline data."""
    for url in page.requested:
        parts = urlsplit(url)
        assert parts.scheme == "data" or parts.hostname == "127.0.0.1", url


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("path", AXE_PAGES)
def test_page_has_no_accessibility_violations(open_page, base_url, path, language, viewport):
    page = open_page(language, viewport)
    response = visit(page, base_url, path)
    assert response.status == 200
    assert page.get_attribute("html", "lang") == language
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert_stayed_local(page)
    assert len(page.requested) >= 3  # page, stylesheet, font: the listener does listen
    assert not [m for m in page.console if "Content Security Policy" in m], page.console


@pytest.mark.parametrize("path", PAGES + ["/bestaat-niet"])
def test_nothing_scrolls_sideways_on_a_small_phone(open_page, base_url, path):
    page = open_page("nl", "phone")
    visit(page, base_url, path)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert_stayed_local(page)


def test_the_diagram_fits_a_phone_and_is_drawn(open_page, base_url):
    page = open_page("nl", "phone")
    visit(page, base_url, "/kaders/basis")
    box = page.locator("svg.flow").bounding_box()
    assert 250 < box["width"] <= 320
    assert box["height"] > box["width"]
    assert page.locator("svg.flow").get_attribute("role") == "img"


def test_fonts_come_from_the_site(open_page, base_url):
    page = open_page("en", "desktop")
    visit(page, base_url, "/kaders")
    assert page.evaluate("document.fonts.check('16px \"Noto Sans\"')")
    assert any(url.endswith("/static/fonts/NotoSans-Regular.ttf") for url in page.requested)


def test_language_switch_works_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False, locale="nl")
    try:
        page = context.new_page()
        page.goto(base_url + "/kaders/basis", wait_until="load")
        assert page.get_attribute("html", "lang") == "nl"
        page.get_by_role("link", name="English").click()
        page.wait_for_url(base_url + "/kaders/basis")
        assert page.get_attribute("html", "lang") == "en"
        assert page.get_by_role("heading", level=1).inner_text().startswith("National model")
        page.get_by_role("link", name="Nederlands").click()
        page.wait_for_url(base_url + "/kaders/basis")
        assert page.get_attribute("html", "lang") == "nl"
    finally:
        context.close()


def test_the_skip_link_is_the_first_stop_and_reaches_the_content(open_page, base_url):
    page = open_page("nl", "desktop")
    visit(page, base_url, "/kaders")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
