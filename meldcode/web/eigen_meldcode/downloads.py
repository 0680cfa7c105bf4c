"""The meldcode as a file to download: PDF, DOCX or the YAML meldcode file, each audited.

The PDF is printed like every PDF of the app (meldcode.web.printing): by the background
worker, with a page that waits meanwhile and a retry if it fails. The audit row says
which version was exported, never what it holds.
"""

from flask import Response

from meldcode.dossier.meldcode_docx import MIME
from meldcode.dossier.meldcode_docx import docx
from meldcode.dossier.meldcode_pdf import html
from meldcode.eigen_meldcode import dump_yaml
from meldcode.storage import eigen_meldcode as store
from meldcode.web.auditing import audit_now
from meldcode.web.database import session
from meldcode.web.eigen_meldcode import data
from meldcode.web.printing import answer
from meldcode.web.printing import ask_page
from meldcode.web.printing import renderer


def document(row, kind: str, name: str):
    """Return the document of a version (of the concept when ``row`` is None) as a download."""
    meldcode = store.as_model(session(), row) if row is not None else data.editable()[0]
    doc = data.document(meldcode)
    filename = f"{name}-{doc.language}.{kind}"
    if kind == "pdf":
        # A version is printed once per day and language; the concept per organisation.
        subject = row.id if row is not None else data.organisation().id
        return answer(
            lambda: ask_page("meldcode", subject, html(renderer(), doc), doc.language),
            lambda pdf: _attachment(row, pdf, "application/pdf", filename),
            "eigen_meldcode/bezig.html",
        )
    return _attachment(row, docx(doc), MIME, filename)


def meldcode_file(row, name: str):
    """Return a version (the concept when ``row`` is None) as a meldcode file (YAML)."""
    meldcode = store.as_model(session(), row) if row is not None else data.editable()[0]
    return _attachment(row, dump_yaml(meldcode), "application/x-yaml", f"{name}.yaml")


def _attachment(row, body, mimetype: str, filename: str) -> Response:
    """Audit the export and return the body as a download that is never cached."""
    audit_now("export", "meldcode", row.id if row is not None else "concept")
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response
