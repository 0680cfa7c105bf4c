"""What a beheerder does to the accounts of their organisation: list, role, on/off, unlock.

Every change that alters what someone may do ends that person's sessions in the same
transaction, so the change holds from their next request: a new role, an account switched
off, a two-factor login reset. Lifting a lockout or switching an account on needs no such
step. The web pages add the audit row in the same transaction.
"""

import datetime

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from meldcode.kader.words import ROLES
from meldcode.storage import accounts
from meldcode.storage import password_resets
from meldcode.storage import sessions
from meldcode.storage import totp
from meldcode.storage.crypto import Cipher
from meldcode.storage.models import Invitation
from meldcode.storage.models import User


def members(session: Session, organisation_id: str) -> list[User]:
    """Return the organisation's accounts by name, then address."""
    return list(
        session.scalars(
            select(User)
            .where(User.organisation_id == organisation_id)
            .order_by(func.lower(User.name), User.email)
        )
    )


def pending_invitations(
    session: Session, organisation_id: str, now: datetime.datetime
) -> list[Invitation]:
    """Return the organisation's invitations not yet used and not yet expired, soonest first."""
    return list(
        session.scalars(
            select(Invitation)
            .where(
                Invitation.organisation_id == organisation_id,
                Invitation.used_at.is_(None),
                Invitation.expires_at > now,
            )
            .order_by(Invitation.expires_at)
        )
    )


def change_role(session: Session, user: User, role: str, now: datetime.datetime) -> None:
    """Give a colleague another role; their sessions end, so the new role starts cleanly."""
    if role not in ROLES:
        raise ValueError(role)
    user.role = role
    sessions.revoke_all(session, user.id, now)


def disable(session: Session, user: User, now: datetime.datetime) -> None:
    """Switch an account off; every session and every password reset link of it ends at once."""
    user.active = False
    sessions.revoke_all(session, user.id, now)
    password_resets.end_all(session, user.id, now)


def enable(session: Session, user: User, now: datetime.datetime) -> None:
    """Switch an account on again."""
    user.active = True


def unlock(session: Session, user: User, now: datetime.datetime) -> None:
    """Lift a lockout after too many failed logins."""
    accounts.unlock(user)


def end_sessions(session: Session, user: User, now: datetime.datetime) -> None:
    """Sign a colleague out on every device (a lost laptop, a shared computer)."""
    sessions.revoke_all(session, user.id, now)


def reset_totp(session: Session, cipher: Cipher, user: User, now: datetime.datetime) -> None:
    """Switch a colleague's two-factor login off (a lost phone) and end their sessions."""
    totp.set_totp_secret(cipher, user, None)
    sessions.revoke_all(session, user.id, now)
