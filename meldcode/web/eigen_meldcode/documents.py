"""The meldcode as a document: 'Onze meldcode' for every member, versions, PDF and DOCX."""

from flask import Response
from flask import current_app
from flask import render_template
from flask import url_for

from meldcode.dossier import render
from meldcode.dossier.limit import Busy
from meldcode.dossier.meldcode_docx import MIME
from meldcode.dossier.meldcode_docx import docx
from meldcode.dossier.meldcode_pdf import pdf
from meldcode.storage import eigen_meldcode as store
from meldcode.web.access import access
from meldcode.web.auditing import audit_now
from meldcode.web.casus.dossier import SLOTS
from meldcode.web.database import session
from meldcode.web.eigen_meldcode import bp
from meldcode.web.eigen_meldcode import data


@bp.get("/")
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


@bp.get("/versies/<int:number>")
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


@bp.get("/versies/<int:number>.pdf")
@access("authenticated")
def version_pdf(number: int):
    """Download an adopted version as a tagged PDF."""
    row = data.adopted_version(number)
    return _download(row, "pdf", f"meldcode-versie-{number}")


@bp.get("/versies/<int:number>.docx")
@access("authenticated")
def version_docx(number: int):
    """Download an adopted version as an editable Word document."""
    row = data.adopted_version(number)
    return _download(row, "docx", f"meldcode-versie-{number}")


@bp.get("/beheer/concept")
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


@bp.get("/beheer/concept.pdf")
@access("beheer")
def concept_pdf():
    """Download the concept as a PDF marked CONCEPT."""
    return _download(None, "pdf", "meldcode-concept")


@bp.get("/beheer/concept.docx")
@access("beheer")
def concept_docx():
    """Download the concept as an editable Word document."""
    return _download(None, "docx", "meldcode-concept")


def _download(row, kind: str, name: str):
    """Make the document of a version (or of the concept when ``row`` is None), audited."""
    meldcode = store.as_model(session(), row) if row is not None else data.editable()[0]
    doc = data.document(meldcode)
    if kind == "pdf":
        try:
            with current_app.extensions[SLOTS].slot():
                body = pdf(render.shared(warm=False), doc)
        except Busy:
            page = render_template(
                "eigen_meldcode/bezig.html", retry=url_for("eigen_meldcode.ours")
            )
            return Response(
                page, status=503, headers={"Retry-After": "5", "Cache-Control": "no-store"}
            )
        mimetype = "application/pdf"
    else:
        body, mimetype = docx(doc), MIME
    audit_now("export", "meldcode", row.id if row is not None else "concept")
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}-{doc.language}.{kind}"'
    response.headers["Cache-Control"] = "no-store"
    return response
