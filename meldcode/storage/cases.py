"""Cases and their records, reached only through one scoped accessor.

Every lookup of a case goes through :func:`get_case_for_user`: a case is visible to its
owner and to colleagues it is explicitly shared with, inside the same organisation. Any
other id, including a real one, raises :class:`CaseNotFound` (the web answers 404).
Records and the label carry their own version; a save with a stale version raises
:class:`Conflict` (meldcode.storage.versioned), so nothing is ever overwritten silently.
Every write to a case first locks the case's row: writes to one case queue there, so each
sees what the one before it committed, on PostgreSQL as on SQLite.
"""

from dataclasses import dataclass

from sqlalchemy import bindparam
from sqlalchemy import delete
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from meldcode.storage.atomic import insert_new
from meldcode.storage.case_log import events
from meldcode.storage.case_log import log_event
from meldcode.storage.case_records import LIST_KINDS
from meldcode.storage.case_records import RecordView
from meldcode.storage.case_records import get_record
from meldcode.storage.case_records import record
from meldcode.storage.case_records import record_kinds
from meldcode.storage.case_records import records
from meldcode.storage.case_start import create_case
from meldcode.storage.case_start import create_once
from meldcode.storage.case_start import label_of
from meldcode.storage.case_start import readable_label
from meldcode.storage.crypto import Cipher
from meldcode.storage.models import Case
from meldcode.storage.models import CaseShare
from meldcode.storage.models import User
from meldcode.storage.models import new_id
from meldcode.storage.models import utcnow
from meldcode.storage.prepared import Prepared
from meldcode.storage.record_writes import add_record
from meldcode.storage.record_writes import delete_record
from meldcode.storage.record_writes import save_record
from meldcode.storage.versioned import Conflict
from meldcode.storage.versioned import bump

# Callers reach records and the log through this module, after the scoped lookup.
__all__ = [
    "LIST_KINDS",
    "Access",
    "CaseNotFound",
    "Conflict",
    "RecordView",
    "add_record",
    "create_case",
    "create_once",
    "delete_record",
    "events",
    "get_case_for_user",
    "get_record",
    "label_of",
    "log_event",
    "readable_label",
    "record",
    "record_kinds",
    "records",
    "save_record",
    "set_label",
    "share_case",
    "shares",
    "unshare_case",
    "visible_cases",
]


class CaseNotFound(Exception):
    """No such case for this user (it may exist for someone else; we never say)."""


@dataclass
class Access:
    """A case as one user may see it: as owner, or as consulted colleague."""

    case: Case
    role: str  # "eigenaar" or "consultatie"

    @property
    def is_owner(self) -> bool:
        """Tell whether the user owns the case."""
        return self.role == "eigenaar"


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


def set_label(
    session: Session, cipher: Cipher, case: Case, user: User, label: str, shown: int
) -> None:
    """Change the label (logged); raise Conflict when it changed since version ``shown``."""
    values = {"label_enc": cipher.encrypt(label, f"cases.label:{case.id}"), "updated_at": utcnow()}
    if bump(session, case, "label_version", shown, values):
        log_event(session, case, user, "label_gewijzigd")
        return
    session.refresh(case)
    stored = label_of(cipher, case)
    if stored != label:  # the same label sent twice (a double click) is saved once, no conflict
        raise Conflict("label", "", {"label": stored}, case.label_version, None, case.updated_at)


def share_case(session: Session, case: Case, owner: User, colleague: User) -> None:
    """Share a case with a colleague of the same organisation for consultation."""
    if colleague.organisation_id != case.organisation_id or colleague.id == case.owner_id:
        raise CaseNotFound()
    row = {
        "id": new_id(),
        "case_id": case.id,
        "user_id": colleague.id,
        "created_by": owner.id,
        "created_at": utcnow(),
    }
    # One statement: a second share at the same moment adds nothing (and logs nothing).
    if insert_new(session, CaseShare, row, ["case_id", "user_id"]):
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


# Built once, of the plain tables: every save runs one of them, and building it anew (or
# the ORM's way of running it) costs more than running it.
_CASES = Case.__table__
_SHARES = CaseShare.__table__
_OWNED = select(_CASES.c.id).where(
    _CASES.c.id == bindparam("case"), _CASES.c.owner_id == bindparam("owner")
)
_STILL_OWNED = Prepared(_OWNED)
_STILL_SHARED = Prepared(
    _OWNED.where(
        select(_SHARES.c.id)
        .where(_SHARES.c.case_id == _CASES.c.id, _SHARES.c.user_id == bindparam("user"))
        .exists()
    )
)


def confirm_access(session: Session, checked: Access, user: User) -> Access | None:
    """Return ``checked`` bound to ``session`` if it still holds there, else None.

    The scoped check (:func:`get_case_for_user`) runs once per request; a write transaction
    then only confirms, with one light query, that the case still exists and, for a
    consulted colleague, that the case is still shared with them (a share revoked
    meanwhile counts). The case is attached to the session without being read again.
    """
    found = {"case": checked.case.id, "owner": checked.case.owner_id}
    if checked.is_owner:
        still = _STILL_OWNED.first(session, found)
    else:
        still = _STILL_SHARED.first(session, {**found, "user": user.id})
    if still is None:
        return None
    return Access(session.merge(checked.case, load=False), checked.role)
