"""Backups that restore: SQLite copied online while users save, PostgreSQL by pg_dump.

Each test writes while (or before) the backup runs, restores the copy as a new database,
and checks it: integrity, schema at head, every row there, case content still decrypts.
"""

import shutil
import sqlite3
import threading

import pytest
from sqlalchemy import func
from sqlalchemy import select

from meldcode.cli import main
from meldcode.storage import audit
from meldcode.storage import cases
from meldcode.storage.backup import BackupFailed
from meldcode.storage.backup import backup_sqlite
from meldcode.storage.db import Database
from meldcode.storage.migrate import current
from meldcode.storage.migrate import head
from meldcode.storage.models import AuditEntry
from meldcode.storage.models import Case
from tests.appfactory import TEST_KEYS
from tests.appfactory import build_app
from tests.jobs.world import CANARY
from tests.jobs.world import build_world


def count(database: Database, table=AuditEntry) -> int:
    with database.reader() as s:
        return s.scalar(select(func.count()).select_from(table))


def labels(database: Database) -> list[str]:
    with database.reader() as s:
        return [cases.label_of(database.cipher, c) for c in s.scalars(select(Case))]


def test_an_sqlite_backup_taken_while_writing_restores_whole(tmp_path):
    app = build_app(tmp_path / "live", {"PDF_WARM_UP": False})
    build_world(app)
    database = app.extensions["meldcode_db"]
    stop, written = threading.Event(), []

    def keep_writing():
        while not stop.is_set():
            database.run_write(lambda s: audit.record(s, None, "view", "case", "x" * 32))
            written.append(1)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        while len(written) < 50:  # the writer is well under way
            threading.Event().wait(0.01)
        before = count(database)
        target = tmp_path / "backup.sqlite3"
        backup_sqlite(database.url, target, pages=4)  # small steps: writes interleave
        during = len(written)
    finally:
        stop.set()
        writer.join()
    assert count(database) > before  # the app kept saving while the copy was made
    assert (target.stat().st_mode & 0o777) == 0o600

    # Restore: the copy becomes the database of a fresh instance.
    restored = tmp_path / "restored" / "meldcode.sqlite3"
    restored.parent.mkdir()
    shutil.copy(target, restored)
    with sqlite3.connect(restored) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    url = f"sqlite:///{restored}"
    assert current(url) == head()
    again = build_app(restored.parent, {"PDF_WARM_UP": False}, database_url=url)
    copy = again.extensions["meldcode_db"]
    assert before <= count(copy) <= before + during
    assert labels(copy) == labels(database)
    assert all(CANARY in label for label in labels(copy))
    assert again.test_client().get("/readyz").status_code == 200


def test_the_command_line_makes_the_copy_and_refuses_postgresql(tmp_path, monkeypatch):
    app = build_app(tmp_path / "app", {"PDF_WARM_UP": False})
    build_world(app)
    monkeypatch.setenv("MELDCODE_INSTANCE_PATH", str(tmp_path / "app"))
    monkeypatch.setenv("MELDCODE_DATABASE_URL", app.config["DATABASE_URL"])
    monkeypatch.setenv("MELDCODE_DATA_KEYS", TEST_KEYS)
    with pytest.raises(SystemExit) as done:
        main(["db", "backup", str(tmp_path / "copy.sqlite3")])
    assert done.value.code == 0
    with sqlite3.connect(tmp_path / "copy.sqlite3") as check:
        assert check.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    with pytest.raises(BackupFailed):
        backup_sqlite("postgresql+psycopg://x@/y", tmp_path / "no.sqlite3")


@pytest.mark.postgres
def test_pg_dump_and_pg_restore_round_trip(pg_cluster, tmp_path):
    url = pg_cluster.new_database()
    app = build_app(tmp_path / "pg", {"PDF_WARM_UP": False}, database_url=url)
    build_world(app)
    database = app.extensions["meldcode_db"]
    name = url.split("?")[0].rsplit("/", 1)[-1]
    dump = pg_cluster.base / "backup.dump"
    host = ["-h", str(pg_cluster.sock), "-U", pg_cluster.user]
    pg_cluster._run(pg_cluster.bindir / "pg_dump", *host, "-Fc", "-f", dump, name)
    pg_cluster.execute(f"CREATE DATABASE {name}_terug")
    pg_cluster._run(
        pg_cluster.bindir / "pg_restore", *host, "--no-owner", "-d", f"{name}_terug", dump
    )
    restored_url = url.replace(f"/{name}?", f"/{name}_terug?")
    assert current(restored_url) == head()
    copy = Database(restored_url, database.cipher)
    try:
        for table in (AuditEntry, Case):
            assert count(copy, table) == count(database, table)
        assert labels(copy) == labels(database)
    finally:
        copy.dispose()
        database.dispose()
        app.extensions["meldcode_jobs"].huey.storage.close()
