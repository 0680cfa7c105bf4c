"""SQLite's write-ahead log starts over while people save: it does not grow without end.

SQLite can start its log over only when no connection still reads an old snapshot. A
request's reading transaction left open across its own save blocked that on every save
(meldcode.web.database): the log grew by every page every save wrote (hundreds of MB in a
benchmark) and every commit ran a checkpoint.
"""

import sqlite3
from pathlib import Path

from meldcode.storage.models import CaseRecord
from tests.web.wizard import CSRF

SAVES = 250  # about 11 pages each: some 2,700 pages of log if it never starts over


def _log_pages(database_path: Path) -> int:
    """Return how many pages the log file holds room for (it is reused, not shrunk)."""
    with sqlite3.connect(database_path) as conn:
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    log = database_path.with_name(database_path.name + "-wal")
    return log.stat().st_size // (page + 24) if log.exists() else 0  # 24: each page's header


def test_the_log_stays_near_its_checkpoint_size_over_many_saves(wizard_app, owner):
    case_id = owner.new_case()
    url = f"/casussen/{case_id}/stap-1/signaal/nieuw"
    token = CSRF.search(owner.page(url)).group(1)
    signal = {"csrf_token": token, "datum": "2026-09-14", "waarneming": "Blauwe plek."}
    for number in range(SAVES):
        assert owner.client.post(url, data=signal).status_code == 303
        if number % 25 == 0:
            with owner.client.session_transaction() as cookie:
                cookie.pop("_flashes", None)  # a browser shows them; keeps the cookie small
    database = wizard_app.extensions["meldcode_db"]
    with database.reader() as s:
        assert s.query(CaseRecord).filter_by(case_id=case_id, kind="signaal").count() == SAVES
    # SQLite checkpoints at 1,000 pages and then writes from the start again.
    assert _log_pages(Path(database.url.split(":///", 1)[1])) < 1500
