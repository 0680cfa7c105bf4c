"""The dossier in the app: an HTML preview and the PDF download of a case.

The preview is the dossier's own content (templates/dossier/_inhoud.html) on a page of its
own, styled by the same print stylesheet. A download takes one of the machine's render
slots (meldcode.dossier.limit: at most ``PDF_CONCURRENCY`` renders at once, across every
worker); when none is free, the user gets a page that tries again by itself. Each download
is written to the case's event log and the audit trail ("export"), never its content.
"""

from flask import Response
from flask import current_app
from flask import render_template
from flask import request
from flask import url_for

from meldcode.dossier import render
from meldcode.dossier.build import Dossier
from meldcode.dossier.build import build
from meldcode.dossier.limit import Busy
from meldcode.dossier.limit import TooLarge
from meldcode.dossier.limit import render_slots
from meldcode.kader import evaluate
from meldcode.storage import cases
from meldcode.storage.casefile_io import export_case
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.casework import hold_back_weighing
from meldcode.web.casework import kader_of
from meldcode.web.casework import open_case
from meldcode.web.casework import save_case
from meldcode.web.casus import bp
from meldcode.web.database import SaveFailed
from meldcode.web.database import database
from meldcode.web.database import session
from meldcode.web.i18n import language as page_language
from meldcode.web.render_refusal import too_large

SLOTS = "meldcode_dossier_slots"
LANGUAGES = ("nl", "en")
RETRY_SECONDS = 5


def init_app(app) -> None:
    """Set up the render slots, and load WeasyPrint and the fonts now, not on a download."""
    app.extensions[SLOTS] = render_slots(app.config)
    if app.config.get("PDF_WARM_UP", True):
        render.shared(warm=True, registry=app.extensions.get("meldcode_registry"))


def dossier_language() -> str:
    """Return the language asked for with ``?taal=``, else the page's."""
    asked = request.args.get("taal", "")
    return asked if asked in LANGUAGES else page_language()


def dossier_view(found: cases.Access, language: str) -> Dossier:
    """Build the dossier of a stored case, through the case file as the command line does."""
    casefile = export_case(session(), database().cipher, found.case)
    kader = kader_of(found)
    # Only answers the kader knows count, as on every other page (casework.decision_of).
    given = {k: v for k, v in casefile.antwoorden.items() if k in kader.kinds}
    return build(casefile, evaluate(kader, given), language)


@bp.get("/<case_id>/dossier")
@access("case")
def dossier(case_id: str):
    """Show the dossier as it will be printed, with links to download it."""
    found = open_case(case_id)
    hold_back_weighing(found)
    language = dossier_language()
    view = dossier_view(found, language)
    return render_template(
        "cases/dossier_bekijken.html",
        access=found,
        view=view,
        content=render.shared(warm=False).content(view),
        stylesheet=url_for("static", filename="css/dossier.css"),
        other="en" if language == "nl" else "nl",
    )


@bp.get("/<case_id>/dossier.pdf")
@access("case")
def dossier_pdf(case_id: str):
    """Download the dossier as a tagged PDF, or wait on a page that tries again by itself."""
    found = open_case(case_id, owner_only=True)
    language = dossier_language()
    renderer = render.shared(warm=False)  # made and warmed at app start (init_app)
    try:
        pdf = current_app.extensions[SLOTS].render(renderer, dossier_view(found, language))
    except Busy:
        return waiting(case_id)
    except TooLarge as problem:
        return too_large(problem)

    def work(s, a, u):
        """Record the download in the case's log and the audit trail (never the content)."""
        cases.log_event(s, a.case, u, "dossier_gedownload")
        audit_in(s, "export", "case", a.case.id)

    try:
        save_case(case_id, work)
    except SaveFailed:
        # An export that cannot be audited is not handed out.
        return waiting(case_id, not_saved=True)
    response = Response(pdf, mimetype="application/pdf")
    # A generic name: the file name must not carry the label into download folders.
    name = f"meldcode-dossier-{case_id[:8]}-{language}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def waiting(case_id: str, not_saved: bool = False):
    """Return the page that asks the user to wait and tries the download again by itself."""
    automatic = request.args.get("vanzelf") != "nee"
    retry = url_for("cases.dossier_pdf", case_id=case_id, taal=dossier_language())
    manual = url_for("cases.dossier_pdf", case_id=case_id, taal=dossier_language(), vanzelf="nee")
    response = Response(
        render_template(
            "cases/dossier_wachten.html",
            case_id=case_id,
            seconds=RETRY_SECONDS if automatic else None,
            retry=retry,
            manual=manual,
            not_saved=not_saved,
        )
    )
    response.headers["Cache-Control"] = "no-store"
    return response
