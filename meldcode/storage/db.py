"""The database: engines, sessions, and the SQLite settings that make several workers safe.

SQLite (the embedded default) runs in WAL mode with a busy timeout; every write transaction
starts with ``BEGIN IMMEDIATE`` so a read-then-write never fails on a stale snapshot.
PostgreSQL runs at READ COMMITTED: there, storage checks and acts in one statement or under a
row lock (meldcode.storage.atomic). Writes retry briefly when the database is locked, and on
PostgreSQL when it broke a deadlock or a serialisation conflict (the work is run again whole);
no write waits
for a lock longer than a few seconds in all (``WRITE_BUDGET_MS``). Every way a write can
fail for reasons outside the program (locked, read-only, disk full, I/O error, server gone)
becomes :class:`DatabaseBusy` with a reason, so pages can say "not saved" and keep the text.
"""

import os
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm import sessionmaker

from meldcode.storage.atomic import WRITING
from meldcode.storage.crypto import Cipher

WRITE_ATTEMPTS = 3
# A lock is waited for at most this long per write, over all attempts: a user pressing save
# learns within seconds that it did not work, instead of after half a minute.
WRITE_BUDGET_MS = 3000
QUICK_WAIT_MS = 200
# Where a pooled SQLite connection remembers the busy timeout it has now.
_BUSY = "meldcode_busy_ms"
# SQLite result codes (extended codes start with these) of failures that are the machine's,
# not the program's.
_SQLITE_REASONS = (
    ("SQLITE_BUSY", "locked"),
    ("SQLITE_LOCKED", "locked"),
    ("SQLITE_READONLY", "read_only"),
    ("SQLITE_FULL", "full"),
    ("SQLITE_IOERR", "io"),
    ("SQLITE_CANTOPEN", "unavailable"),
)
# PostgreSQL SQLSTATE classes and codes of the same kinds of failure; a serialisation
# conflict or a broken deadlock is worth running the whole work again, like a lock.
_PG_REASONS = (
    ("40001", "locked"),
    ("55P03", "locked"),
    ("40P01", "locked"),
    ("25006", "read_only"),
    ("53", "full"),
    ("58", "io"),
    ("57", "unavailable"),
    ("08", "unavailable"),
)


class DatabaseBusy(Exception):
    """A write could not be done (locked, read-only, disk full, I/O error); nothing was saved."""

    def __init__(self, reason: str = "locked"):
        """Keep why, for the log and the page; never any content."""
        super().__init__(reason)
        self.reason = reason


def _wait_ms() -> int:
    """Return how long one attempt waits for a lock (the budget shared by all attempts)."""
    return WRITE_BUDGET_MS // WRITE_ATTEMPTS


def make_engine(url: str, echo: bool = False) -> Engine:
    """Create an engine; for SQLite, with WAL, busy timeout and controlled BEGIN."""
    if url.startswith("sqlite"):
        _private_file(url)
        # Last in, first out: a request's write gets the connection its reads just gave back,
        # whose page cache holds the pages the write needs; first in, first out (the pool's
        # default) hands out the connection idle longest, its cache stale. (Measured: +15 %
        # saves a second in one same-run comparison, within the noise in another.)
        # (An in-memory database has one connection per thread: nothing to choose.)
        in_file = ":///" in url and ":memory:" not in url
        engine = create_engine(
            url,
            echo=echo,
            connect_args={"timeout": _wait_ms() / 1000},
            **({"pool_use_lifo": True} if in_file else {}),
        )
        _sqlite_setup(engine)
        return engine
    if url.startswith("postgresql"):
        # A lock held elsewhere fails the statement after a few seconds instead of hanging.
        options = f"-c lock_timeout={_wait_ms()}"
        return create_engine(url, echo=echo, pool_pre_ping=True, connect_args={"options": options})
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
        _record.info[_BUSY] = _wait_ms()  # what the pragma below sets; see _begin
        cursor = dbapi_connection.cursor()
        for pragma in (
            "journal_mode=WAL",
            f"busy_timeout={_wait_ms()}",
            "foreign_keys=ON",
            "secure_delete=ON",
            "synchronous=FULL",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        """Begin a transaction in the mode the session asked for."""
        options = connection.get_execution_options()
        # Checked on every transaction: a quick write's shorter wait must not stay on the
        # pooled connection for the next one. Set only when it differs: a statement less
        # on nearly every request.
        wanted = int(options.get("busy_ms", _wait_ms()))
        if connection.info.get(_BUSY) != wanted:
            connection.exec_driver_sql(f"PRAGMA busy_timeout={wanted}")
            connection.info[_BUSY] = wanted
        connection.exec_driver_sql(f"BEGIN {options.get('sqlite_begin', 'DEFERRED')}")


def failure_reason(exc: Exception) -> str | None:
    """Return why a write failed when it is the machine's doing (locked, full …), else None.

    None means a bug (bad SQL, a missing table): that must not pass for "try again".
    """
    if not isinstance(exc, DBAPIError):
        return None
    code = getattr(exc.orig, "sqlstate", None)
    if code:
        return next((why for prefix, why in _PG_REASONS if code.startswith(prefix)), None)
    name = getattr(exc.orig, "sqlite_errorname", None)
    if name:
        return next((why for prefix, why in _SQLITE_REASONS if name.startswith(prefix)), None)
    if isinstance(exc, OperationalError) and exc.connection_invalidated:
        return "unavailable"  # the server went away (PostgreSQL restarted, network)
    return None


def is_locked(exc: Exception) -> bool:
    """Tell whether an error means the database was busy or locked (worth trying again)."""
    return failure_reason(exc) == "locked"


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
        # For writes that may be skipped (the idle-timer refresh): they wait a moment only.
        self._quick = sessionmaker(
            write_engine.execution_options(busy_ms=QUICK_WAIT_MS),
            expire_on_commit=False,
            info={WRITING: True},
        )
        self.cipher = cipher

    def reader(self) -> Session:
        """Return a session for reading (a deferred transaction)."""
        return self._read()

    @contextmanager
    def write(self, quick: bool = False) -> Iterator[Session]:
        """Run one write transaction; commit on success, roll back on error."""
        with (self._quick if quick else self._write)() as session:
            with session.begin():
                yield session

    def run_write(self, work, attempts: int = WRITE_ATTEMPTS, quick: bool = False):
        """Call ``work(session)`` in a write transaction, retrying while the database is locked.

        Raises DatabaseBusy when every attempt found the database locked, and at once when
        it is read-only, full or failing (retrying cannot help then). ``quick`` writes try
        once and wait for a lock only briefly: for what may be skipped.
        """
        attempts = 1 if quick else attempts
        for attempt in range(attempts):
            try:
                with self.write(quick) as session:
                    return work(session)
            except DBAPIError as exc:
                reason = failure_reason(exc)
                if reason is None:
                    raise
                if reason != "locked" or attempt == attempts - 1:
                    raise DatabaseBusy(reason) from exc
                time.sleep(random.uniform(0.02, 0.1) * (attempt + 1))  # jitter avoids lockstep
        raise DatabaseBusy()

    def dispose(self) -> None:
        """Close every pooled connection (after a fork, or at shutdown)."""
        self.engine.dispose()
