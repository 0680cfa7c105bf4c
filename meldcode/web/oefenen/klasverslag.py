"""/oefensessies/<id>/klasverslag.pdf: the class report, with counts and model answers, no names.

Printed once per state of the class (meldcode.web.oefenen.pdf keeps it), and audited as an
export of the session.
"""

from flask import Response

from meldcode.web.access import access
from meldcode.web.auditing import audit_now
from meldcode.web.i18n import language
from meldcode.web.oefenen.klas import fingerprint
from meldcode.web.oefenen.klas import session_context
from meldcode.web.oefenen.pdf import pdf_response
from meldcode.web.oefenen.report import class_report
from meldcode.web.oefenen.state import trainer_session
from meldcode.web.routes import Routes

routes = Routes()


@routes.get("/<session_id>/klasverslag.pdf")
@access("trainer")
def klasverslag(session_id: str):
    """Print the class report: distributions, decisions, model answers, no names."""
    row = trainer_session(session_id)
    context = session_context(row)
    view = class_report(row, context["case"], context["kader"], context["counts"])
    key = ("klasverslag", row.id, language(), fingerprint(context["counts"]))
    response = pdf_response("oefenen/pdf.html", f"klasverslag-{row.oefencasus}.pdf", view, key)
    if isinstance(response, Response):  # printed, not the waiting page
        audit_now("export", "oefensessie", row.id)
    return response
