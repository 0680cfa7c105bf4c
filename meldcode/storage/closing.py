"""Closing a case once its dossier is filed elsewhere, and reopening it before deletion.

This tool is a working file, not the archive: closing starts the organisation's retention
period, after which the daily purge (meldcode.storage.purge) deletes the case. Until then
the owner can reopen it. Both are written to the case's own event log.
"""

import datetime

from sqlalchemy.orm import Session

from meldcode.storage.cases import log_event
from meldcode.storage.models import Case
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.storage.models import utcnow


def close(session: Session, case: Case, user: User) -> None:
    """Close the case: the retention period starts now."""
    case.status = "gesloten"
    case.archived_at = utcnow()
    log_event(session, case, user, "casus_gesloten")


def deletion_date(session: Session, case: Case) -> datetime.datetime | None:
    """Return when a closed case will be deleted by the purge, else None."""
    if case.status != "gesloten" or case.archived_at is None:
        return None
    organisation = session.get(Organisation, case.organisation_id)
    return case.archived_at + datetime.timedelta(days=organisation.retention_days)


def can_reopen(session: Session, case: Case) -> bool:
    """Tell whether a closed case can still be reopened: its deletion date lies ahead."""
    ends = deletion_date(session, case)
    return ends is not None and ends > utcnow()


def reopen(session: Session, case: Case, user: User) -> bool:
    """Open a closed case again, the retention period no longer running; False if too late."""
    if not can_reopen(session, case):
        return False
    case.status = "open"
    case.archived_at = None
    log_event(session, case, user, "casus_heropend")
    return True
