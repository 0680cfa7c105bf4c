"""Check and act in one step: inserts that tolerate a twin, row locks, named locks.

PostgreSQL at READ COMMITTED lets two transactions read the same row and both act on what
they read; SQLite serialises writers (``BEGIN IMMEDIATE``), so there it never shows. Every
"look, then write" in storage uses one of these, so both engines give the same answers.
"""

import hashlib

from sqlalchemy import text
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

WRITING = "meldcode_writing"  # in Session.info of every session from Database.write()


def is_postgres(session: Session) -> bool:
    """Tell whether the session talks to PostgreSQL."""
    return session.get_bind().dialect.name == "postgresql"


def is_writing(session: Session) -> bool:
    """Tell whether the session is a write transaction (Database.write)."""
    return bool(session.info.get(WRITING))


def locked(session: Session, query):
    """Return ``query`` locking its rows until commit when the session writes.

    A reading session never locks: a page's reader stays open while its write runs, and
    would block it. SQLite renders no FOR UPDATE; its writers are serialised anyway.
    """
    if not is_writing(session):
        return query
    return query.with_for_update().execution_options(populate_existing=True)


def _insert(session: Session, model):
    """Return the dialect's INSERT (the one with ON CONFLICT) for ``model``."""
    return (postgresql.insert if is_postgres(session) else sqlite.insert)(model)


def insert_new(session: Session, model, values: dict, keys: list[str]) -> bool:
    """Insert a row unless one with the same ``keys`` exists; tell whether it was inserted."""
    statement = _insert(session, model).values(**values).on_conflict_do_nothing(index_elements=keys)
    # RETURNING, not rowcount: psycopg reports no row count for INSERT … ON CONFLICT here.
    key = getattr(model, keys[0])
    return session.execute(statement.returning(key)).first() is not None


def upsert(session: Session, model, values: dict, keys: list[str], changes: list[str]) -> None:
    """Insert a row, or update ``changes`` of the row with the same ``keys``, in one statement."""
    statement = _insert(session, model).values(**values)
    statement = statement.on_conflict_do_update(
        index_elements=keys, set_={name: statement.excluded[name] for name in changes}
    )
    session.execute(statement)


def named_lock(session: Session, name: str) -> None:
    """Hold a lock named ``name`` until the transaction ends (where there is no row to lock).

    PostgreSQL: a transaction-scoped advisory lock; SQLite: nothing, its writers queue.
    """
    if is_postgres(session):
        key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
