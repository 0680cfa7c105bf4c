"""A heading never ends a page of the dossier without its content (issue 13).

The example cases are printed with their first signal made longer step by step, so that
the page breaks fall in other places each time; on every page, a heading (with only its
lead paragraph after it) must not be the last thing before the page number.
"""

import html
import re

import pytest

from meldcode.dossier.build import build
from meldcode.dossier.build import decide
from tests.dossier.conftest import PRINTED
from tests.dossier.conftest import load_case
from tests.dossier.conftest import pdftotext

PAGE_NUMBER = re.compile(r"(pagina|page) \d+ (van|of) \d+")


def plain(fragment: str) -> str:
    """Return the text of an HTML fragment, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def longer(case, extra: int):
    """Return the case with ``extra`` sentences added to its first signal."""
    first = case.signalen[0]
    grown = first.model_copy(update={"waarneming": first.waarneming + " Aanvulling." * extra})
    return case.model_copy(update={"signalen": [grown, *case.signalen[1:]]})


def stranded_headings(renderer, registry, case, language, path) -> list[tuple[int, str]]:
    """Return (page, heading) for every heading that ends a page without its content."""
    view = build(case, decide(case, registry), language, PRINTED)
    page_html = renderer.html(view)
    headings = {plain(h) for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", page_html, re.S)}
    leads = [plain(p) for p in re.findall(r'<p class="lead">(.*?)</p>', page_html, re.S)]
    path.write_bytes(renderer.pdf(view))
    found = []
    for number, page in enumerate(pdftotext(path).split("\f")[:-1], 1):
        lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
        lines = [line for line in lines if not PAGE_NUMBER.fullmatch(line)]
        for at, line in enumerate(lines[2:], 2):  # the running head and its section first
            if line not in headings:
                continue
            rest = " ".join(lines[at + 1 :])
            for lead in leads:
                rest = rest.removeprefix(lead).strip()
            if not rest:
                found.append((number, line))
    return found


@pytest.mark.parametrize(
    ("name", "language", "extra"),
    [
        ("onderwijs", "nl", 0),
        ("onderwijs", "nl", 12),
        ("onderwijs", "nl", 30),
        ("onderwijs", "en", 0),
        ("knmg", "nl", 0),
        ("knmg", "nl", 20),
        ("disclosure", "nl", 10),
    ],
)
def test_no_heading_ends_a_page_without_its_content(
    renderer, registry, tmp_path, name, language, extra
):
    case = longer(load_case(name), extra)
    found = stranded_headings(renderer, registry, case, language, tmp_path / "d.pdf")
    assert found == [], f"headings at the foot of a page: {found}"
