"""The audit trail: who viewed, changed, shared, exported or deleted what, and logins.

Rows hold the action, the object, the result, the actor (user, organisation, role), the
origin and the time (BIO2 8.15.01, NEN 7513) — never any answer text. Successful changes are
audited in the same transaction as the change; views and failures in a transaction of their
own, so they are kept even when the main work rolls back.
"""

import datetime

from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy.orm import Session

from meldcode.storage.models import AuditEntry
from meldcode.storage.models import User
from meldcode.storage.prepared import Prepared

ACTIONS = {
    "view",
    "create",
    "update",
    "delete",
    "share",
    "unshare",
    "export",
    "import",
    "archive",
    "purge",
    "login",
    "login_failed",
    "logout",
    "logout_all",
    "denied",
    "role_change",
    "invite",
    "user_disable",
    "user_enable",
    "settings",
    "session_revoke",
    "totp_enable",
    "totp_disable",
    "setup",
    "conflict",
    "save_failed",
    "password_reset_link",
    "password_reset_mail",
    "password_reset",
    "recovery_codes",
    "recovery_code_used",
    "organisation_create",
}


_ADD = Prepared(insert(AuditEntry.__table__))  # every save runs it (meldcode.storage.prepared)


def _values(
    user: User | None,
    action: str,
    object_type: str = "",
    object_id: str = "",
    result: str = "ok",
    origin: str = "",
    organisation_id: str | None = None,
) -> dict:
    """Return an audit row's columns; ``action`` must be one of the known actions."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    return {
        "actor_id": user.id if user else None,
        "organisation_id": user.organisation_id if user else organisation_id,
        "role": user.role if user else "",
        "action": action,
        "object_type": object_type,
        "object_id": object_id[:64],
        "result": result,
        "origin": origin[:64],
    }


def entry(*args, **kwargs) -> AuditEntry:
    """Build an audit row (arguments as :func:`_values`)."""
    return AuditEntry(**_values(*args, **kwargs))


def record(session: Session, *args, **kwargs) -> None:
    """Write an audit row in ``session``'s transaction (arguments as :func:`_values`)."""
    # One prepared INSERT now, not an object for the flush at commit: that flush (and
    # building a statement each time) costs more than the statement, inside the write lock.
    _ADD.run(session, _values(*args, **kwargs))  # what is pending is flushed first


def for_object(session: Session, object_id: str) -> list[AuditEntry]:
    """Return every audit row about one object (e.g. a case), oldest first."""
    return list(
        session.scalars(
            select(AuditEntry)
            .where(AuditEntry.object_id == object_id)
            .order_by(AuditEntry.at, AuditEntry.id)
        )
    )


def recent(
    session: Session, organisation_id: str, limit: int = 200, since: datetime.datetime | None = None
) -> list[AuditEntry]:
    """Return the newest audit rows of an organisation."""
    query = select(AuditEntry).where(AuditEntry.organisation_id == organisation_id)
    if since:
        query = query.where(AuditEntry.at >= since)
    return list(session.scalars(query.order_by(AuditEntry.at.desc()).limit(limit)))
