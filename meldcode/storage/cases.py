"""Cases and their records, reached only through one scoped accessor.

Every lookup of a case goes through :func:`get_case_for_user`: a case is visible to its
owner and to colleagues it is explicitly shared with, inside the same organisation. Any
other id, including a real one, raises :class:`CaseNotFound` (the web answers 404).
Records carry their own version; a save with a stale version raises :class:`Conflict`,
so nothing is ever overwritten silently.
"""

import datetime
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from meldcode.casus.records import Payload
from meldcode.casus.records import payload_model
from meldcode.kader import ResolvedKader
from meldcode.storage import casesize
from meldcode.storage.crypto import Cipher
from meldcode.storage.models import Case
from meldcode.storage.models import CaseEvent
from meldcode.storage.models import CaseRecord
from meldcode.storage.models import CaseShare
from meldcode.storage.models import User
from meldcode.storage.models import new_id
from meldcode.storage.models import utcnow


class CaseNotFound(Exception):
    """No such case for this user (it may exist for someone else; we never say)."""


@dataclass
class Conflict(Exception):
    """The record changed since the form was shown; both versions are kept for the user."""

    kind: str
    key: str
    current: dict | None
    version: int
    updated_by: str | None
    updated_at: datetime.datetime | None


@dataclass
class Access:
    """A case as one user may see it: as owner, or as consulted colleague."""

    case: Case
    role: str  # "eigenaar" or "consultatie"

    @property
    def is_owner(self) -> bool:
        """Tell whether the user owns the case."""
        return self.role == "eigenaar"


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


def get_case_for_user(session: Session, case_id: str, user: User) -> Access:
    """Return the case if ``user`` may see it, else raise CaseNotFound."""
    case = session.get(Case, case_id) if isinstance(case_id, str) and len(case_id) <= 32 else None
    if case is None or case.organisation_id != user.organisation_id:
        raise CaseNotFound()
    if case.owner_id == user.id:
        return Access(case, "eigenaar")
    shared = session.scalar(
        select(CaseShare.id).where(CaseShare.case_id == case.id, CaseShare.user_id == user.id)
    )
    if shared is None:
        raise CaseNotFound()
    return Access(case, "consultatie")


def visible_cases(session: Session, user: User) -> list[Access]:
    """Return every case the user owns or has been asked to consult on."""
    shared_ids = select(CaseShare.case_id).where(CaseShare.user_id == user.id)
    rows = session.scalars(
        select(Case)
        .where(
            Case.organisation_id == user.organisation_id,
            or_(Case.owner_id == user.id, Case.id.in_(shared_ids)),
        )
        .order_by(Case.updated_at.desc())
    ).all()
    return [Access(c, "eigenaar" if c.owner_id == user.id else "consultatie") for c in rows]


def label_of(cipher: Cipher, case: Case) -> str:
    """Return the decrypted pseudonymous label of a case."""
    return cipher.decrypt(case.label_enc, f"cases.label:{case.id}")


def create_case(
    session: Session,
    cipher: Cipher,
    owner: User,
    label: str,
    worry_date: datetime.date,
    kader: ResolvedKader,
) -> Case:
    """Create a case with the kader version valid on the date the worry started."""
    case_id = new_id()
    case = Case(
        id=case_id,
        organisation_id=owner.organisation_id,
        owner_id=owner.id,
        label_enc=cipher.encrypt(label, f"cases.label:{case_id}"),
        worry_date=worry_date,
        kader_id=kader.id,
        kader_version=kader.version,
    )
    session.add(case)
    session.flush()
    log_event(session, case, owner, "casus_aangemaakt")
    return case


def set_label(session: Session, cipher: Cipher, case: Case, label: str) -> None:
    """Change the label of a case."""
    case.label_enc = cipher.encrypt(label, f"cases.label:{case.id}")
    case.updated_at = utcnow()


def _view(cipher: Cipher, record: CaseRecord) -> RecordView:
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
    return [_view(cipher, r) for r in rows]


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


