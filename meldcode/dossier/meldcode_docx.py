"""'Meldcode van <organisatie>' as an editable Word document (DOCX), with python-docx.

The same view model as the PDF. A school that wants to add its own layout or an appendix
edits this file; the tool's copy stays the adopted version. Kader text has a paragraph
style of its own ("Kadertekst": indented, shaded) and every part starts with a label in
words, so the origin survives any restyling.
"""

import io

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.shared import Pt
from docx.shared import RGBColor

from meldcode.dossier.meldcode_blocks import Block
from meldcode.dossier.meldcode_doc import MeldcodeDocument
from meldcode.kader.i18n import _
from meldcode.kader.i18n import using

STYLE_OF = {"eigen": "Eigen tekst", "kader": "Kadertekst", "wet": "Wettekst"}
SHADE_OF = {"eigen": None, "kader": "EEF2F7", "wet": "F3F3F3"}
MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _styles(document) -> None:
    """Add the paragraph styles that keep kader text and own text apart."""
    styles = document.styles
    for herkomst, name in STYLE_OF.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.paragraph_format.left_indent = Cm(0.6 if herkomst != "eigen" else 0)
        style.paragraph_format.space_after = Pt(4)
        shade = SHADE_OF[herkomst]
        if shade:
            fill = OxmlElement("w:shd")
            fill.set(qn("w:val"), "clear")
            fill.set(qn("w:color"), "auto")
            fill.set(qn("w:fill"), shade)
            style.element.get_or_add_pPr().append(fill)
    label = styles.add_style("Herkomst", WD_STYLE_TYPE.PARAGRAPH)
    label.base_style = styles["Normal"]
    label.font.bold = True
    label.font.size = Pt(8.5)
    label.font.color.rgb = RGBColor(0x3D, 0x46, 0x51)
    label.paragraph_format.space_before = Pt(6)
    label.paragraph_format.keep_with_next = True


def _block(document, block: Block, style: str) -> None:
    """Write one block in the part's style."""
    if block.kind == "h":
        document.add_heading(block.text, level=3)
    elif block.kind == "p":
        document.add_paragraph(block.text, style=style)
    elif block.kind == "list":
        for item in block.items:
            document.add_paragraph("• " + item, style=style)
    elif block.kind == "table":
        table = document.add_table(rows=1, cols=len(block.head))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, block.head, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in block.rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = text
        document.add_paragraph()


def docx(doc: MeldcodeDocument) -> bytes:
    """Return the document as DOCX bytes."""
    with using(doc.language):
        document = Document()
        _styles(document)
        props = document.core_properties
        props.title = doc.title
        props.language = doc.language
        props.author = doc.organisation
        document.add_paragraph(_("Meldcode huiselijk geweld en kindermishandeling"), "Herkomst")
        document.add_heading(doc.title, level=0)
        document.add_paragraph(doc.status)
        for label, value in doc.facts:
            document.add_paragraph(f"{label}: {value}")
        document.add_paragraph(_("Eigen tekst: wat de organisatie zelf heeft afgesproken."))
        document.add_paragraph(
            _(
                "Tekst uit het afwegingskader van de sector, met versie en bron; de organisatie "
                "past die niet aan."
            ),
            "Kadertekst",
        )
        for number, section in enumerate(doc.sections, start=1):
            document.add_heading(f"{number}. {section.title}", level=1)
            for part in section.parts:
                document.add_paragraph(part.label, "Herkomst")
                for block in part.blocks:
                    _block(document, block, STYLE_OF[part.herkomst])
        if doc.sources:
            document.add_heading(_("Bronnen"), level=1)
            for c in doc.sources:
                parts = [f"[{c.number}] {c.title}.", c.publisher, c.citation, c.url or ""]
                document.add_paragraph(" ".join(p for p in parts if p))
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
