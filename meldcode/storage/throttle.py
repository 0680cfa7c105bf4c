"""Login throttling per client address, read from the audit trail.

Failed logins are counted per account in the account row (meldcode.storage.accounts locks
it) and per address here, from the ``login_failed`` rows of the audit trail: an address
with too many failures in the last minutes is refused before any password is checked.
"""

import datetime

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from meldcode.storage.models import AuditEntry

FAILURES_PER_ADDRESS = 100  # per window: a class of 200 behind one address still gets in
WINDOW = datetime.timedelta(minutes=10)


def failed_logins(session: Session, origin: str, since: datetime.datetime) -> int:
    """Return how many logins failed from ``origin`` since ``since``."""
    return session.scalar(
        select(func.count())
        .select_from(AuditEntry)
        .where(
            AuditEntry.action == "login_failed",
            AuditEntry.origin == origin,
            AuditEntry.at >= since,
        )
    )


def too_many_from(session: Session, origin: str, now: datetime.datetime) -> bool:
    """Tell whether an address had too many failed logins in the last window."""
    return failed_logins(session, origin, now - WINDOW) >= FAILURES_PER_ADDRESS
