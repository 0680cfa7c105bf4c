"""Nothing typed into a case can make the dossier fetch, embed or run anything.

HTML, CSS and URLs go into every free-text field of several example cases; the PDF must show
them as text, the renderer must fetch nothing but our own stylesheet and fonts, a local HTTP
server must see no request, and the PDF must hold no attachment. A second test feeds
unescaped hostile HTML straight to the renderer: the fetcher alone must hold.
"""

import http.server
import subprocess
import threading

import pytest

from meldcode.casus.casefile import CaseFile
from meldcode.dossier.build import build
from meldcode.dossier.build import decide
from tests.dossier.conftest import PRINTED
from tests.dossier.conftest import capture
from tests.dossier.conftest import load_case
from tests.dossier.conftest import pdftotext
from tests.dossier.conftest import release
from tests.dossier.conftest import streams

# Keys whose values the kader or the engine reads (ids, vocabularies), not free text.
STRUCTURAL = {"formaat", "id", "versie", "status", "geinformeerd", "antwoorden", "uitkomst"}
STRUCTURAL |= {"afhankelijken", "zorgt_alleen", "verwijsindex"}
FORBIDDEN = (b"/EmbeddedFile", b"/Filespec", b"/Launch", b"/JavaScript", b"/URI (file:")


class Recorder(http.server.BaseHTTPRequestHandler):
    """Count every request that reaches the local server."""

    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        Recorder.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        return


@pytest.fixture(scope="module")
def server():
    """An HTTP server on 127.0.0.1 that records every request; yields its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def payloads(base: str) -> list[str]:
    """Return the hostile texts, each under the 200 characters a short field takes."""
    return [
        "<link rel=attachment href=file:///etc/passwd>",
        f'<img src="{base}/img" alt=x><img src=http://127.0.0.1:9/x>',
        f"<style>@import url({base}/css); p {{ background: url(file:///etc/hostname) }}</style>",
        f"url(file:///etc/hostname) url({base}/url) &amp; &lt;b&gt; \"quoted\" 'single'",
        f'<object data="{base}/obj"></object><svg><image href="{base}/svg"/></svg>',
        f'</p><p style="background:url({base}/attr)">x</p><script>alert(1)</script>',
    ]


def poison(value, texts: list[str], counter: list[int], key: str = "", parent: str = ""):
    """Replace every free-text string in a case file's data by the next hostile text."""
    if key in STRUCTURAL or (parent == "overleg" and key == "met"):
        return value
    if isinstance(value, dict):
        return {k: poison(v, texts, counter, k, key or parent) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, texts, counter, "", key) for v in value]
    if isinstance(value, str):
        counter[0] += 1
        text = texts[counter[0] % len(texts)]
        return text[:60] if key == "label" else text
    return value


def poisoned(name: str, base: str) -> tuple[CaseFile, int]:
    """Return an example case with hostile text in every free-text field, and how many."""
    data = load_case(name).model_dump(mode="python")
    counter = [0]
    data = poison(data, payloads(base), counter)
    data["casus"]["label"] = "<b>L</b><img src=x>"
    data["tijdlijn"].append({"tijd": "2026-11-20T10:00:00", "wie": "<i>x</i>", "wat": "<u>y</u>"})
    return CaseFile.model_validate(data), counter[0]


@pytest.fixture(scope="module")
def fresh_renderer():
    """A renderer of its own, so its fetcher's counts belong to these tests alone."""
    from meldcode.dossier.render import Renderer

    return Renderer()


