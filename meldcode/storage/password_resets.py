"""Password reset links: one-time, expiring, and used up in the same statement that checks them.

A link is started by a beheerder for a colleague, or by the person themselves from "wachtwoord
vergeten" (then it is mailed, never shown). Only a hash of the token is stored. Each user has
at most one live link: a new one ends the earlier ones. Using a link sets the new password,
lifts a lockout and ends every session of the account, in one transaction; two uses at the
same moment (also on PostgreSQL) find one guarded ``UPDATE``, so exactly one succeeds.
Two-factor login stays as it was: a reset link alone does not get past the code.
"""

import datetime

from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import String
from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import Session
from sqlalchemy.orm import mapped_column

from meldcode.storage import sessions
from meldcode.storage.accounts import unlock
from meldcode.storage.models import Base
from meldcode.storage.models import User
from meldcode.storage.models import new_id
from meldcode.storage.models import utcnow
from meldcode.storage.passwords import hash_password
from meldcode.storage.tokens import new_token
from meldcode.storage.tokens import token_hash


class PasswordReset(Base):
    """A one-time link to choose a new password; it expires."""

    __tablename__ = "password_resets"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The beheerder who made the link; None when the person asked for it by mail.
    requested_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime.datetime] = mapped_column(DateTime, index=True)
    used_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True)


def _live(now: datetime.datetime):
    """Return the condition of a link that can still be used at ``now``."""
    return PasswordReset.used_at.is_(None), PasswordReset.expires_at > now


def start(
    session: Session,
    user: User,
    now: datetime.datetime,
    valid: datetime.timedelta,
    requested_by: str | None = None,
) -> tuple[str, PasswordReset]:
    """Make a new link for ``user`` (earlier live ones stop working); return token and row."""
    end_all(session, user.id, now)
    token = new_token()
    row = PasswordReset(
        user_id=user.id,
        token_hash=token_hash(token),
        requested_by=requested_by,
        created_at=now,
        expires_at=now + valid,
    )
    session.add(row)
    session.flush()
    return token, row


def find(session: Session, token: str, now: datetime.datetime) -> PasswordReset | None:
    """Return the live link for ``token``, or None (unknown, used, ended or expired)."""
    if not token or len(token) > 100:
        return None
    return session.scalar(
        select(PasswordReset).where(PasswordReset.token_hash == token_hash(token), *_live(now))
    )


def use(session: Session, token: str, password: str, now: datetime.datetime) -> User | None:
    """Use a link once: set the new password, lift a lock, end every session; None if too late.

    The check and the use are one ``UPDATE``: of two uses at the same moment one matches it,
    the other matches no row and changes nothing.
    """
    found = find(session, token, now)
    user = session.get(User, found.user_id) if found is not None else None
    if user is None or not user.active:
        return None
    used = session.execute(
        update(PasswordReset)
        .where(PasswordReset.id == found.id, *_live(now))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    if used.rowcount != 1:
        return None
    user.password_hash = hash_password(password)
    unlock(user)
    end_all(session, user.id, now)
    sessions.revoke_all(session, user.id, now)
    return user


def end_all(session: Session, user_id: str, now: datetime.datetime) -> int:
    """End every live link of a user (a new link, a used one, or the account switched off)."""
    result = session.execute(
        update(PasswordReset)
        .where(PasswordReset.user_id == user_id, PasswordReset.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount or 0


def purge(session: Session, now: datetime.datetime) -> int:
    """Delete links that expired more than a day ago; return how many."""
    result = session.execute(
        delete(PasswordReset).where(PasswordReset.expires_at < now - datetime.timedelta(days=1))
    )
    return result.rowcount or 0
