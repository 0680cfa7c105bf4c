"""The records of a case: read them decrypted, and write them with their version checked.

A case is a set of records, each ``(kind, key)`` with an encrypted payload and its own
version (docs/wizard-internals.md). Reach them only after the scoped case lookup in
meldcode.storage.cases. Every write first locks the case's row: writes to one case queue
there, so each one sees what the one before it committed, on PostgreSQL as on SQLite; the
version check itself is one statement (meldcode.storage.versioned).
"""

import datetime
from dataclasses import dataclass

from sqlalchemy import bindparam
from sqlalchemy import delete
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from meldcode.casus.records import Payload
from meldcode.casus.records import payload_model
from meldcode.storage import casesize
from meldcode.storage.case_log import log_event
from meldcode.storage.crypto import Cipher
from meldcode.storage.models import Case
from meldcode.storage.models import CaseRecord
from meldcode.storage.models import User
from meldcode.storage.models import new_id
from meldcode.storage.models import utcnow
from meldcode.storage.versioned import Conflict
from meldcode.storage.versioned import bump

LIST_KINDS = {"signaal", "overleg", "gesprek", "hulp"}
# Statements of every save, built once (their cache keys are then computed once) and plain
# Core: the ORM's insert and bulk-update paths cost more than the statements, in the lock.
_ADD = insert(CaseRecord.__table__)
_CASES = Case.__table__
_TOUCH = update(_CASES).where(_CASES.c.id == bindparam("case")).values(updated_at=bindparam("now"))


@dataclass
class RecordView:
    """A decrypted record."""

    id: str
    kind: str
    key: str
    version: int
    payload: Payload
    created_by: str
    updated_by: str
    updated_at: datetime.datetime


def view(cipher: Cipher, record: CaseRecord) -> RecordView:
    """Decrypt a record row into a view with its payload."""
    data = cipher.decrypt_json(record.payload_enc, f"case_records:{record.id}")
    return RecordView(
        record.id,
        record.kind,
        record.key,
        record.version,
        payload_model(record.kind).model_validate(data),
        record.created_by,
        record.updated_by,
        record.updated_at,
    )


def records(
    session: Session, cipher: Cipher, case: Case, kind: str | None = None
) -> list[RecordView]:
    """Return the case's records (of one kind), oldest first."""
    query = select(CaseRecord).where(CaseRecord.case_id == case.id)
    if kind:
        query = query.where(CaseRecord.kind == kind)
    rows = session.scalars(query.order_by(CaseRecord.created_at, CaseRecord.id)).all()
    return [view(cipher, r) for r in rows]


def record_kinds(session: Session, case_ids: list[str]) -> dict[str, set[tuple[str, str]]]:
    """Return which (kind, key) records each case has, without decrypting anything."""
    found: dict[str, set[tuple[str, str]]] = {cid: set() for cid in case_ids}
    if case_ids:
        rows = session.execute(
            select(CaseRecord.case_id, CaseRecord.kind, CaseRecord.key).where(
                CaseRecord.case_id.in_(case_ids)
            )
        )
        for case_id, kind, key in rows:
            found[case_id].add((kind, key))
    return found


def record(session: Session, cipher: Cipher, case: Case, kind: str, key: str) -> RecordView | None:
    """Return one record by kind and key, decrypted, or None (one row, not the whole kind)."""
    stored = get_record(session, case, kind, key)
    return None if stored is None else view(cipher, stored)


def get_record(session: Session, case: Case, kind: str, key: str) -> CaseRecord | None:
    """Return one record by kind and key, or None."""
    query = select(CaseRecord).where(
        CaseRecord.case_id == case.id, CaseRecord.kind == kind, CaseRecord.key == key
    )
    return session.scalar(query.execution_options(populate_existing=True))


def lock_case(session: Session, case: Case, now) -> None:
    """Lock the case's row until commit and mark it changed; writes to one case queue here."""
    session.execute(_TOUCH, {"case": case.id, "now": now})
    set_committed_value(case, "updated_at", now)


