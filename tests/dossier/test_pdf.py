"""The PDF itself: pages as images (none blank), only the shipped fonts, PDF/UA and metadata."""

import re
import subprocess

import pytest

from tests.dossier.conftest import streams

CASES = ("onderwijs", "knmg", "disclosure", "meldplicht")
PAGES = {"onderwijs": (8, 13), "knmg": (6, 11), "disclosure": (5, 10), "meldplicht": (4, 9)}
DPI = 20
MM = DPI / 25.4  # pixels per millimetre at DPI
SHIPPED = {"Noto-Sans", "Noto-Sans-Bold", "Noto-Sans-Italic", "Noto-Sans-BoldItalic"}


def pdfinfo(path) -> dict[str, str]:
    """Return pdfinfo's fields."""
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)


def page_images(path, folder) -> list[tuple[int, int, bytes]]:
    """Render every page to a greyscale PGM with pdftoppm; return (width, height, pixels)."""
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", str(path), str(folder / "p")], check=True)
    images = []
    for file in sorted(folder.glob("p-*.pgm")):
        data = file.read_bytes()
        magic, width, height, depth, pixels = re.match(
            rb"(P5)\s+(\d+)\s+(\d+)\s+(\d+)\s(.*)", data, re.S
        ).groups()
        assert depth == b"255"
        images.append((int(width), int(height), pixels))
    return images


def ink_in_body(width: int, height: int, pixels: bytes) -> int:
    """Count dark pixels between the top and bottom margins (the running header excluded)."""
    top, bottom = int(24 * MM) + 1, height - int(22 * MM) - 1
    body = pixels[top * width : bottom * width]
    return sum(1 for value in body if value < 230)


@pytest.mark.parametrize("case", CASES)
def test_pages_render_and_none_is_blank(print_case, case, tmp_path):
    printed = print_case(case)
    images = page_images(printed.path, tmp_path)
    low, high = PAGES[case]
    assert low <= len(images) <= high
    assert len(images) == int(pdfinfo(printed.path)["Pages"])
    for number, (width, height, pixels) in enumerate(images, start=1):
        assert abs(width - 210 * MM) < 1.5 and abs(height - 297 * MM) < 1.5  # A4
        assert ink_in_body(width, height, pixels) > 300, f"page {number} looks blank"


def test_the_blank_page_check_can_fail(tmp_path):
    width, height = round(210 * MM), round(297 * MM)
    white = bytes([255]) * (width * height)
    header = bytearray(white)
    header[int(10 * MM) * width : int(12 * MM) * width] = bytes(int(2 * MM) * width)
    assert ink_in_body(width, height, bytes(header)) == 0


@pytest.mark.parametrize("case", CASES)
def test_only_the_shipped_fonts_are_embedded(print_case, case):
    for language in ("nl", "en"):
        path = print_case(case, language).path
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
        rows = out.stdout.splitlines()[2:]
        assert rows
        for row in rows:
            name, emb = row.split()[0], row.split()[-5]
            assert name.split("+", 1)[-1] in SHIPPED, row
            assert emb == "yes", row


@pytest.mark.parametrize("language", ["nl", "en"])
def test_pdf_ua_tagged_with_title_and_language(print_case, language):
    printed = print_case("onderwijs", language)
    info = pdfinfo(printed.path)
    assert info["Tagged"].strip() == "yes"
    assert info["Title"].strip() == printed.view.title
    assert info["Page size"].strip().endswith("(A4)")
    data = b"\n".join(streams(printed.pdf))
    assert f"/Lang ({language})".encode() in data
    assert re.search(rb"pdfuaid:part[^0-9]{1,3}1", data), "no PDF/UA identification in XMP"
    assert b"/StructTreeRoot" in data


def test_running_header_and_page_numbers_on_every_page(print_case):
    for language, words in (("nl", "pagina {} van {}"), ("en", "page {} of {}")):
        printed = print_case("onderwijs", language)
        pages = printed.pages()
        for number, text in enumerate(pages, start=1):
            assert text.count("J.B., 2016") >= 1
            assert words.format(number, len(pages)) in text


def test_training_case_is_marked_on_every_page(print_case):
    for text in print_case("meldplicht").pages():
        assert "OEFENEN" in text


@pytest.mark.slow
def test_a_very_large_case_still_renders(registry, renderer, tmp_path):
    from meldcode.dossier.build import build
    from meldcode.dossier.build import decide
    from tests.dossier.conftest import capture
    from tests.dossier.conftest import release
    from tests.dossier.largecase import large_case

    case = large_case()
    handler = capture()
    try:
        pdf = renderer.pdf(build(case, decide(case, registry), "nl"))
    finally:
        release(handler)
    assert handler.messages == []
    path = tmp_path / "groot.pdf"
    path.write_bytes(pdf)
    assert 50 <= int(pdfinfo(path)["Pages"]) <= 90
