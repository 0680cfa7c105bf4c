"""Accounts: finding and creating them, signing in, lockout and the one-time second factor.

Lockout counts failures per account in the database, so it holds across workers; a class of
200 behind one address is never locked out together. Every lock ends by itself within an
hour: anyone who knows an address could otherwise lock its owner out for good. A device the
account signed in from before is not held by the account's lock (meldcode.web.login_guard).
Every attempt costs one password hash check, whether the address exists, the password is
wrong or the account is locked, so the time taken tells nothing.

Passwords are in ``passwords``, sessions in ``sessions``, invitations in ``invitations``,
the first start in ``setup``, reset links in ``password_resets`` and two-factor recovery
codes in ``recovery_codes``.
"""

import datetime

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session
from sqlalchemy.orm import object_session
from sqlalchemy.orm.attributes import set_committed_value

from meldcode.storage.atomic import is_writing
from meldcode.storage.atomic import named_lock
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.storage.models import utcnow
from meldcode.storage.passwords import hash_password
from meldcode.storage.passwords import matches
from meldcode.storage.passwords import needs_rehash

SOFT_LOCK_AFTER = 5
LOCK_AT_MOST = datetime.timedelta(hours=1)
FOREVER = datetime.datetime(9999, 1, 1)  # no longer set; older databases may hold it


class LoginFailed(Exception):
    """Wrong e-mail or password, locked or disabled; the user sees one generic message."""

    def __init__(self, reason: str, user: User | None = None):
        """Keep the reason for the audit trail, never for the user."""
        super().__init__(reason)
        self.reason = reason
        self.user = user


def find_by_email(session: Session, email: str) -> User | None:
    """Return the account with this address (case does not matter), or None."""
    return session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def authenticate(
    session: Session,
    email: str,
    password: str,
    now: datetime.datetime,
    known_device: bool = False,
) -> User:
    """Return the user for these credentials, or raise LoginFailed; counts failures.

    ``known_device``: the browser signed in to this account before; the account's lock does
    not hold it, and its failures are counted by the caller instead of on the account.
    """
    user = find_by_email(session, email)
    # Always exactly one hash check, also for an unknown address or a locked account.
    right = matches(user.password_hash if user else None, password) and user is not None
    if user is None:
        raise LoginFailed("unknown")
    if is_locked(user, now) and not known_device:
        raise LoginFailed("locked", user)
    if not right:
        if not known_device:
            register_failure(user, now)
        raise LoginFailed("bad_password", user)
    if not user.active:
        raise LoginFailed("inactive", user)
    if not session.get(Organisation, user.organisation_id).password_login:
        raise LoginFailed("password_off", user)  # the organisation signs in through SSO only
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    if user.totp_secret_enc is None:
        # With two-factor the count is cleared only after the code (second_factor_passed):
        # else a known password would reset it and allow endless guessing of codes.
        unlock(user)
    user.last_login_at = now
    return user


def register_failure(user: User, now: datetime.datetime) -> None:
    """Count a failed attempt (password or code): locks of 1, 2, 4 … minutes, an hour at most."""
    user.failed_logins += 1
    if user.failed_logins >= SOFT_LOCK_AFTER:
        steps = min(user.failed_logins - SOFT_LOCK_AFTER, 6)  # 2**6 minutes passes the cap
        wait = min(datetime.timedelta(minutes=2**steps), LOCK_AT_MOST)
        user.locked_until = now + wait


def is_locked(user: User, now: datetime.datetime) -> bool:
    """Tell whether the account is locked out at ``now`` (never for more than an hour)."""
    return user.locked_until is not None and now < user.locked_until <= now + LOCK_AT_MOST


def check_password(user: User, password: str, now: datetime.datetime) -> bool:
    """Confirm a signed-in user's password (before a change); failures count as logins."""
    if is_locked(user, now):
        return False
    if not matches(user.password_hash, password):
        register_failure(user, now)
        return False
    return True


def second_factor_passed(user: User, step: int) -> bool:
    """Record the code's time step as used and clear the failure count; False if it was used.

    Check and record are one statement: of two logins with the same code at the same moment,
    only one matches (the other is a replay and must fail like a wrong code).
    """
    used = object_session(user).execute(
        update(User)
        .where(User.id == user.id, User.totp_last_step < step)
        .values(totp_last_step=step)
        .execution_options(synchronize_session=False)
    )
    if used.rowcount != 1:
        return False
    set_committed_value(user, "totp_last_step", step)
    unlock(user)
    return True


def unlock(user: User) -> None:
    """Clear a lockout (a beheerder's action)."""
    user.failed_logins = 0
    user.locked_until = None


def email_taken(session: Session, email: str) -> bool:
    """Tell whether an account with this e-mail address exists.

    In a write, creating an account for this address waits here for any other doing the
    same, so two sign-ups for one address find each other instead of failing at commit.
    """
    if is_writing(session):
        named_lock(session, "email:" + email.strip().lower())
    return (
        session.scalar(select(User.id).where(func.lower(User.email) == email.strip().lower()))
        is not None
    )


def create_user(
    session: Session,
    organisation: Organisation,
    email: str,
    role: str,
    password: str,
    name: str = "",
    language: str = "nl",
) -> User:
    """Create an account (from the command line, setup or an accepted invitation)."""
    user = User(
        organisation_id=organisation.id,
        email=email.strip(),
        role=role,
        password_hash=hash_password(password),
        name=name.strip(),
        language=language,
    )
    session.add(user)
    session.flush()
    return user


def now() -> datetime.datetime:
    """Return naive UTC now (tests freeze it)."""
    return utcnow()
