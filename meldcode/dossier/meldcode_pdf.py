"""Print 'Meldcode van <organisatie>' through the dossier's renderer: tagged PDF/UA-1 on A4.

The same Jinja environment (autoescape, our catalogue), the same static-only URL fetcher,
the same shipped fonts and the same render lock as the dossier; only the template differs.
"""

from markupsafe import Markup

from meldcode import __version__
from meldcode.dossier.meldcode_doc import MeldcodeDocument
from meldcode.kader.i18n import using

TEMPLATE = "eigen_meldcode/document_pdf.html"
CONTENT = "eigen_meldcode/_document.html"


def html(renderer, doc: MeldcodeDocument) -> str:
    """Return the document as one HTML page for WeasyPrint."""
    with using(doc.language):
        return renderer.env.get_template(TEMPLATE).render(doc=doc, version=__version__)


def content(env, doc: MeldcodeDocument, heading: int = 2) -> Markup:
    """Return the document's content only, for a web page (escaped by the environment)."""
    with using(doc.language):
        rendered = env.get_template(CONTENT).render(doc=doc, h=heading)
    return Markup(rendered)  # noqa: S704 - rendered with autoescape on: user text is escaped


def pdf(renderer, doc: MeldcodeDocument) -> bytes:
    """Return the document as a tagged PDF, printed like the dossier."""
    return renderer.pdf_from_html(html(renderer, doc))