def get_record(session: Session, case: Case, kind: str, key: str) -> CaseRecord | None:
    """Return one record by kind and key, or None."""
    return session.scalar(
        select(CaseRecord).where(
            CaseRecord.case_id == case.id, CaseRecord.kind == kind, CaseRecord.key == key
        )
    )


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
    shown when the record did not exist yet).
    """
    record = get_record(session, case, kind, key)
    now = utcnow()
    if record is None:
        if expected_version:
            raise Conflict(kind, key, None, 0, None, None)
        record_id = new_id()
        record = CaseRecord(
            id=record_id,
            case_id=case.id,
            kind=kind,
            key=key,
            version=1,
            created_by=user.id,
            updated_by=user.id,
            created_at=now,
            updated_at=now,
            payload_enc=b"",
        )
        session.add(record)
        action = "toegevoegd"
    else:
        if expected_version != record.version:
            current = _view(cipher, record).payload.model_dump(mode="json")
            raise Conflict(kind, key, current, record.version, record.updated_by, record.updated_at)
        record.version += 1
        record.updated_by = user.id
        record.updated_at = now
        action = "gewijzigd"
    sealed = cipher.encrypt_json(payload.model_dump(mode="json"), f"case_records:{record.id}")
    casesize.check_room(session, case.id, record.id, len(sealed))  # raises CaseFull
    record.payload_enc = sealed
    case.updated_at = now
    log_event(session, case, user, f"{kind}_{action}", key if kind not in LIST_KINDS else "")
    return record


def add_record(
    session: Session, cipher: Cipher, case: Case, user: User, kind: str, payload: Payload
) -> CaseRecord:
    """Add a record to a list kind (a signal, a consultation, a conversation …)."""
    return save_record(session, cipher, case, user, kind, new_id(), payload, None)


def delete_record(
    session: Session, case: Case, user: User, kind: str, key: str, expected_version: int
) -> None:
    """Delete a record; raise Conflict when it changed since it was shown."""
    record = get_record(session, case, kind, key)
    if record is None:
        return
    if record.version != expected_version:
        raise Conflict(kind, key, None, record.version, record.updated_by, record.updated_at)
    session.delete(record)
    case.updated_at = utcnow()
    log_event(session, case, user, f"{kind}_verwijderd")


def log_event(
    session: Session, case: Case, user: User | None, action: str, subject: str = ""
) -> None:
    """Append an event to the case's log (who, what, when; never content)."""
    session.add(
        CaseEvent(
            case_id=case.id, actor_id=user.id if user else None, action=action, subject=subject
        )
    )


def events(session: Session, case: Case) -> list[CaseEvent]:
    """Return the case's event log, oldest first."""
    return list(
        session.scalars(
            select(CaseEvent)
            .where(CaseEvent.case_id == case.id)
            .order_by(CaseEvent.at, CaseEvent.id)
        )
    )


def share_case(session: Session, case: Case, owner: User, colleague: User) -> None:
    """Share a case with a colleague of the same organisation for consultation."""
    if colleague.organisation_id != case.organisation_id or colleague.id == case.owner_id:
        raise CaseNotFound()
    exists = session.scalar(
        select(CaseShare.id).where(CaseShare.case_id == case.id, CaseShare.user_id == colleague.id)
    )
    if exists is None:
        session.add(CaseShare(case_id=case.id, user_id=colleague.id, created_by=owner.id))
        log_event(session, case, owner, "gedeeld", colleague.id)


def unshare_case(session: Session, case: Case, owner: User, colleague_id: str) -> None:
    """Stop sharing a case with a colleague; takes effect on their next request."""
    session.execute(
        delete(CaseShare).where(CaseShare.case_id == case.id, CaseShare.user_id == colleague_id)
    )
    log_event(session, case, owner, "delen_gestopt", colleague_id)


def shares(session: Session, case: Case) -> list[str]:
    """Return the ids of colleagues the case is shared with."""
    return list(session.scalars(select(CaseShare.user_id).where(CaseShare.case_id == case.id)))


LIST_KINDS = {"signaal", "overleg", "gesprek", "hulp"}
