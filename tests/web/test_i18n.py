"""Languages: every message translated, the locale chosen as promised, a safe language switch."""

import re

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from meldcode import paths
from meldcode.kader import i18n as core_i18n
from meldcode.web.i18n import safe_next
from tests.web.helpers import get_page

ROOT = paths.PACKAGE_DIR.parent
CATALOGUE = paths.TRANSLATIONS_DIR / "en" / "LC_MESSAGES" / "messages.po"
# The keywords of the extraction command (Makefile, translations-extract).
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None, "_n": (1, 2)}
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w*\}")


def extracted() -> tuple[dict[str, set[str]], set[str]]:
    """Extract every msgid from code and templates, as babel.cfg says; and the files read."""
    with (ROOT / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    assert ("meldcode/**.py", "python") in method_map
    assert ("templates/**.html", "jinja2") in method_map
    messages: dict[str, set[str]] = {}
    visited: set[str] = set()
    for filename, _lineno, message, _comments, _context in extract_from_dir(
        ROOT,
        method_map,
        options_map,
        keywords=KEYWORDS,
        callback=lambda name, _method, _options: visited.add(name),
    ):
        # A plural message is (singular, plural); the catalogue files it under the singular.
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid:
            messages.setdefault(msgid, set()).add(filename)
    return messages, visited


def _forms(value) -> tuple[str, ...]:
    """Return a msgid or msgstr as a tuple of its forms (one, or one per plural form)."""
    return tuple(value) if isinstance(value, (tuple, list)) else (value or "",)


def test_extraction_reads_every_template_and_module():
    """Babel skips folders starting with _ or .; no template or module may hide there."""
    _messages, visited = extracted()
    templates = {str(p.relative_to(ROOT)) for p in paths.TEMPLATES_DIR.rglob("*.html")}
    modules = {str(p.relative_to(ROOT)) for p in (ROOT / "meldcode").rglob("*.py")}
    modules = {m for m in modules if "/_data/" not in m}
    assert templates - visited == set()
    assert {m for m in modules if "_(" in (ROOT / m).read_text()} - visited == set()


def test_every_message_has_an_english_translation():
    messages, _visited = extracted()
    assert len(messages) > 100
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    problems = []
    for msgid, files in sorted(messages.items()):
        entry = catalogue.get(msgid)
        if entry is None:
            problems.append(f"missing: {msgid!r} ({', '.join(sorted(files))})")
        elif not all(form.strip() for form in _forms(entry.string)):
            problems.append(f"empty: {msgid!r}")
        elif entry.fuzzy:
            problems.append(f"fuzzy: {msgid!r}")
    assert problems == [], "\n".join(problems)


def test_translations_keep_their_placeholders():
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    for entry in catalogue:
        ids = _forms(entry.id)
        for number, form in enumerate(_forms(entry.string)):
            if ids[0] and form:
                assert sorted(PLACEHOLDER.findall(ids[min(number, len(ids) - 1)])) == sorted(
                    PLACEHOLDER.findall(form)
                ), entry.id


# --- Choosing the locale ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("en", "en"), ("en-GB,en;q=0.9", "en"), ("nl-NL", "nl"), ("de, fr", "nl"), ("", "nl")],
)
def test_browser_language_chooses_the_locale(client, accept, expected):
    page = get_page(client, "/kaders", accept).get_data(as_text=True)
    assert f'<html lang="{expected}">' in page


def test_cookie_wins_over_the_browser_language(client):
    client.set_cookie("taal", "nl")
    page = get_page(client, "/kaders", "en").get_data(as_text=True)
    assert '<html lang="nl">' in page
    assert "Bij twijfel: Veilig Thuis 0800-2000" in page


def test_an_unknown_cookie_value_is_ignored(client):
    client.set_cookie("taal", "xx")
    assert '<html lang="en">' in get_page(client, "/kaders", "en").get_data(as_text=True)


def test_pages_say_they_vary_by_language(client):
    response = client.get("/kaders")
    assert {"Accept-Language", "Cookie"} <= set(response.vary)


def test_core_messages_follow_the_page_language(app):
    with app.test_request_context(headers={"Accept-Language": "en"}):
        app.preprocess_request()
        assert core_i18n.get_language() == "en"
        assert core_i18n._("ja") == "yes"
    assert core_i18n.get_language() == "nl"  # restored when the request ended


# --- The language switch ------------------------------------------------------------------


def test_switch_sets_the_cookie_and_returns_to_the_page(client):
    response = client.get("/taal/en?next=/kaders/basis%3Fx%3D1")
    assert response.status_code == 303
    assert response.headers["Location"] == "/kaders/basis?x=1"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("taal=en;")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/" in cookie
    assert '<html lang="en">' in client.get("/kaders").get_data(as_text=True)
    client.get("/taal/nl?next=/kaders")
    assert '<html lang="nl">' in get_page(client, "/kaders", "en").get_data(as_text=True)


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "http://evil.example",
        "//evil.example/kaders",
        "/\\evil.example",
        "\\\\evil.example",
        "/\t/evil.example",
        "javascript:alert(1)",
        "evil.example",
        "",
    ],
)
def test_switch_refuses_to_leave_the_site(client, target):
    response = client.get("/taal/en", query_string={"next": target})
    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    assert response.headers["Set-Cookie"].startswith("taal=en;")


def test_switch_refuses_an_unknown_language(client):
    response = client.get("/taal/xx?next=/kaders")
    assert response.status_code == 404
    assert "Set-Cookie" not in response.headers


def test_safe_next_keeps_relative_paths():
    assert safe_next("/kaders/basis/2019.1") == "/kaders/basis/2019.1"
    assert safe_next("/kaders?taal=en") == "/kaders?taal=en"
    assert safe_next(None) == "/"


def test_language_links_come_back_to_the_same_page(client):
    page = client.get("/kaders/basis?x=1").get_data(as_text=True)
    assert 'href="/taal/en?next=/kaders/basis?x%3D1"' in page
    assert 'lang="en" hreflang="en">English</a>' in page
    assert '<span aria-current="true" lang="nl">Nederlands</span>' in page
