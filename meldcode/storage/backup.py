"""A consistent copy of the SQLite database while the app keeps running.

SQLite's online backup API copies the database page by page and starts over when a
writer changes a page it already copied, so the copy is one consistent state even while
users save. Copying the file itself (with its WAL beside it) can give a torn copy. On
PostgreSQL, ``pg_dump`` does the same job (README: "Backups").
"""

import os
import sqlite3
from pathlib import Path


class BackupFailed(Exception):
    """The copy could not be made or failed its integrity check."""


def sqlite_path(url: str) -> Path:
    """Return the file of a ``sqlite:///`` URL."""
    if not url.startswith("sqlite:///"):
        raise BackupFailed("only SQLite databases are copied this way; use pg_dump")
    return Path(url.removeprefix("sqlite:///").split("?", 1)[0])


def backup_sqlite(url: str, target: Path, pages: int = 1024) -> int:
    """Copy the database at ``url`` to ``target`` (mode 0600); return its page count."""
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    os.close(os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600))
    source = sqlite3.connect(f"file:{sqlite_path(url)}?mode=ro", uri=True, timeout=30)
    copy = sqlite3.connect(partial)
    try:
        # A few pages at a time, so writers wait at most one short step.
        source.backup(copy, pages=pages, sleep=0.005)
        check = copy.execute("PRAGMA integrity_check").fetchone()[0]
        count = copy.execute("PRAGMA page_count").fetchone()[0]
    finally:
        copy.close()
        source.close()
    if check != "ok":
        partial.unlink(missing_ok=True)
        raise BackupFailed("the copy failed its integrity check")
    partial.replace(target)
    return count
