"""/dossier and /dossier.pdf: the dossier of a case, as an HTML preview and as a PDF.

The preview is the dossier's own content (templates/dossier/_inhoud.html) on a page of its
own, styled by the same print stylesheet. The PDF is printed by the background worker
(meldcode.web.printing): the first request asks for it and gets a page that tries again by
itself until the PDF is there; a failed render says why and offers a retry, and a case too
large to print is refused at once with a page that says what to do. Each download is
written to the case's event log and the audit trail ("export"), never its content.
"""

from flask import Response
from flask import request
from flask import url_for

from meldcode.dossier.build import Dossier
from meldcode.dossier.build import build
from meldcode.dossier.build import decide
from meldcode.dossier.limit import printable
from meldcode.storage import cases
from meldcode.storage.casefile_io import export_case
from meldcode.storage.casefile_io import with_names
from meldcode.storage.casesize import measure
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.casework import hold_back_weighing
from meldcode.web.casework import open_case
from meldcode.web.casework import save_case
from meldcode.web.casussen.stap_common import case_page
from meldcode.web.database import SaveFailed
from meldcode.web.database import database
from meldcode.web.database import session
from meldcode.web.i18n import language as page_language
from meldcode.web.printing import TooLargeCase
from meldcode.web.printing import answer
from meldcode.web.printing import ask_dossier
from meldcode.web.printing import renderer
from meldcode.web.printing import too_large
from meldcode.web.printing import waiting
from meldcode.web.registry import registry
from meldcode.web.routes import Routes

routes = Routes()
LANGUAGES = ("nl", "en")
WAITING = "casussen/dossier_wachten.html"


def dossier_language() -> str:
    """Return the language asked for with ``?taal=``, else the page's."""
    asked = request.args.get("taal", "")
    return asked if asked in LANGUAGES else page_language()


def dossier_view(found: cases.Access, language: str) -> Dossier:
    """Build the dossier of a stored case, through the case file as the command line does."""
    casefile = export_case(session(), database().cipher, found.case)
    casefile = with_names(session(), casefile, found.case.organisation_id)
    return build(casefile, decide(casefile, registry()), language)


@routes.get("/<case_id>/dossier")
@access("case")
def dossier(case_id: str):
    """Show the dossier as it will be printed, with links to download it."""
    found = open_case(case_id)
    hold_back_weighing(found)
    language = dossier_language()
    view = dossier_view(found, language)
    return case_page(
        found,
        "casussen/dossier.html",
        view=view,
        content=renderer().content(view),
        stylesheet=url_for("static", filename="css/dossier.css"),
        other="en" if language == "nl" else "nl",
    )


@routes.route("/<case_id>/dossier.pdf", methods=["GET", "POST"])
@access("case")
def dossier_pdf(case_id: str):
    """Download the dossier the worker printed, or wait on a page; a POST retries a failure."""
    open_case(case_id, owner_only=True)
    language = dossier_language()

    def too_big() -> bool:
        """Tell whether the case is larger than the worker prints (asked before queueing)."""
        return not printable(*measure(session(), case_id))

    try:
        return answer(
            lambda: ask_dossier(case_id, language, too_big),
            lambda pdf: download(case_id, language, pdf),
            WAITING,
            case_id=case_id,
        )
    except TooLargeCase:
        return too_large()  # refused before anyone waits for a render that cannot finish


def download(case_id: str, language: str, pdf: bytes):
    """Record the download, then hand out the PDF; without the record, a waiting page."""

    def work(s, a, u):
        """Record the download in the case's log and the audit trail (never the content)."""
        cases.log_event(s, a.case, u, "dossier_gedownload")
        audit_in(s, "export", "case", a.case.id)

    try:
        save_case(case_id, work)
    except SaveFailed:
        # An export that cannot be audited is not handed out.
        return waiting(WAITING, case_id=case_id, not_saved=True)
    response = Response(pdf, mimetype="application/pdf")
    # A generic name: the file name must not carry the label into download folders.
    name = f"meldcode-dossier-{case_id[:8]}-{language}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    return response
