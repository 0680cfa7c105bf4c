"""Security headers on every response, and pages that need nothing from another host."""

import re
from urllib.parse import urlsplit

import pytest

from meldcode import paths
from meldcode.web.security import CONTENT_SECURITY_POLICY
from tests.web.helpers import get_page
from tests.web.helpers import parse

# A value for every URL argument of every route; a new route with a new argument makes
# test_every_route_sends_the_security_headers fail until a value is added here.
SAMPLE_ARGS = {
    "filename": "css/app.css",
    "kader_id": "basis",
    "versie": "2019.1",
    "code": "en",
    "token": "x" * 43,
    "case_id": "0" * 32,
    "key": "0" * 32,
    "number": 1,
    "qid": "vermoeden",
    "user_id": "0" * 32,
    "step_id": "x",
    "code_id": "x",
    "session_id": "0" * 32,
    "deel": "rollen",
    "provider": "voorbeeld",
    "identity_id": "0" * 32,
}

EXPECTED = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
TEMPLATE_FILES = sorted(paths.TEMPLATES_DIR.rglob("*.html"))
STATIC_TEXT_FILES = sorted(
    p for p in paths.STATIC_DIR.rglob("*") if p.suffix in {".css", ".js", ".html", ".svg"}
)


def route_urls(app) -> list[str]:
    """Return one concrete URL for every GET route of the app."""
    urls = []
    with app.test_request_context():
        from flask import url_for

        for rule in app.url_map.iter_rules():
            if "GET" not in rule.methods:
                continue
            missing = rule.arguments - SAMPLE_ARGS.keys()
            assert not missing, f"add a sample value for {missing} of {rule.rule}"
            urls.append(url_for(rule.endpoint, **{a: SAMPLE_ARGS[a] for a in rule.arguments}))
    return urls


def assert_secure(response) -> None:
    """Check the security headers of one response."""
    for name, value in EXPECTED.items():
        assert response.headers.get(name) == value, name
    policy = response.headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


def test_every_route_sends_the_security_headers(app, client):
    urls = route_urls(app)
    assert "/kaders" in urls and "/taal/en" in urls
    for url in urls + ["/bestaat-niet", "/kaders/bestaat-niet"]:
        with client.get(url) as response:  # closes the static file it may stream
            assert_secure(response)


def test_error_pages_send_the_security_headers_too(client):
    assert_secure(client.get("/static/bestaat-niet.css"))
    assert_secure(client.post("/kaders"))


def test_a_crash_still_sends_the_security_headers(tmp_path):
    from tests.appfactory import build_app

    app = build_app(tmp_path, {"TESTING": False})

    @app.get("/stuk")
    def broken():
        raise RuntimeError("kapot")

    response = app.test_client().get("/stuk")
    assert response.status_code == 500
    assert_secure(response)


def test_the_policy_allows_nothing_inline_or_remote():
    directives = dict(part.strip().split(" ", 1) for part in CONTENT_SECURITY_POLICY.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    for forbidden in ("unsafe-inline", "unsafe-eval", "*", "http:", "https:"):
        for name, value in directives.items():
            assert forbidden not in value.split(), (name, forbidden)
    assert "unsafe" not in CONTENT_SECURITY_POLICY


# --- Files: nothing that loads from another host ---------------------------------------

REMOTE_IN_TEMPLATE = re.compile(
    r"<(script|link|img|source|iframe|object|embed|audio|video)\b[^>]*\b(src|href|srcset)\s*=\s*"
    r"[\"']?\s*(https?:)?//",
    re.IGNORECASE,
)
REMOTE_IN_CSS = re.compile(r"(url\(\s*[\"']?\s*(https?:)?//|@import)", re.IGNORECASE)


@pytest.mark.parametrize("template", TEMPLATE_FILES, ids=lambda p: p.name)
def test_templates_load_nothing_from_another_host(template):
    source = template.read_text()
    assert not REMOTE_IN_TEMPLATE.search(source)
    assert not re.search(r"\sstyle\s*=", source), "no style attributes (CSP forbids them)"
    assert not re.search(r"<style\b", source, re.IGNORECASE)
    for script in re.findall(r"<script\b[^>]*>(.*?)</script>", source, re.IGNORECASE | re.S):
        assert not script.strip(), "no inline script: only files from /static (CSP)"
    for tag in re.findall(r"<script\b[^>]*>", source, re.IGNORECASE):
        assert "url_for('static'" in tag, "scripts come only from this site's /static"
    assert not re.search(r"\son[a-z]+\s*=", source), "no inline event handlers"
    assert "|safe" not in source.replace(" ", "")


@pytest.mark.parametrize("static_file", STATIC_TEXT_FILES, ids=lambda p: p.name)
def test_static_files_load_nothing_from_another_host(static_file):
    source = static_file.read_text()
    assert not REMOTE_IN_CSS.search(source)
    assert not re.search(r"https?://", source)


def test_the_stylesheet_uses_only_the_bundled_fonts():
    css = (paths.STATIC_DIR / "css" / "app.css").read_text()
    fonts = re.findall(r"url\(\"\.\./fonts/([^\"]+)\"\)", css)
    assert sorted(fonts) == [
        "NotoSans-Bold.ttf",
        "NotoSans-BoldItalic.ttf",
        "NotoSans-Italic.ttf",
        "NotoSans-Regular.ttf",
    ]
    for font in fonts:
        assert (paths.STATIC_DIR / "fonts" / font).is_file()


# --- Rendered pages ------------------------------------------------------------------------


def rendered_pages(registry) -> list[str]:
    """Return every page there is, including an error page."""
    pages = ["/kaders", "/bestaat-niet"]
    pages += [f"/kaders/{k.id}/{k.version}" for k in registry.all()]
    return pages


def test_rendered_pages_have_no_inline_code_and_nothing_remote(client, registry):
    for path in rendered_pages(registry):
        for language in ("nl", "en"):
            page = get_page(client, path, language).get_data(as_text=True)
            tags = parse(page)
            assert tags.inline == [], path
            for tag, attrs in tags.tags:
                assert "style" not in attrs, (path, tag)
                assert not any(name.startswith("on") for name in attrs), (path, tag)
                if tag in ("script", "style"):
                    raise AssertionError(f"{path}: <{tag}> in the page")
                if tag in ("link", "img", "source", "iframe", "object", "embed"):
                    for name in ("src", "href", "srcset"):
                        target = attrs.get(name)
                        if target and not target.startswith("data:"):
                            assert not urlsplit(target).netloc, (path, tag, target)
                            assert not urlsplit(target).scheme, (path, tag, target)
