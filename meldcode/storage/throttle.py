"""Counters in fixed time windows, shared by every worker: how often a key was hit lately.

One row per key (an address, a session, "everyone"), reset when its window has passed, so a
flood of attempts updates a row instead of adding rows: the table does not grow with the
number of attempts. Rows of windows long past are removed by the daily purge.
"""

import datetime

from sqlalchemy import DateTime
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import case
from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import Session
from sqlalchemy.orm import mapped_column

from meldcode.storage.models import Base

KEY_LENGTH = 100


class Throttle(Base):
    """How many hits a key had since its window started."""

    __tablename__ = "throttles"
    key: Mapped[str] = mapped_column(String(KEY_LENGTH), primary_key=True)
    window_start: Mapped[datetime.datetime] = mapped_column(DateTime)
    hits: Mapped[int] = mapped_column(Integer)


def hits(session: Session, key: str, now: datetime.datetime, window: datetime.timedelta) -> int:
    """Return how often ``key`` was hit in its current window (0 when it has passed)."""
    row = session.get(Throttle, key[:KEY_LENGTH])
    if row is None or row.window_start <= now - window:
        return 0
    return row.hits


def hit(session: Session, key: str, now: datetime.datetime, window: datetime.timedelta) -> int:
    """Count one hit of ``key``; return the hits in its window, this one included.

    An upsert followed by one UPDATE, so two workers hitting the same key at once both count.
    """
    key = key[:KEY_LENGTH]
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(Throttle)
        .values(key=key, window_start=now, hits=0)
        .on_conflict_do_nothing(index_elements=["key"])
    )
    expired = Throttle.window_start <= now - window
    session.execute(
        update(Throttle)
        .where(Throttle.key == key)
        .values(
            hits=case((expired, 1), else_=Throttle.hits + 1),
            window_start=case((expired, now), else_=Throttle.window_start),
        )
        .execution_options(synchronize_session=False)
    )
    return session.scalar(select(Throttle.hits).where(Throttle.key == key))


def purge(session: Session, now: datetime.datetime) -> int:
    """Delete counters whose window started more than a day ago; return how many."""
    result = session.execute(
        delete(Throttle).where(Throttle.window_start < now - datetime.timedelta(days=1))
    )
    return result.rowcount or 0
