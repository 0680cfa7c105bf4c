"""Retention: delete closed cases after the organisation's period, and expired leftovers.

A case is closed once its dossier has been filed in the organisation's own system; this tool
is a working file, not the archive. Deletion is a hard delete (records, events, shares); the
audit trail keeps only that a purge happened, never content.
"""

import datetime
from dataclasses import dataclass
from dataclasses import field

from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from meldcode.storage import audit
from meldcode.storage import password_resets
from meldcode.storage import throttle
from meldcode.storage import training
from meldcode.storage.atomic import insert_new
from meldcode.storage.models import Case
from meldcode.storage.models import CaseEvent
from meldcode.storage.models import CaseRecord
from meldcode.storage.models import CaseShare
from meldcode.storage.models import Invitation
from meldcode.storage.models import Maintenance
from meldcode.storage.models import Organisation
from meldcode.storage.models import SetupToken
from meldcode.storage.models import StashedForm
from meldcode.storage.models import UserSession

DAY = datetime.timedelta(days=1)
EXTRA_JOBS: list = []  # further purges (e.g. training sessions) register here


@dataclass
class Report:
    """What a purge removed."""

    cases: list[str] = field(default_factory=list)
    sessions: int = 0
    other: int = 0


def expired_cases(session: Session, now: datetime.datetime) -> list[Case]:
    """Return closed cases whose retention period has passed."""
    found = []
    for org in session.scalars(select(Organisation)):
        limit = now - datetime.timedelta(days=org.retention_days)
        found += session.scalars(
            select(Case).where(
                Case.organisation_id == org.id,
                Case.status == "gesloten",
                Case.archived_at.is_not(None),
                Case.archived_at <= limit,
            )
        ).all()
    return found


def delete_case(session: Session, case: Case) -> None:
    """Delete a case and everything it holds."""
    for table in (CaseRecord, CaseEvent, CaseShare):
        session.execute(delete(table).where(table.case_id == case.id))
    session.delete(case)


def purge(session: Session, now: datetime.datetime) -> Report:
    """Delete what has passed its retention; return what was removed."""
    report = Report()
    for case in expired_cases(session, now):
        report.cases.append(case.id)
        audit.record(
            session,
            None,
            "purge",
            "case",
            case.id,
            organisation_id=case.organisation_id,
            origin="retentie",
        )
        delete_case(session, case)
    result = session.execute(
        delete(UserSession).where(
            (UserSession.expires_at < now - DAY) | (UserSession.revoked_at < now - DAY)
        )
    )
    report.sessions = result.rowcount or 0
    for statement in (
        delete(StashedForm).where(StashedForm.expires_at < now),
        delete(Invitation).where(Invitation.expires_at < now - 7 * DAY),
        delete(SetupToken).where(SetupToken.expires_at < now),
    ):
        report.other += session.execute(statement).rowcount or 0
    report.other += password_resets.purge(session, now)  # reset links a day past expiry
    report.other += training.purge(session, now)  # ended training sessions, after 24 hours
    report.other += throttle.purge(session, now)  # rate-limit counters of days past
    for job in EXTRA_JOBS:
        report.other += job(session, now)
    return report


def claim_daily(session: Session, now: datetime.datetime, job: str = "purge") -> bool:
    """Tell whether the daily job is due, and mark it as started (one worker wins).

    Both steps are single statements, so two workers asking at once never both win.
    """
    if insert_new(session, Maintenance, {"job": job, "last_run_at": now}, ["job"]):
        return True
    claimed = session.execute(
        update(Maintenance)
        .where(Maintenance.job == job, Maintenance.last_run_at <= now - DAY)
        .values(last_run_at=now)
    )
    return claimed.rowcount == 1
