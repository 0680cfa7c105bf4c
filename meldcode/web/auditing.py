"""The audit trail from the web side: the actor, the client address, and when to write.

Changes are audited inside their own transaction (see meldcode.storage.audit). Views,
refusals and logins are written in a short transaction of their own. A case view is
recorded once per session and case every ten minutes, so reading a page twice does not
double the trail.
"""

import datetime
import logging
import threading

from flask import g
from flask import request

from meldcode.storage import audit
from meldcode.storage.models import User
from meldcode.web.database import SaveFailed
from meldcode.web.database import write

log = logging.getLogger("meldcode.audit")
VIEW_WINDOW = datetime.timedelta(minutes=10)
_recent_views: dict[tuple[str, str], datetime.datetime] = {}
_lock = threading.Lock()


def origin() -> str:
    """Return the client address (behind trusted proxies, the real one)."""
    return request.remote_addr or ""


def audit_now(
    action: str,
    object_type: str = "",
    object_id: str = "",
    result: str = "ok",
    user: User | None = None,
    organisation_id: str | None = None,
) -> None:
    """Write an audit row in its own transaction; a failure is logged, never shown."""
    actor = user if user is not None else g.get("user")
    row = audit.entry(actor, action, object_type, object_id, result, origin(), organisation_id)

    def work(session):
        """Add the audit row."""
        session.add(row)

    try:
        # After a failed save the database is most likely still locked or full: try once.
        write(work, quick=g.get("save_failure") is not None)
    except SaveFailed:
        log.error("audit row could not be written: action=%s object=%s", action, object_id)


def audit_in(
    session, action: str, object_type: str = "", object_id: str = "", result: str = "ok"
) -> None:
    """Add an audit row to a write transaction that is already open."""
    audit.record(session, g.get("user"), action, object_type, object_id, result, origin())


def audit_view(case_id: str) -> None:
    """Record that the current user viewed a case (once per session per ten minutes)."""
    session_row = g.get("user_session")
    key = (session_row.token_hash if session_row else "", case_id)
    now = datetime.datetime.now(datetime.UTC)
    with _lock:
        last = _recent_views.get(key)
        if last and now - last < VIEW_WINDOW:
            return
        _recent_views[key] = now
        if len(_recent_views) > 10000:  # a bounded memory, even on a long-running worker
            _recent_views.clear()
    audit_now("view", "case", case_id)
