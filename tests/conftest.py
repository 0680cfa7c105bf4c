"""Shared fixtures: compiled catalogues, and databases on SQLite and PostgreSQL."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from meldcode import paths
from meldcode.storage.migrate import upgrade
from tests.pgcluster import Cluster
from tests.pgcluster import find_bindir


def pytest_sessionstart(session):
    """Compile the .po catalogues when a .mo is missing or older (make does this too)."""
    for po in paths.TRANSLATIONS_DIR.glob("*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            with po.open("rb") as handle:
                catalog = read_po(handle)
            with mo.open("wb") as handle:
                write_mo(handle, catalog)


@pytest.fixture(scope="session")
def pg_cluster():
    """Start a PostgreSQL cluster for the session, or skip (saying so) when none is installed."""
    bindir = find_bindir()
    if bindir is None:
        if os.environ.get("MELDCODE_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL is required (MELDCODE_REQUIRE_POSTGRES=1) but not installed")
        pytest.skip("PostgreSQL is not installed on this machine: PostgreSQL tests skipped")
    # Not under pytest's tmp folder: that is private to root, and the server runs as postgres.
    base = Path(tempfile.mkdtemp(prefix="meldcode-pg-"))
    cluster = Cluster(bindir, base)
    cluster.start()
    try:
        cluster.make_template(upgrade)
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request, tmp_path):
    """A fresh, migrated database: SQLite in a temporary folder, or a PostgreSQL clone."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.sqlite3'}"
        upgrade(url)
        return url
    cluster = request.getfixturevalue("pg_cluster")
    return cluster.new_database()
