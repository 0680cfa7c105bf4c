"""Two-factor recovery codes: for signing in when the authenticator app is lost.

Made when two-factor login is switched on (or anew on request), shown once and stored only
as a hash. Each code has about 79 random bits, so a plain sha256 cannot be reversed by
trying. A code works once: it is used up by a guarded ``UPDATE`` in the same statement
that checks it, so two sign-ins with one code at the same moment pass once, on SQLite and
on PostgreSQL. Switching two-factor login off deletes the codes.
"""

import datetime
import hashlib
import secrets

from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import String
from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import Session
from sqlalchemy.orm import mapped_column

from meldcode.storage.models import Base
from meldcode.storage.models import new_id
from meldcode.storage.models import utcnow

COUNT = 10
# Lower case, no 0/o, 1/l/i: easy to read off paper and to type.
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
GROUPS, GROUP = 4, 4


class RecoveryCode(Base):
    """One recovery code of an account, as a hash; used once."""

    __tablename__ = "recovery_codes"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)
    used_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True)


def normalise(code: str) -> str:
    """Return a code as stored: lower case, without spaces and dashes."""
    return "".join(c for c in (code or "").lower() if c not in " -\t")


def _hash(code: str) -> str:
    """Return the stored hash of a code."""
    return hashlib.sha256(normalise(code).encode()).hexdigest()


def _new_code() -> str:
    """Return one random code, in groups of four (``k7qm-2xtp-9cvh-aw3n``)."""
    letters = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP))
    return "-".join(letters[i : i + GROUP] for i in range(0, len(letters), GROUP))


def new_codes(session: Session, user_id: str, now: datetime.datetime) -> list[str]:
    """Replace the user's codes by a fresh set; return them (the only time they are seen)."""
    drop(session, user_id)
    codes = [_new_code() for _ in range(COUNT)]
    session.add_all(
        RecoveryCode(user_id=user_id, code_hash=_hash(code), created_at=now) for code in codes
    )
    session.flush()
    return codes


def use(session: Session, user_id: str, code: str, now: datetime.datetime) -> bool:
    """Use one of the user's codes; False when it is wrong or was used before."""
    if len(normalise(code)) != GROUPS * GROUP:
        return False
    used = session.execute(
        update(RecoveryCode)
        .where(
            RecoveryCode.user_id == user_id,
            RecoveryCode.code_hash == _hash(code),
            RecoveryCode.used_at.is_(None),
        )
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    return used.rowcount == 1


def remaining(session: Session, user_id: str) -> int:
    """Return how many unused codes the user has."""
    return session.scalar(
        select(func.count())
        .select_from(RecoveryCode)
        .where(RecoveryCode.user_id == user_id, RecoveryCode.used_at.is_(None))
    )


def drop(session: Session, user_id: str) -> None:
    """Delete every code of the user (two-factor login switched off, or a new set)."""
    session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user_id))
