"""/meldcode and /meldcode/versies/<n>: the organisation's meldcode for every member.

``/meldcode`` shows the version in force ("Onze meldcode"); an older version says which
one replaced it. Each version downloads as PDF or DOCX, and (for the beheerder) as the
YAML meldcode file.
"""

from flask import render_template

from meldcode.storage import eigen_meldcode as store
from meldcode.web.access import access
from meldcode.web.database import session
from meldcode.web.eigen_meldcode import data
from meldcode.web.eigen_meldcode import downloads
from meldcode.web.routes import Routes

routes = Routes()


@routes.get("/")
@access("authenticated")
def ours():
    """Show every member the meldcode in force, with the document to download."""
    row = data.in_force()
    if row is None:
        return render_template("eigen_meldcode/onze_meldcode.html", row=None, content=None)
    doc = data.document(store.as_model(session(), row))
    return render_template(
        "eigen_meldcode/onze_meldcode.html",
        row=row,
        doc=doc,
        content=data.document_html(doc),
        latest=row.version,
    )


@routes.get("/versies/<int:number>")
@access("authenticated")
def version(number: int):
    """Show one adopted version; an older one says which version replaced it."""
    row = data.adopted_version(number)
    doc = data.document(store.as_model(session(), row))
    latest = data.in_force()
    return render_template(
        "eigen_meldcode/onze_meldcode.html",
        row=row,
        doc=doc,
        content=data.document_html(doc),
        latest=latest.version,
    )


@routes.route("/versies/<int:number>.pdf", methods=["GET", "POST"])
@access("authenticated")
def version_pdf(number: int):
    """Download an adopted version as a tagged PDF."""
    return downloads.document(data.adopted_version(number), "pdf", f"meldcode-versie-{number}")


@routes.get("/versies/<int:number>.docx")
@access("authenticated")
def version_docx(number: int):
    """Download an adopted version as an editable Word document."""
    return downloads.document(data.adopted_version(number), "docx", f"meldcode-versie-{number}")


@routes.get("/versies/<int:number>.yaml")
@access("beheer")
def version_yaml(number: int):
    """Export an adopted version as a meldcode file."""
    return downloads.meldcode_file(data.adopted_version(number), f"meldcode-versie-{number}")
