"""/beheer/logboek: the newest rows of the organisation's audit log, metadata only.

Who did what, when, from where and with what result; never content. Reading the log is
itself written to the log (NEN 7513).
"""

from flask import g
from flask import render_template

from meldcode.kader.words import ROLES
from meldcode.kader.words.events import AUDIT_ACTIONS
from meldcode.kader.words.time import MOMENT_EXACT
from meldcode.kader.words.time import moment
from meldcode.storage import audit
from meldcode.storage import colleagues
from meldcode.web.access import access
from meldcode.web.auditing import audit_now
from meldcode.web.database import session
from meldcode.web.routes import Routes

routes = Routes()
AUDIT_ROWS = 200


@routes.get("/logboek")
@access("beheer")
def audit_log():
    """Show the newest rows of the organisation's audit log: who did what, never content."""
    organisation_id = g.user.organisation_id
    rows = audit.recent(session(), organisation_id, limit=AUDIT_ROWS)
    people = {u.id: u.name or u.email for u in colleagues.members(session(), organisation_id)}
    # Reading the log is itself logged (NEN 7513).
    audit_now("view", "audit_log", organisation_id)
    return render_template(
        "beheer/audit.html",
        rows=rows,
        people=people,
        actions=AUDIT_ACTIONS,
        roles=ROLES,
        when=lambda at: moment(at, pattern=MOMENT_EXACT),
        limit=AUDIT_ROWS,
    )
