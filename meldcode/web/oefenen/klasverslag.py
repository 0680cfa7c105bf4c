"""/oefensessies/<id>/klasverslag.pdf: the class report, with counts and model answers, no names.

Printed by the worker once per state of the class (meldcode.web.oefenen.pdf), and audited
as an export of the session each time it is handed out.
"""

from meldcode.web.access import access
from meldcode.web.auditing import audit_now
from meldcode.web.oefenen.klas import session_context
from meldcode.web.oefenen.pdf import pdf_response
from meldcode.web.oefenen.report import class_report
from meldcode.web.oefenen.state import trainer_session
from meldcode.web.routes import Routes

routes = Routes()


@routes.route("/<session_id>/klasverslag.pdf", methods=["GET", "POST"])
@access("trainer")
def klasverslag(session_id: str):
    """Print the class report: distributions, decisions, model answers, no names."""
    row = trainer_session(session_id)
    context = session_context(row)
    view = class_report(row, context["case"], context["kader"], context["counts"])
    return pdf_response(
        "oefenen/pdf.html",
        f"klasverslag-{row.oefencasus}.pdf",
        view,
        "klasverslag",
        row.id,
        on_serve=lambda: audit_now("export", "oefensessie", row.id),
    )
