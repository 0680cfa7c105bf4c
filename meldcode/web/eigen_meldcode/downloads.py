"""The meldcode as a file to download: PDF, DOCX or the YAML meldcode file, each audited.

The PDF is printed like every PDF of the app (meldcode.web.printing: a render slot, the
render limits, a page that waits while every slot is taken). The audit row says which
version was exported, never what it holds.
"""

from flask import Response
from flask import url_for

from meldcode.dossier.meldcode_docx import MIME
from meldcode.dossier.meldcode_docx import docx
from meldcode.dossier.meldcode_pdf import html
from meldcode.eigen_meldcode import dump_yaml
from meldcode.storage import eigen_meldcode as store
from meldcode.web.auditing import audit_now
from meldcode.web.database import session
from meldcode.web.eigen_meldcode import data
from meldcode.web.printing import Busy
from meldcode.web.printing import TooLarge
from meldcode.web.printing import print_html
from meldcode.web.printing import renderer
from meldcode.web.printing import too_large
from meldcode.web.printing import waiting

RETRY_SECONDS = 5


def document(row, kind: str, name: str):
    """Return the document of a version (of the concept when ``row`` is None) as a download."""
    meldcode = store.as_model(session(), row) if row is not None else data.editable()[0]
    doc = data.document(meldcode)
    if kind == "pdf":
        try:
            body = print_html(html(renderer(), doc))
        except Busy:
            retry = url_for("eigen_meldcode.ours")
            return waiting("eigen_meldcode/bezig.html", RETRY_SECONDS, retry=retry)
        except TooLarge as problem:
            return too_large(problem)
        mimetype = "application/pdf"
    else:
        body, mimetype = docx(doc), MIME
    return _attachment(row, body, mimetype, f"{name}-{doc.language}.{kind}")


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
