"""Server-side sessions: a row per signed-in browser, so a session can be ended at once.

The browser's cookie holds only a random token; the row keeps its hash, when it was last
used, when it ends, and whether the second factor was given.
"""

import datetime
from dataclasses import dataclass

from sqlalchemy import bindparam
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from meldcode.storage.models import User
from meldcode.storage.models import UserSession
from meldcode.storage.tokens import new_token
from meldcode.storage.tokens import token_hash


@dataclass
class SessionTimes:
    """How long a session lives: idle and absolute limits."""

    idle: datetime.timedelta
    absolute: datetime.timedelta


def start_session(
    session: Session,
    user: User,
    now: datetime.datetime,
    times: SessionTimes,
    second_factor_done: bool,
    provider: str | None = None,
    provider_mfa: bool = False,
) -> str:
    """Create a server-side session and return its token for the cookie.

    Every way in (password, setup, invitation, single sign-on) starts here, so this is
    where the account's "last signed in" is set.
    """
    token = new_token()
    user.last_login_at = now
    session.add(
        UserSession(
            token_hash=token_hash(token),
            user_id=user.id,
            created_at=now,
            last_seen_at=now,
            expires_at=now + times.absolute,
            second_factor_done=second_factor_done,
            provider=provider,
            provider_mfa=provider_mfa,
        )
    )
    return token


# Every request runs it: built once, its cache key is computed once.
_LIVE = (
    select(UserSession, User)
    .join(User, User.id == UserSession.user_id)
    .where(UserSession.token_hash == bindparam("token_hash"))
)


def load_session(
    session: Session, token: str, now: datetime.datetime, times: SessionTimes
) -> tuple[UserSession, User] | None:
    """Return the live session and its user, or None when expired, idle or revoked."""
    if not token or len(token) > 100:
        return None
    row = session.execute(_LIVE, {"token_hash": token_hash(token)}).first()
    if row is None:
        return None
    found, user = row
    if found.revoked_at is not None or found.expires_at <= now:
        return None
    if now - found.last_seen_at > times.idle or not user.active:
        return None
    return found, user


def touch_session(session: Session, token: str, now: datetime.datetime) -> None:
    """Record activity on a session (the idle timer starts again)."""
    session.execute(
        update(UserSession)
        .where(UserSession.token_hash == token_hash(token))
        .values(last_seen_at=now)
    )


def revoke_session(session: Session, token: str, now: datetime.datetime) -> None:
    """End one session."""
    session.execute(
        update(UserSession)
        .where(UserSession.token_hash == token_hash(token))
        .values(revoked_at=now)
    )


def revoke_all(session: Session, user_id: str, now: datetime.datetime) -> int:
    """End every session of a user (log out everywhere, or a disabled account)."""
    result = session.execute(
        update(UserSession)
        .where(UserSession.user_id == user_id, UserSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return result.rowcount or 0
