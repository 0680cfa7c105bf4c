"""The records of a case, written: each save with its version checked, under the case's lock.

Every write first locks the case's row: writes to one case queue there, so each one sees
what the one before it committed, on PostgreSQL as on SQLite, and no twin record can be
inserted between a save's look and its write; the version check itself is one statement
(meldcode.storage.versioned). Reach these through meldcode.storage.cases.
"""

from sqlalchemy import bindparam
from sqlalchemy import delete
from sqlalchemy import insert
from sqlalchemy import update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from meldcode.casus.records import Payload
from meldcode.storage import casesize
from meldcode.storage.case_log import log_event
from meldcode.storage.case_records import LIST_KINDS
from meldcode.storage.case_records import RECORDS
from meldcode.storage.case_records import StoredRecord
from meldcode.storage.case_records import get_record
from meldcode.storage.case_records import view
from meldcode.storage.crypto import Cipher
from meldcode.storage.models import Case
from meldcode.storage.models import CaseRecord
from meldcode.storage.models import User
from meldcode.storage.models import new_id
from meldcode.storage.models import utcnow
from meldcode.storage.prepared import Prepared
from meldcode.storage.versioned import Conflict

# Statements of every save, run inside the write lock (meldcode.storage.prepared says why).
_ADD = Prepared(insert(RECORDS))
_CASES = Case.__table__
_TOUCH = Prepared(
    update(_CASES).where(_CASES.c.id == bindparam("case")).values(updated_at=bindparam("now"))
)
# The version check and the write in one statement (meldcode.storage.versioned explains why).
_BUMP = Prepared(
    update(RECORDS)
    .where(RECORDS.c.id == bindparam("record"), RECORDS.c.version == bindparam("shown"))
    .values(
        version=RECORDS.c.version + 1,
        payload_enc=bindparam("new_payload"),
        updated_by=bindparam("by"),
        updated_at=bindparam("at"),
    )
)


def lock_case(session: Session, case: Case, now) -> None:
    """Lock the case's row until commit and mark it changed; writes to one case queue here."""
    _TOUCH.run(session, {"case": case.id, "now": now})
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
    identical_conflicts: bool = False,
) -> StoredRecord:
    """Create or update a record; raise Conflict when it changed since ``expected_version``.

    ``expected_version`` is the version the form was rendered with (None or 0: the form was
    shown when the record did not exist yet). The same text posted twice (a double click, two
    tabs) is saved once and answers as saved: nothing typed is lost, nothing saved twice.
    ``identical_conflicts``: that second post raises Conflict too (holding the same text), so
    that the caller can say "already saved" and nothing at all is written.
    """
    data = payload.model_dump(mode="json")
    now = utcnow()
    # The case's row first: the look below then sees every save committed before ours, and
    # no other save can insert this record between our look and our write (so no savepoint).
    lock_case(session, case, now)
    record = get_record(session, case, kind, key)
    shown = expected_version or 0
    if (record.version if record else 0) != shown:
        return _stale(cipher, kind, key, data, record, identical_conflicts)
    if record is None:
        record = _insert(session, cipher, case, user, (kind, key), data, now)
        action = "toegevoegd"
    else:
        sealed = cipher.encrypt_json(data, f"case_records:{record.id}")
        casesize.check_room(session, case.id, record.id, len(sealed))
        record = _bump(session, record, shown, sealed, user, now)
        action = "gewijzigd"
    if record is None:  # cannot happen under the case lock; kept as the version check's net
        return _stale(cipher, kind, key, data, get_record(session, case, kind, key))
    log_event(session, case, user, f"{kind}_{action}", key if kind not in LIST_KINDS else "")
    return record


def _bump(session, record: StoredRecord, shown: int, sealed: bytes, user, now):
    """Write the new payload over ``record`` if it still has version ``shown``; else None."""
    written = _BUMP.run(
        session,
        {"record": record.id, "shown": shown, "new_payload": sealed, "by": user.id, "at": now},
    )
    if written != 1:
        return None
    return record._replace(
        version=shown + 1, payload_enc=sealed, updated_by=user.id, updated_at=now
    )


def _insert(session, cipher, case, user, kind_key, data, now) -> StoredRecord:
    """Insert a new record, its case locked by the caller; return the row as written."""
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
    _ADD.run(session, values)
    return StoredRecord(**values)


def _stale(cipher, kind, key, data: dict, stored: StoredRecord | None, strict=False):
    """Answer a save that lost to ``stored``: it, when it holds this text; else Conflict."""
    if stored is None:
        raise Conflict(kind, key, None, 0, None, None)
    current = view(cipher, stored).payload.model_dump(mode="json")
    if current == data and not strict:
        return stored
    raise Conflict(kind, key, current, stored.version, stored.updated_by, stored.updated_at)


def add_record(
    session: Session, cipher: Cipher, case: Case, user: User, kind: str, payload: Payload
) -> StoredRecord:
    """Add a record to a list kind (a signal, a consultation, a conversation …).

    Its key is new and random, so there is nothing to look up or to be in conflict with.
    """
    now = utcnow()
    lock_case(session, case, now)
    data = payload.model_dump(mode="json")
    record = _insert(session, cipher, case, user, (kind, new_id()), data, now)
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
            log_event(session, case, user, f"{kind}_verwijderd")
            return
        record = get_record(session, case, kind, key)  # changed or deleted meanwhile
        if record is None:
            return
    raise Conflict(kind, key, None, record.version, record.updated_by, record.updated_at)