def save_record(
    session: Session,
    cipher: Cipher,
    case: Case,
    user: User,
    kind: str,
    key: str,
    payload: Payload,
    expected_version: int | None,
) -> CaseRecord:
    """Create or update a record; raise Conflict when it changed since ``expected_version``.

    ``expected_version`` is the version the form was rendered with (None or 0: the form was
    shown when the record did not exist yet). The same text posted twice (a double click, two
    tabs) is saved once and answers as saved: nothing typed is lost, nothing saved twice.
    """
    data = payload.model_dump(mode="json")
    record = get_record(session, case, kind, key)
    shown = expected_version or 0
    if (record.version if record else 0) != shown:
        return _stale(cipher, kind, key, data, record)  # no write, so no lock taken
    now = utcnow()
    lock_case(session, case, now)
    if record is None:
        record = _insert(session, cipher, case, user, (kind, key), data, now)
        action = "toegevoegd"
    else:
        values = {"updated_by": user.id, "updated_at": now}
        values["payload_enc"] = cipher.encrypt_json(data, f"case_records:{record.id}")
        casesize.check_room(session, case.id, record.id, len(values["payload_enc"]))
        record = record if bump(session, record, "version", shown, values) else None
        action = "gewijzigd"
    if record is None:  # another save got in between our look and our write
        return _stale(cipher, kind, key, data, get_record(session, case, kind, key))
    log_event(session, case, user, f"{kind}_{action}", key if kind not in LIST_KINDS else "")
    return record


def _insert(session, cipher, case, user, kind_key, data, now, fresh=False) -> CaseRecord | None:
    """Insert a new record; None when a record with the same kind and key exists already.

    ``fresh``: the key was made just now at random, so no twin can exist and no savepoint
    is needed. Returns the row as written, not attached to the session.
    """
    kind, key = kind_key
    record_id = new_id()
    values = {
        "id": record_id,
        "case_id": case.id,
        "kind": kind,
        "key": key,
        "version": 1,
        "created_by": user.id,
        "updated_by": user.id,
        "created_at": now,
        "updated_at": now,
        "payload_enc": cipher.encrypt_json(data, f"case_records:{record_id}"),
    }
    casesize.check_room(session, case.id, record_id, len(values["payload_enc"]))  # CaseFull
    # One INSERT statement, not an ORM object: the unit of work's flush cost more than the
    # statement itself, inside the write lock.
    if fresh:
        session.execute(_ADD, values)
    else:
        try:
            with session.begin_nested():  # only this insert is undone when a twin exists
                session.execute(_ADD, values)
        except IntegrityError:
            return None
    return CaseRecord(**values)


def _stale(cipher, kind: str, key: str, data: dict, stored: CaseRecord | None) -> CaseRecord:
    """Answer a save that lost to ``stored``: it, when it holds this text; else Conflict."""
    if stored is None:
        raise Conflict(kind, key, None, 0, None, None)
    current = view(cipher, stored).payload.model_dump(mode="json")
    if current == data:
        return stored
    raise Conflict(kind, key, current, stored.version, stored.updated_by, stored.updated_at)


def add_record(
    session: Session, cipher: Cipher, case: Case, user: User, kind: str, payload: Payload
) -> CaseRecord:
    """Add a record to a list kind (a signal, a consultation, a conversation …).

    Its key is new and random, so there is nothing to look up or to be in conflict with.
    """
    now = utcnow()
    lock_case(session, case, now)
    data = payload.model_dump(mode="json")
    record = _insert(session, cipher, case, user, (kind, new_id()), data, now, fresh=True)
    log_event(session, case, user, f"{kind}_toegevoegd")
    return record


def delete_record(
    session: Session, case: Case, user: User, kind: str, key: str, expected_version: int
) -> None:
    """Delete a record; raise Conflict when it changed since it was shown."""
    record = get_record(session, case, kind, key)
    if record is None:
        return
    if record.version == expected_version:
        lock_case(session, case, utcnow())
        gone = session.execute(
            delete(CaseRecord)
            .where(CaseRecord.id == record.id, CaseRecord.version == expected_version)
            .execution_options(synchronize_session=False)
        )
        if gone.rowcount == 1:
            session.expunge(record)
            log_event(session, case, user, f"{kind}_verwijderd")
            return
        record = get_record(session, case, kind, key)  # changed or deleted meanwhile
        if record is None:
            return
    raise Conflict(kind, key, None, record.version, record.updated_by, record.updated_at)
