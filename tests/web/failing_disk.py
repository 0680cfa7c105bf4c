"""Real write failures for the tests: a read-only file, a lock, a full filesystem.

Nothing here is a mock: the database file is really made read-only, another connection
really holds the write lock, and the disk is really full (a size-limited file in a child
process, or a small tmpfs when the tests run as root).

Run as ``python -m tests.web.failing_disk FOLDER CASE_ID`` it is the child process of the
full-disk test: it signs in on the app in FOLDER, opens a form, then lets no file grow by
more than a few bytes (``RLIMIT_FSIZE``) and saves; it prints what the page said as JSON.
"""

import contextlib
import json
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

TEXT = "Dit heb ik net getypt en het mag niet verloren gaan."
FORM = "/casussen/{case_id}/stap-1/signaal/nieuw"


def sqlite_file(app) -> Path:
    """Return the path of the app's SQLite file."""
    return Path(app.config["DATABASE_URL"].split(":///", 1)[1])


def checkpoint(app) -> None:
    """Move everything from the WAL into the main file and empty the WAL."""
    with app.extensions["meldcode_db"].engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


@contextlib.contextmanager
def read_only(app):
    """Make the SQLite file truly read-only, as after a remount or a wrong owner.

    Root ignores file modes, so as root the file gets the immutable attribute instead.
    The app's pooled connections are closed, so the next one opens the file as it is now.
    """
    path = sqlite_file(app)
    checkpoint(app)
    app.extensions["meldcode_db"].dispose()
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(path)], check=True)
        undo = ["chattr", "-i", str(path)]
    else:
        mode = path.stat().st_mode
        path.chmod(0o444)
        undo = None
    try:
        yield path
    finally:
        app.extensions["meldcode_db"].dispose()
        if undo:
            subprocess.run(undo, check=True)
        else:
            path.chmod(mode)


@contextlib.contextmanager
def locked(app):
    """Hold SQLite's write lock from another connection, as a long write elsewhere would."""
    holder = sqlite3.connect(sqlite_file(app), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def can_mount() -> bool:
    """Tell whether this process may mount a tmpfs (root with the capability)."""
    return os.geteuid() == 0 and shutil.which("mount") is not None


@contextlib.contextmanager
def small_tmpfs(megabytes: int = 4):
    """Mount a small tmpfs and yield its folder; unmount it afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="meldcode-full-"))
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={megabytes}m,mode=0700", "tmpfs", str(folder)],
        check=True,
    )
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        folder.rmdir()


def fill(folder: Path) -> None:
    """Write a file until the filesystem is full."""
    with contextlib.suppress(OSError), open(folder / "vol", "wb") as handle:
        while True:
            handle.write(b"\0" * 65536)
            handle.flush()


def page_of(response) -> dict:
    """Return what a test needs of the answer to a save."""
    page = response.get_data(as_text=True)
    return {
        "status": response.status_code,
        "text_kept": TEXT in page,
        "says_disk": "kan nu niets bewaren" in page,
    }


def _child(folder: str, case_id: str) -> dict:
    """Sign in, open the form, forbid files to grow, save: report what the page said."""
    from tests.appfactory import build_app
    from tests.web.wizard import CSRF
    from tests.web.wizard import Visitor

    keys = os.environ["MELDCODE_TEST_DATA_KEYS"]  # the parent's key: it reads the same rows
    app = build_app(Path(folder), {"PDF_WARM_UP": False, "DATA_KEYS": keys})
    person = Visitor(app)
    assert person.login("owner").status_code == 303
    url = FORM.format(case_id=case_id)
    token = CSRF.search(person.page(url)).group(1)
    checkpoint(app)  # from here on every write must grow the (empty) WAL file
    limit = 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    response = person.client.post(
        url, data={"csrf_token": token, "datum": "2026-09-14", "waarneming": TEXT}
    )
    return page_of(response)


def run_child(app, case_id: str) -> dict:
    """Run the full-disk child process on the app's folder and return its report."""
    root = Path(__file__).resolve().parents[2]
    folder = sqlite_file(app).parent
    done = subprocess.run(
        [sys.executable, "-m", "tests.web.failing_disk", str(folder), case_id],
        cwd=root,
        env={**os.environ, "MELDCODE_TEST_DATA_KEYS": app.config["DATA_KEYS"]},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def same_form(person, case_id: str) -> tuple[str, dict]:
    """Open the new-signal form; return its url and the data to post with the typed text."""
    from tests.web.wizard import CSRF

    url = FORM.format(case_id=case_id)
    token = CSRF.search(person.page(url)).group(1)
    return url, {"csrf_token": token, "datum": "2026-09-14", "waarneming": TEXT}


def words_of(html: str) -> str:
    """Return the text of a page without tags."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


if __name__ == "__main__":
    print(json.dumps(_child(sys.argv[1], sys.argv[2])))
