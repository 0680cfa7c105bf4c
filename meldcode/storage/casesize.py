"""The case size limits (meldcode.casus.limits) held at every save, web and import alike."""

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from meldcode.casus.limits import CaseFull
from meldcode.casus.limits import fits
from meldcode.storage.models import CaseRecord

__all__ = ["CaseFull", "check_room", "measure"]


def measure(session: Session, case_id: str, leave_out: str = "") -> tuple[int, int]:
    """Return (records, stored bytes) of a case, without the record ``leave_out``."""
    count, stored = session.execute(
        select(func.count(), func.coalesce(func.sum(func.length(CaseRecord.payload_enc)), 0)).where(
            CaseRecord.case_id == case_id, CaseRecord.id != leave_out
        )
    ).one()
    return count, stored


def check_room(session: Session, case_id: str, record_id: str, new_size: int) -> None:
    """Raise CaseFull when storing ``new_size`` bytes as ``record_id`` overfills the case."""
    count, stored = measure(session, case_id, record_id)
    if not fits(count + 1, stored + new_size):
        raise CaseFull()
