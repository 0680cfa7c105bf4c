"""The case size limits (meldcode.casus.limits) held at every save, web and import alike."""

from sqlalchemy import bindparam
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from meldcode.casus.limits import CaseFull
from meldcode.casus.limits import fits
from meldcode.storage.models import CaseRecord
from meldcode.storage.prepared import Prepared

__all__ = ["CaseFull", "check_room", "measure"]
_RECORDS = CaseRecord.__table__
# Every save runs it, inside the write lock (meldcode.storage.prepared).
_ROOM = Prepared(
    select(func.count(), func.coalesce(func.sum(func.length(_RECORDS.c.payload_enc)), 0)).where(
        _RECORDS.c.case_id == bindparam("case"), _RECORDS.c.id != bindparam("record")
    )
)


def measure(session: Session, case_id: str, leave_out: str = "") -> tuple[int, int]:
    """Return (records, stored bytes) of a case, without the record ``leave_out``."""
    count, stored = _ROOM.first(session, {"case": case_id, "record": leave_out})
    return count, stored


def check_room(session: Session, case_id: str, record_id: str, new_size: int) -> None:
    """Raise CaseFull when storing ``new_size`` bytes as ``record_id`` overfills the case."""
    count, stored = measure(session, case_id, record_id)
    if not fits(count + 1, stored + new_size):
        raise CaseFull()
