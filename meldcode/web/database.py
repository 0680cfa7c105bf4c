"""The database as the web app sees it: one per app, a reader session per request.

Writes go through :func:`write`, which retries while the database is locked and raises
:class:`SaveFailed` when it still cannot save (locked, read-only, disk full, I/O error);
pages then show the same form again, with the text still in it, and say it was not saved.
A failure no page handles still answers 503 with a plain explanation, never a 500.
"""

import logging

from flask import Flask
from flask import current_app
from flask import g
from flask import render_template
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from meldcode import settings
from meldcode.casus.limits import CaseFull
from meldcode.storage.db import Database
from meldcode.storage.db import DatabaseBusy
from meldcode.storage.db import failure_reason
from meldcode.storage.keyring import KeysDoNotFit
from meldcode.storage.migrate import current as schema_revision
from meldcode.storage.migrate import head as schema_head

KEY = "meldcode_db"
log = logging.getLogger("meldcode.database")


class SaveFailed(Exception):
    """A write could not be done (busy, read-only, full, failing); nothing was saved."""

    def __init__(self, reason: str = "locked"):
        """Keep the reason: a lock passes in seconds, a full disk needs the beheerder."""
        super().__init__(reason)
        self.reason = reason


def init_app(app: Flask) -> None:
    """Check the schema is up to date and the keys fit the data, then open the database."""
    revision = schema_revision(app.config["DATABASE_URL"])
    expected = schema_head()
    if revision != expected:
        # The schema is created once, before workers start (make run does it), never here:
        # several workers creating tables at once crash each other.
        raise RuntimeError(
            f"database schema is at {revision or 'nothing'}, expected {expected}: "
            "run `meldcode db upgrade` first"
        )
    try:
        database = settings.open_database(app.config)
    except KeysDoNotFit as exc:
        # Serving with other keys would answer 500 on every case, or write what the other
        # instances cannot read: better not to start at all, and say what to fix.
        raise RuntimeError(f"meldcode does not start: {exc}") from None
    app.extensions[KEY] = database
    app.teardown_appcontext(_close)
    app.register_error_handler(SaveFailed, _not_saved)
    app.register_error_handler(DBAPIError, _database_error)
    app.after_request(_full_is_not_busy)


def database() -> Database:
    """Return the app's database."""
    return current_app.extensions[KEY]


def session() -> Session:
    """Return this request's reading session (opened on first use)."""
    if "_db_session" not in g:
        g._db_session = database().reader()
    return g._db_session


def _close(_exc) -> None:
    """Close the request's database session."""
    found = g.pop("_db_session", None)
    if found is not None:
        found.close()


def _end_reading() -> None:
    """End this request's read transaction (if open) before a write; its objects stay loaded.

    SQLite can only start its write-ahead log over when no connection still reads an old
    snapshot. A reading transaction left open across the request's own write blocked that on
    every save: the log grew without end (hundreds of MB under load) and every commit ran a
    checkpoint. Reads after the write start a new transaction and see the write.
    """
    found = g.get("_db_session")
    if found is None or not found.in_transaction():
        return
    if found.new or found.dirty or found.deleted:
        return  # never write through the reading session: leave it as it was
    found.commit()  # writes nothing; expire_on_commit=False keeps what it loaded


def write(work, quick: bool = False):
    """Run ``work(session)`` in a write transaction; raise SaveFailed when that is impossible.

    The reason is kept in ``g.save_failure`` so the page can say what to do. ``quick``:
    one short try, for writes that may be skipped (the idle timer, an audit row after a
    failed save); they must not add seconds to the user's wait.
    """
    _end_reading()
    try:
        return database().run_write(work, quick=True) if quick else database().run_write(work)
    except DatabaseBusy as exc:
        g.save_failure = exc.reason
        log.warning("write failed: %s", exc.reason)  # the reason only, never content
        raise SaveFailed(exc.reason) from exc
    except CaseFull as exc:
        g.save_failure = "case_full"  # the pages say so and keep the text, as for a lock
        raise SaveFailed("case_full") from exc


def _full_is_not_busy(response):
    """Answer 422, not 503, when a case is full: trying again later will not help."""
    if g.get("save_failure") == "case_full" and response.status_code == 503:
        response.status_code = 422
    return response


def _not_saved(error: SaveFailed):
    """Answer a write failure that no page handled: 503, with what to do (never a 500)."""
    return render_template("errors/not_saved.html", reason=error.reason), 503


def _database_error(error: DBAPIError):
    """Answer a read that failed for the machine's reasons as 503; re-raise real bugs."""
    reason = failure_reason(error)
    if reason is None:
        raise error
    log.warning("database unavailable: %s", reason)
    return render_template("errors/not_saved.html", reason=reason), 503
