"""Failed sign-ins, counted from the audit trail that every worker shares.

Failures are counted per account in the account row (meldcode.storage.accounts locks it);
here they are counted from the ``login_failed`` rows of the audit trail: per client
address (the address limit) or per account and result (a known device's own budget,
meldcode.web.login_guard). Nothing but the audit row is stored per attempt.
"""

import datetime

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from meldcode.storage.models import AuditEntry


def from_address(session: Session, origin: str, since: datetime.datetime) -> int:
    """Return how many sign-ins failed from the client address ``origin`` since ``since``."""
    return _count(session, since, AuditEntry.origin == origin)


def of_account(session: Session, user_id: str, result: str, since: datetime.datetime) -> int:
    """Return how many sign-ins of one account failed with ``result`` since ``since``."""
    return _count(session, since, AuditEntry.object_id == user_id, AuditEntry.result == result)


def _count(session: Session, since: datetime.datetime, *conditions) -> int:
    """Count the ``login_failed`` rows since ``since`` that meet ``conditions``."""
    return session.scalar(
        select(func.count())
        .select_from(AuditEntry)
        .where(AuditEntry.action == "login_failed", AuditEntry.at >= since, *conditions)
    )
