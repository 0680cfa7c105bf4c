"""/meldcode/beheer/concept: the concept as the document it will become, and its downloads.

The PDF is marked CONCEPT on every page; the YAML file is what editing would start from.
"""

from flask import render_template

from meldcode.web.access import access
from meldcode.web.eigen_meldcode import data
from meldcode.web.eigen_meldcode import downloads
from meldcode.web.routes import Routes

routes = Routes()


@routes.get("/beheer/concept")
@access("beheer")
def concept():
    """Show the concept as the document it will become."""
    meldcode, _version = data.editable()
    doc = data.document(meldcode)
    return render_template(
        "eigen_meldcode/onze_meldcode.html",
        row=None,
        doc=doc,
        content=data.document_html(doc),
        concept=True,
    )


@routes.route("/beheer/concept.pdf", methods=["GET", "POST"])
@access("beheer")
def concept_pdf():
    """Download the concept as a PDF marked CONCEPT."""
    return downloads.document(None, "pdf", "meldcode-concept")


@routes.get("/beheer/concept.docx")
@access("beheer")
def concept_docx():
    """Download the concept as an editable Word document."""
    return downloads.document(None, "docx", "meldcode-concept")


@routes.get("/beheer/concept.yaml")
@access("beheer")
def concept_yaml():
    """Export the concept (or what editing would start from) as a meldcode file."""
    return downloads.meldcode_file(None, "meldcode-concept")
