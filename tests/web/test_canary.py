"""A canary in every free-text field of a whole case: shown to the owner, kept nowhere else.

Every form of two cases is found by walking their pages (so a field added later gets a
canary too) and filled with a canary of its own; a colleague adds their advice. Then no
canary may be in the audit trail, the event log, the sessions or any other column that is
not encrypted, in the database files (WAL included), in the log output or on stderr. Failed
saves (conflict, database busy, a stale CSRF token, an expired session, bad input) carry
canaries too: error paths are where content leaks.
"""

import itertools
import logging
import re

from sqlalchemy import inspect
from sqlalchemy import text

from meldcode.casus.records import KINDS
from meldcode.storage import cases
from meldcode.storage.models import Case
from tests.web import casewalk
from tests.web.account_helpers import cookie_contents
from tests.web.account_helpers import cookie_value
from tests.web.wizard import Visitor

PREFIX = "KANARIE7Q"
CANARY = re.compile(rf"{PREFIX}\d{{4}}")
# Free text that is a code from the kader (chosen, not typed): no canary can go there.
CODES = {("signaal", "categorie"), ("gesprek_overslaan", "reden"), ("informeren", "uitzondering")}


class Canaries:
    """Unique canaries, each remembering the page and field it was typed into."""

    def __init__(self):
        self.planted: dict[str, str] = {}
        self._numbers = itertools.count(1)

    def __call__(self, where: str = "") -> str:
        canary = f"{PREFIX}{next(self._numbers):04d}"
        self.planted[canary] = where
        return canary


def free_text(kind: str) -> list[str]:
    """Return the fields of a record kind that hold typed text."""
    model = KINDS[kind][0]
    return [
        name
        for name, info in model.model_fields.items()
        if (kind, name) not in CODES and (info.annotation is str or name == "motivaties")
    ]


def stored(app, case_ids) -> tuple[dict, list]:
    """Return the cases' decrypted labels by id, and their records."""
    database = app.extensions["meldcode_db"]
    labels, found = {}, []
    with database.reader() as s:
        for case_id in case_ids:
            case = s.get(Case, case_id)
            labels[case_id] = cases.label_of(database.cipher, case)
            found += [(case_id, r) for r in cases.records(s, database.cipher, case)]
    return labels, found


def plant(app, people, canary: Canaries) -> list[str]:
    """Fill two whole cases (and a colleague's advice) with canaries; return their ids."""
    owner = Visitor(app)
    assert owner.login("owner").status_code == 303
    case_ids = []
    for kader, choose in casewalk.CASES.items():
        case_id = owner.new_case(label=canary(f"label {kader}"), kader=kader)
        saved = casewalk.walk(
            owner, case_id, lambda url, name: canary(f"{url} {name}"), {**casewalk.CHOOSE, **choose}
        )
        assert len(saved) >= 25, saved
        assert owner.form(f"/casussen/{case_id}/delen", {"collega": people.af}).status_code == 303
        case_ids.append(case_id)
    colleague = Visitor(app)
    assert colleague.login("af").status_code == 303
    for case_id in case_ids:
        saved = casewalk.walk(colleague, case_id, lambda url, name: canary(f"{url} {name}"))
        assert saved == [f"/casussen/{case_id}/consultatie"]
    failed_saves(app, owner, case_ids[0], canary)
    return case_ids


def failed_saves(app, owner: Visitor, case_id: str, canary: Canaries) -> None:
    """Type canaries into saves that fail: each must fail without keeping them in the clear."""
    base = f"/casussen/{case_id}"
    melding = {"datum": "2026-09-20", "regio": canary("conflict"), "versie": "0"}  # stale
    assert owner.form(f"{base}/melding", melding).status_code == 409
    signal = {"datum": "2099-01-01", "waarneming": canary("400")}
    assert owner.form(f"{base}/stap-1/signaal/nieuw", signal).status_code == 400
    with casewalk.busy_database(app):
        signal = {"datum": "2026-09-20", "waarneming": canary("503")}
        assert owner.form(f"{base}/stap-1/signaal/nieuw", signal).status_code == 503
    stale = {"csrf_token": "verlopen", "datum": "2026-09-20", "waarneming": canary("csrf")}
    assert owner.client.post(f"{base}/stap-1/signaal/nieuw", data=stale).status_code == 303
    expired = Visitor(app)  # a browser whose session is gone: the text is stashed
    data = {"datum": "2026-09-20", "gezegd": canary("verlopen")}
    assert expired.client.post(f"{base}/stap-3/gesprek/nieuw", data=data).status_code == 303


