"""Helpers for the tests of stap 1 to 3: reading and writing a case's records directly."""

import re

from meldcode.casus.records import Antwoord
from meldcode.storage import cases
from meldcode.storage.models import AuditEntry
from meldcode.storage.models import Case
from meldcode.storage.models import User
from tests.web.wizard import Visitor

KEY = re.compile(r"/(?:signaal|overleg|gesprek)/([0-9a-f]{32})\"")


def saved(app, case_id: str, kind: str) -> dict:
    """Return the case's records of one kind as {key: payload}."""
    database = app.extensions["meldcode_db"]

    def work(s):
        case = s.get(Case, case_id)
        return {r.key: r.payload for r in cases.records(s, database.cipher, case, kind)}

    return database.run_write(work)


def answer(app, case_id: str, user_id: str, qid: str, value, motivatie: str = "") -> None:
    """Store an answer as the owner would in stap 4 or 5 (pages other modules own)."""
    database = app.extensions["meldcode_db"]

    def work(s):
        case = s.get(Case, case_id)
        current = cases.get_record(s, case, "antwoord", qid)
        cases.save_record(
            s,
            database.cipher,
            case,
            s.get(User, user_id),
            "antwoord",
            qid,
            Antwoord(antwoord=value, motivatie=motivatie),
            current.version if current else None,
        )

    database.run_write(work)


def audit_actions(app, case_id: str) -> list[str]:
    """Return the audit actions recorded about a case."""
    database = app.extensions["meldcode_db"]

    def work(s):
        return [e.action for e in s.query(AuditEntry).filter(AuditEntry.object_id == case_id).all()]

    return database.run_write(work)


def signed_in(app, who: str) -> Visitor:
    """Return a visitor signed in as ``who``."""
    person = Visitor(app)
    assert person.login(who).status_code == 303
    return person


def first_key(page: str) -> str:
    """Return the key of the first record linked from a step page."""
    return KEY.search(page).group(1)


def share(owner: Visitor, case_id: str, user_id: str):
    """Share a case as its owner; return the response."""
    return owner.form(f"/casussen/{case_id}/delen", {"collega": user_id})
