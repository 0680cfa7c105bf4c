"""The records of a case, read: as stored rows, or decrypted into views.

A case is a set of records, each ``(kind, key)`` with an encrypted payload and its own
version (docs/wizard-internals.md). Reach them only after the scoped case lookup in
meldcode.storage.cases; meldcode.storage.record_writes writes them.
"""

import datetime
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import bindparam
from sqlalchemy import select
from sqlalchemy.orm import Session

from meldcode.casus.records import Payload
from meldcode.casus.records import payload_model
from meldcode.storage.crypto import Cipher
from meldcode.storage.models import Case
from meldcode.storage.models import CaseRecord
from meldcode.storage.prepared import Prepared

LIST_KINDS = {"signaal", "overleg", "gesprek", "hulp"}
RECORDS = CaseRecord.__table__
# Every save looks its record up, inside the write lock (meldcode.storage.prepared).
_FIND = Prepared(
    select(RECORDS).where(
        RECORDS.c.case_id == bindparam("case"),
        RECORDS.c.kind == bindparam("kind"),
        RECORDS.c.key == bindparam("key"),
    )
)


class StoredRecord(NamedTuple):
    """A record row as stored (payload still encrypted), read or written without the ORM."""

    id: str
    case_id: str
    kind: str
    key: str
    payload_enc: bytes
    version: int
    created_by: str
    updated_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime


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


def view(cipher: Cipher, record: CaseRecord | StoredRecord) -> RecordView:
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
    query = select(RECORDS).where(RECORDS.c.case_id == case.id)
    if kind:
        query = query.where(RECORDS.c.kind == kind)
    rows = session.execute(query.order_by(RECORDS.c.created_at, RECORDS.c.id))
    return [view(cipher, StoredRecord(*r)) for r in rows]


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


def get_record(session: Session, case: Case, kind: str, key: str) -> StoredRecord | None:
    """Return one record by kind and key as stored now, or None."""
    # A Core row, not an ORM object: every save looks its record up, and the ORM's loading
    # (identity map, populate_existing) cost more than the query, inside the write lock.
    row = _FIND.first(session, {"case": case.id, "kind": kind, "key": key})
    return None if row is None else StoredRecord(*row)
