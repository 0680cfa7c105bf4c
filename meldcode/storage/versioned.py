"""Versioned rows: a save names the version it was shown, and wins only if that is still stored.

The check and the write are one statement (``UPDATE … SET version = version + 1 WHERE id = :id
AND version = :shown``): whoever comes second matches no row and gets :class:`Conflict`, with
what is stored now, on PostgreSQL exactly as on SQLite. Nothing is overwritten silently.
"""

import datetime
from dataclasses import dataclass

from sqlalchemy import update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value


@dataclass
class Conflict(Exception):
    """The record changed since the form was shown; both versions are kept for the user."""

    kind: str
    key: str
    current: dict | None
    version: int
    updated_by: str | None
    updated_at: datetime.datetime | None


def bump(session: Session, row, version: str, shown: int, values: dict) -> bool:
    """Write ``values`` and raise ``row``'s version by one, only if it is still ``shown``.

    Tells whether the row matched. The loaded ``row`` takes the stored values without being
    marked changed, so the ORM never writes them a second time.
    """
    model = type(row)
    column = getattr(model, version)
    result = session.execute(
        update(model)
        .where(model.id == row.id, column == shown)
        .values({version: column + 1, **values})
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        return False
    for name, value in {version: shown + 1, **values}.items():
        set_committed_value(row, name, value)
    return True
