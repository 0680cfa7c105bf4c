"""The append-only event log of a case: who did what, when. Never content."""

from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy.orm import Session

from meldcode.storage.models import Case
from meldcode.storage.models import CaseEvent
from meldcode.storage.models import User


def log_event(
    session: Session, case: Case, user: User | None, action: str, subject: str = ""
) -> None:
    """Append an event to the case's log (who, what, when; never content)."""
    # One INSERT now instead of an object for the flush at commit (that flush costs more
    # than the statement); being ORM-enabled, it first flushes what is pending (the case).
    session.execute(
        insert(CaseEvent).values(
            case_id=case.id, actor_id=user.id if user else None, action=action, subject=subject
        )
    )


def events(session: Session, case: Case) -> list[CaseEvent]:
    """Return the case's event log, oldest first."""
    return list(
        session.scalars(
            select(CaseEvent)
            .where(CaseEvent.case_id == case.id)
            .order_by(CaseEvent.at, CaseEvent.id)
        )
    )
