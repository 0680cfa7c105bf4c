"""The append-only event log of a case: who did what, when. Never content."""

from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy.orm import Session

from meldcode.storage.models import Case
from meldcode.storage.models import CaseEvent
from meldcode.storage.models import User
from meldcode.storage.prepared import Prepared

_ADD = Prepared(insert(CaseEvent.__table__))  # every save runs it (meldcode.storage.prepared)


def log_event(
    session: Session, case: Case, user: User | None, action: str, subject: str = ""
) -> None:
    """Append an event to the case's log (who, what, when; never content)."""
    # One prepared INSERT now instead of an object for the flush at commit: that flush (and
    # building a statement each time) costs more than the statement. What is pending (a new
    # case) is written first, as the ORM would.
    values = {"case_id": case.id, "actor_id": user.id if user else None, "action": action}
    _ADD.run(session, {**values, "subject": subject})


def events(session: Session, case: Case) -> list[CaseEvent]:
    """Return the case's event log, oldest first."""
    return list(
        session.scalars(
            select(CaseEvent)
            .where(CaseEvent.case_id == case.id)
            .order_by(CaseEvent.at, CaseEvent.id)
        )
    )
