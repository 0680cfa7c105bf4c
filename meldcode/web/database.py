"""The database as the web app sees it: one per app, a reader session per request.

Writes go through :func:`write`, which retries while SQLite is locked and raises
:class:`SaveFailed` when it still cannot save; pages then show the same form again, with
the text still in it, and say it was not saved.
"""

from flask import Flask
from flask import current_app
from flask import g
from sqlalchemy.orm import Session

from meldcode import settings
from meldcode.storage.db import Database
from meldcode.storage.db import DatabaseBusy
from meldcode.storage.keyring import KeysDoNotFit
from meldcode.storage.migrate import current as schema_revision
from meldcode.storage.migrate import head as schema_head

KEY = "meldcode_db"


class SaveFailed(Exception):
    """A write could not be done (database busy or unavailable); nothing was saved."""


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


def write(work):
    """Run ``work(session)`` in a write transaction; raise SaveFailed when that is impossible."""
    try:
        return database().run_write(work)
    except DatabaseBusy as exc:
        raise SaveFailed() from exc
