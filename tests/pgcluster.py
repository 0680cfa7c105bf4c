"""A throw-away PostgreSQL cluster for the tests, from the Debian packages on the machine.

initdb into a temporary folder (as the ``postgres`` user when the tests run as root), a
Unix socket only (no TCP at all), fsync off. Each test gets its own database, cloned from a
migrated template, so tests never see each other's rows.
"""

import itertools
import os
import pwd
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy import text

_counter = itertools.count()


def find_bindir() -> Path | None:
    """Return the newest PostgreSQL bin folder, or None when PostgreSQL is not installed."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return found[-1].parent if found else None


class Cluster:
    """A running cluster; :meth:`new_database` hands out fresh databases."""

    def __init__(self, bindir: Path, base: Path):
        self.bindir = bindir
        self.base = base
        self.data = base / "data"
        self.sock = base / "sock"
        self.sock.mkdir(parents=True)
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(base, "postgres")
            shutil.chown(self.sock, "postgres")
            os.chmod(base, 0o755)  # noqa: S103 - the server user must reach its socket
        self.user = "postgres" if self.as_postgres else pwd.getpwuid(os.geteuid()).pw_name

    def _run(self, *args: str) -> None:
        command = [str(a) for a in args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def start(self) -> None:
        self._run(
            self.bindir / "initdb",
            "-D",
            self.data,
            "-A",
            "trust",
            "-U",
            self.user,
            "-E",
            "UTF8",
            "--no-sync",
            "--locale=C.UTF-8",
        )
        options = f"-k {self.sock} -c listen_addresses='' -c fsync=off -c max_connections=60"
        self._run(
            self.bindir / "pg_ctl",
            "-D",
            self.data,
            "-o",
            options,
            "-w",
            "-t",
            "30",
            "-l",
            self.base / "log.txt",
            "start",
        )

    def stop(self) -> None:
        self._run(self.bindir / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@/{database}?host={self.sock}"

    def execute(self, statement: str) -> None:
        engine = create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(statement))
        engine.dispose()

    def make_template(self, migrate) -> None:
        """Create and migrate the template every test database is cloned from."""
        self.execute("CREATE DATABASE meldcode_template")
        migrate(self.url("meldcode_template"))

    def new_database(self) -> str:
        name = f"meldcode_t{next(_counter)}"
        self.execute(f"CREATE DATABASE {name} TEMPLATE meldcode_template")
        return self.url(name)