@pytest.mark.parametrize("name", ["onderwijs", "knmg", "disclosure", "meldplicht"])
def test_hostile_text_is_printed_literally_and_fetches_nothing(
    name, server, registry, fresh_renderer, tmp_path
):
    case, fields = poisoned(name, server)
    assert fields >= 10
    Recorder.hits.clear()
    fetcher = fresh_renderer.fetcher
    refused_before = fetcher.refused
    fetcher.served.clear()
    handler = capture()
    try:
        pdf = fresh_renderer.pdf(build(case, decide(case, registry), "nl", PRINTED))
    finally:
        release(handler)
    assert handler.messages == []
    assert Recorder.hits == []
    assert fetcher.refused == refused_before
    assert set(fetcher.served) <= {"css/dossier.css"} | {
        f"fonts/NotoSans-{style}.ttf" for style in ("Regular", "Bold", "Italic", "BoldItalic")
    }
    data = b"\n".join(streams(pdf))
    assert [marker for marker in FORBIDDEN if marker in data] == []
    assert b"root:x:0:0" not in data
    path = tmp_path / "hostile.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(["pdfdetach", "-list", str(path)], capture_output=True, text=True)
    assert listing.stdout.strip().startswith("0 embedded files")
    text = " ".join(pdftotext(path).split())
    for piece in (
        "<link rel=attachment href=file:///etc/passwd>",
        "<img src=http://127.0.0.1:9/x>",
        "url(file:///etc/hostname)",
        "&amp; &lt;b&gt; \"quoted\" 'single'",
        "<script>alert(1)</script>",
        "<b>L</b><img src=x>",
    ):
        assert piece in text, piece


def test_preview_html_escapes_every_hostile_text(server, registry, fresh_renderer):
    case, _fields = poisoned("onderwijs", server)
    html = fresh_renderer.html(build(case, decide(case, registry), "nl", PRINTED))
    assert "<link rel=attachment" not in html and "<img src=" not in html
    assert "<script>" not in html and "@import" not in html.split("</head>")[0]
    assert "&lt;link rel=attachment href=file:///etc/passwd&gt;" in html


def test_the_fetcher_alone_stops_unescaped_html(server, fresh_renderer):
    base = server
    hostile = "".join(payloads(base)) + (
        '<link rel="attachment" href="file:///etc/hostname">'
        '<link rel="stylesheet" href="file:///etc/passwd">'
        f'<img src="{fresh_renderer.fetcher.base_url}../../pyproject.toml">'
        f'<img src="{fresh_renderer.fetcher.base_url}css/%2e%2e/%2e%2e/pyproject.toml">'
    )
    html = f'<html lang="nl"><head><title>t</title></head><body><p>{hostile}</p></body></html>'
    Recorder.hits.clear()
    before = fresh_renderer.fetcher.refused
    handler = capture()
    try:
        pdf = fresh_renderer.pdf_from_html(html)
    finally:
        release(handler)
    assert Recorder.hits == []
    assert fresh_renderer.fetcher.refused - before >= 8
    data = b"\n".join(streams(pdf))
    assert [marker for marker in FORBIDDEN if marker in data] == []
    assert b"root:x:0:0" not in data and b"[project]" not in data


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/x",
        "https://example.org/font.ttf",
        "data:text/css,p{{}}",
        "ftp://127.0.0.1/x",
        "file://otherhost{root}/fonts/NotoSans-Regular.ttf",
        "file://{root}/../pyproject.toml",
        "file://{root}/fonts/%2e%2e/../pyproject.toml",
        "file://{root}/js/app.js",
        "file://{root}/fonts/NotoSans-Regular.ttf?x=1",
        "file://{root}/fonts/LICENSE-fonts.txt",
        "/etc/passwd",
        "fonts/NotoSans-Regular.ttf",
    ],
)
def test_the_fetcher_refuses_everything_but_our_static_files(fresh_renderer, url):
    from meldcode.dossier.fetcher import Refused

    fetcher = fresh_renderer.fetcher
    with pytest.raises(Refused):
        fetcher.fetch(url.format(root=fetcher.root))


def test_the_fetcher_serves_our_fonts_and_stylesheet(fresh_renderer):
    fetcher = fresh_renderer.fetcher
    font = fetcher.fetch(fetcher.base_url + "fonts/NotoSans-Regular.ttf")
    assert font.headers["Content-Type"] == "font/ttf"
    css = fetcher.fetch(fetcher.base_url + "css/dossier.css")
    assert css.headers["Content-Type"] == "text/css"
