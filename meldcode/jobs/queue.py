"""The task queue: Huey, with its store chosen from the settings.

The embedded default keeps the queue in a SQLite file in the instance folder, so one
machine needs nothing else. With PostgreSQL as the database, the queue lives in that
database too (tables ``huey_*``), so web instances and workers on several machines share
it without another service. ``QUEUE_URL`` may name another store: ``sqlite:///path``,
``postgresql://…`` or ``redis://…`` (needs the ``redis`` package).
"""

from pathlib import Path

from huey import Huey
from huey import PostgresHuey
from huey import SqliteHuey
from huey.storage import PostgresStorage

NAME = "meldcode"
# Any fixed number: every process that creates the queue tables takes this lock first.
SCHEMA_LOCK = 0x6D656C64


class LockedPostgresStorage(PostgresStorage):
    """Huey's PostgreSQL store, creating its tables under an advisory lock.

    Every gunicorn worker and every consumer creates the store; two ``CREATE TABLE IF NOT
    EXISTS`` at once can still collide in PostgreSQL, so they take turns.
    """

    def initialize_schema(self):
        """Create the queue tables once, one process at a time."""
        with self.db(commit=True, close=True) as cursor:
            cursor.execute("select pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
            for statement in self.ddl:
                cursor.execute(statement)


def store_url(settings) -> str:
    """Return where the queue lives: QUEUE_URL, else the PostgreSQL database, else SQLite."""
    url = settings.get("QUEUE_URL") or ""
    if url:
        return url
    database = settings["DATABASE_URL"]
    if database.startswith("postgresql"):
        return database
    return f"sqlite:///{Path(settings['INSTANCE_PATH']) / 'queue.sqlite3'}"


def libpq_url(url: str) -> str:
    """Turn an SQLAlchemy PostgreSQL URL into one libpq understands (no ``+driver``)."""
    scheme, _, rest = url.partition("://")
    return "postgresql://" + rest if scheme.startswith("postgres") else url


def make_queue(settings) -> Huey:
    """Return the Huey instance for these settings (results are not kept: jobs write the DB)."""
    url = store_url(settings)
    if url.startswith("sqlite:///"):
        huey = SqliteHuey(NAME, filename=url.removeprefix("sqlite:///"), results=False)
    elif url.startswith("postgres"):
        huey = PostgresHuey(
            NAME, dsn=libpq_url(url), results=False, storage_class=LockedPostgresStorage
        )
    elif url.startswith(("redis://", "rediss://", "unix://")):
        from huey import RedisHuey  # needs the redis package, installed only where used

        huey = RedisHuey(NAME, url=url, results=False)
    else:
        raise ValueError("QUEUE_URL must start with sqlite:///, postgresql:// or redis://")
    return huey


def reachable(huey: Huey) -> bool:
    """Tell whether the queue's store answers (for /readyz); never raises."""
    try:
        huey.storage.queue_size()
    except Exception:  # noqa: BLE001 - any failure means: not reachable
        return False
    return True