def plaintext_columns(app) -> dict[str, list[str]]:
    """Return every value of every column that is not encrypted, by table."""
    database = app.extensions["meldcode_db"]
    found: dict[str, list[str]] = {}
    with database.engine.connect() as connection:
        for table in inspect(connection).get_table_names():
            columns = [
                c["name"]
                for c in inspect(connection).get_columns(table)
                if not c["name"].endswith("_enc")
            ]
            names = ", ".join(f'"{c}"' for c in columns)
            rows = connection.execute(text(f'SELECT {names} FROM "{table}"'))  # noqa: S608
            found[table] = [str(value) for row in rows for value in row]
    return found


def test_canaries_are_shown_to_the_owner_and_kept_nowhere_else(
    wizard_app, people, tmp_path, caplog, capfd
):
    for name in ["", *logging.root.manager.loggerDict]:
        caplog.set_level(logging.DEBUG, logger=name or None)
    canary = Canaries()
    case_ids = plant(wizard_app, people, canary)

    # Every typed field of every kind of record holds a canary: nothing was left out.
    labels, records = stored(wizard_app, case_ids)
    assert all(CANARY.fullmatch(label) for label in labels.values()), labels
    kinds_with_text = {kind for kind in KINDS if free_text(kind)}
    assert kinds_with_text <= {r.kind for _c, r in records}, "a kind of record was not filled"
    for _case_id, record in records:
        for name in free_text(record.kind):
            value = getattr(record.payload, name)
            values = list(value.values()) if isinstance(value, dict) else [value]
            assert values and all(CANARY.search(v) for v in values), (record.kind, name, value)

    # The owner sees every stored canary: all answers on the check-your-answers page, the
    # colleague's advice on the comparison; the timeline and access report name no content.
    kept = {c for _id, r in records for c in CANARY.findall(r.payload.model_dump_json())}
    kept |= set(labels.values())
    owner = Visitor(wizard_app)
    owner.login("owner")
    shown = ""
    for case_id in case_ids:
        for page in ("controleren", "stap-2/vergelijking"):
            shown += owner.page(f"/casussen/{case_id}/{page}")
        for report in ("tijdlijn", "toegang"):
            page = owner.page(f"/casussen/{case_id}/{report}").replace(labels[case_id], "")
            assert not CANARY.search(page), report
    missing = {c: canary.planted[c] for c in kept - set(CANARY.findall(shown))}
    assert missing == {}, "stored, but not shown on the check-your-answers page"
    assert len(canary.planted) >= 100

    # Nowhere else: no column in the clear, no database file, no log line, no output.
    columns = plaintext_columns(wizard_app)
    assert columns["audit_log"] and columns["case_events"] and columns["user_sessions"]
    leaks = {table: CANARY.findall(" ".join(v)) for table, v in columns.items()}
    assert {t: found for t, found in leaks.items() if found} == {}
    files = [p for p in (tmp_path / "instance").rglob("*") if p.is_file()]
    assert any(p.name.endswith("-wal") for p in files), files
    for path in files:
        data = path.read_bytes()
        assert PREFIX.encode() not in data, path.name
        assert PREFIX.encode("utf-16-le") not in data, path.name
    assert b"OBS De Linde" in b"".join(p.read_bytes() for p in files)  # the search can find
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert len(caplog.records) > 100  # every logger was listening
    assert not CANARY.search(logged), CANARY.findall(logged)[:5]
    out, err = capfd.readouterr()
    assert not CANARY.search(out + err)
    assert not CANARY.search(str(cookie_contents(wizard_app, cookie_value(owner))))
