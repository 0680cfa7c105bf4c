"""'Meldcode van <organisatie>' as PDF and DOCX: every element, both languages, kader apart."""

import io
import subprocess

import pytest
from docx import Document

from meldcode.dossier.meldcode_doc import build_document
from meldcode.dossier.meldcode_docx import docx
from meldcode.dossier.meldcode_pdf import pdf
from meldcode.dossier.render import Renderer
from meldcode.eigen_meldcode import dump_yaml
from meldcode.eigen_meldcode import load_yaml
from tests.eigen_meldcode.conftest import complete

# A phrase of every element of the example, as typed by the organisation.
OWN_TEXT = [
    "stagiairs en invalkrachten",  # doel en reikwijdte
    "Fatima Haddou",  # aandachtsfunctionaris
    "Jan de Vries",  # beslisser melden
    "Stichting Lindeboom",  # bevoegd gezag
    "0900-1113111",  # vertrouwensinspecteur
    "Signaleren, vastleggen",  # taakverdeling
    "eergerelateerd geweld of meisjesbesnijdenis",  # bijzondere vormen
    "niet aangesloten op de verwijsindex",  # verwijsindex
    "niet met volwassen cliënten",  # kindcheck
    "beveiligde leerlingdossier",  # vertrouwelijkheid
    "voldoende uren",  # bestuur
    "Jaarlijkse scholing",  # scholing en evaluatie
    "Veilig Thuis Rotterdam Rijnmond",  # region
    "Wijkteam Noord",  # sociale kaart
    "Noteer signalen dezelfde dag",  # eigen afspraak stap 1
]
CHAPTERS = {
    "nl": [
        "Het stappenplan",
        "Het afwegingskader",
        "Wie doet wat",
        "Kindcheck",
        "Verwijsindex risicojongeren",
        "Omgaan met vertrouwelijke informatie",
        "Vaststelling en wettelijke elementen",
        "Uit het afwegingskader",
        "Eigen tekst van OBS De Linde",
    ],
    "en": [
        "The step-by-step plan",
        "The decision framework",
        "Who does what",
        "Child check",
        "Youth risk referral index",
        "Handling confidential information",
        "Adoption and statutory elements",
        "From the decision framework",
        "Own text of OBS De Linde",
    ],
}


@pytest.fixture(scope="module")
def renderer():
    """One renderer for the module (WeasyPrint loads once)."""
    return Renderer()


def adopted():
    """Return the example as adopted version 3."""
    import datetime

    return complete().model_copy(update={"versie": 3, "vastgesteld_op": datetime.date(2026, 9, 1)})


def pdf_text(data: bytes, tmp_path) -> str:
    """Return the text of a PDF with pdftotext, lines joined."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True)
    return " ".join(out.stdout.split())


def docx_text(data: bytes) -> str:
    """Return every paragraph and table cell of a DOCX, joined."""
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_pdf_holds_every_element_and_names_the_origin(renderer, registry, tmp_path, language):
    doc = build_document(adopted(), registry, language)
    data = pdf(renderer, doc)
    text = pdf_text(data, tmp_path)
    for phrase in OWN_TEXT + CHAPTERS[language]:
        assert phrase in text, phrase
    # The kader's own text is printed with its version, apart from the organisation's.
    kader = registry.get("onderwijs")
    assert (
        kader.model.steps["stap1"].title.get(language) in text
        if "stap1" in kader.model.steps
        else True
    )
    assert "2019.1" in text
    assert ("Versie 3" if language == "nl" else "Version 3") in text
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "doc.pdf")], capture_output=True, text=True
    ).stdout
    assert "Tagged:          yes" in info and "A4" in info
    assert "Meldcode van OBS De Linde" in info or "Reporting code of OBS De Linde" in info
    fonts = subprocess.run(
        ["pdffonts", str(tmp_path / "doc.pdf")], capture_output=True, text=True
    ).stdout
    assert all(
        "Noto-Sans" in line and " yes yes " in line
        for line in fonts.splitlines()[2:]
        if line.strip()
    ), fonts


def test_every_pdf_page_has_ink(renderer, registry, tmp_path):
    (tmp_path / "doc.pdf").write_bytes(pdf(renderer, build_document(adopted(), registry, "nl")))
    subprocess.run(
        ["pdftoppm", "-r", "30", "-png", str(tmp_path / "doc.pdf"), str(tmp_path / "p")], check=True
    )
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) >= 5
    from PIL import Image

    for page in pages:
        image = Image.open(page).convert("L")
        assert image.getextrema()[0] < 128, page.name  # something dark is printed


def test_a_concept_says_so_on_every_page(renderer, registry, tmp_path):
    text = pdf_text(pdf(renderer, build_document(complete(), registry, "nl")), tmp_path)
    assert "Concept: nog niet vastgesteld." in text
    assert text.count("CONCEPT") >= 5


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_docx_holds_every_element_in_its_own_styles(registry, language):
    data = docx(build_document(adopted(), registry, language))
    text = docx_text(data)
    for phrase in OWN_TEXT + CHAPTERS[language]:
        assert phrase in text, phrase
    document = Document(io.BytesIO(data))
    styles = {p.style.name for p in document.paragraphs}
    assert {"Kadertekst", "Eigen tekst", "Wettekst", "Herkomst"} <= styles
    kader_text = " ".join(p.text for p in document.paragraphs if p.style.name == "Kadertekst")
    assert "Fatima" not in kader_text and "stagiairs" not in kader_text
    assert document.core_properties.language == language


def test_an_export_import_round_trip_gives_the_same_document(registry):
    original = adopted()
    again = load_yaml(dump_yaml(original).encode())
    assert build_document(again, registry, "nl") == build_document(original, registry, "nl")
    assert docx_text(docx(build_document(again, registry, "en"))) == docx_text(
        docx(build_document(original, registry, "en"))
    )


def test_user_text_is_printed_literally(renderer, registry, tmp_path):
    hostile = complete().model_copy(
        update={"bestuur": "<b>vet</b> <img src='http://127.0.0.1:9/x'>"}
    )
    html_text = pdf_text(pdf(renderer, build_document(hostile, registry, "nl")), tmp_path)
    assert "<b>vet</b>" in html_text
