"""The database: engines, sessions, and the SQLite settings that make several workers safe.

SQLite (the embedded default) runs in WAL mode with a busy timeout; every write transaction
starts with ``BEGIN IMMEDIATE`` so a read-then-write never fails on a stale snapshot.
PostgreSQL runs at READ COMMITTED: there, storage checks and acts in one statement or under a
row lock (meldcode.storage.atomic). Writes retry briefly when the database is locked, and on
PostgreSQL when it broke a deadlock or a serialisation conflict (the work is run again whole).
"""

import os
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm import sessionmaker

from meldcode.storage.atomic import WRITING
from meldcode.storage.crypto import Cipher

WRITE_ATTEMPTS = 3
# PostgreSQL: serialization_failure, deadlock_detected, lock_not_available.
RETRY_SQLSTATES = {"40001", "40P01", "55P03"}


class DatabaseBusy(Exception):
    """A write could not get the database after retrying; nothing was saved."""


def make_engine(url: str, echo: bool = False) -> Engine:
    """Create an engine; for SQLite, with WAL, busy timeout and controlled BEGIN."""
    if url.startswith("sqlite"):
        _private_file(url)
        engine = create_engine(url, echo=echo, connect_args={"timeout": 5})
        _sqlite_setup(engine)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def _private_file(url: str) -> None:
    """Create the SQLite file readable by its owner only, before SQLite makes it 0644."""
    path = url.split(":///", 1)[1].split("?", 1)[0] if ":///" in url else ""
    if path and path != ":memory:" and not os.path.exists(path):
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def _sqlite_setup(engine: Engine) -> None:
    """Set SQLite up for several workers: WAL, busy timeout, and BEGIN IMMEDIATE for writes."""

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):
        """Apply the pragmas to every new connection."""
        # Take over transaction control from pysqlite so BEGIN can be IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "journal_mode=WAL",
            "busy_timeout=5000",
            "foreign_keys=ON",
            "secure_delete=ON",
            "synchronous=FULL",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        """Begin a transaction in the mode the session asked for."""
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def is_locked(exc: Exception) -> bool:
    """Tell whether an error means the database was busy or locked (worth trying again)."""
    if not isinstance(exc, OperationalError):
        return False
    if getattr(exc.orig, "sqlstate", None) in RETRY_SQLSTATES:
        return True
    text = str(getattr(exc, "orig", exc)).lower()
    return "locked" in text or "busy" in text


class Database:
    """Engines and session factories for one database, plus the field cipher."""

    def __init__(self, url: str, cipher: Cipher, echo: bool = False):
        """Connect lazily to ``url``; ``cipher`` encrypts case content."""
        self.url = url
        self.engine = make_engine(url, echo)
        self.is_sqlite = url.startswith("sqlite")
        write_engine = (
            self.engine.execution_options(sqlite_begin="IMMEDIATE")
            if self.is_sqlite
            else self.engine
        )
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(write_engine, expire_on_commit=False, info={WRITING: True})
        self.cipher = cipher

    def reader(self) -> Session:
        """Return a session for reading (a deferred transaction)."""
        return self._read()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """Run one write transaction; commit on success, roll back on error."""
        with self._write() as session:
            with session.begin():
                yield session

    def run_write(self, work, attempts: int = WRITE_ATTEMPTS):
        """Call ``work(session)`` in a write transaction, retrying while the database is locked.

        Raises DatabaseBusy when every attempt found the database locked.
        """
        for attempt in range(attempts):
            try:
                with self.write() as session:
                    return work(session)
            except OperationalError as exc:
                if not is_locked(exc):
                    raise
                if attempt == attempts - 1:
                    raise DatabaseBusy() from exc
                time.sleep(random.uniform(0.05, 0.4) * (attempt + 1))  # jitter avoids lockstep
        raise DatabaseBusy()

    def dispose(self) -> None:
        """Close every pooled connection (after a fork, or at shutdown)."""
        self.engine.dispose()
