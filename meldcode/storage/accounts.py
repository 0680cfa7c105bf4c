"""Accounts: passwords (argon2id), lockout, server-side sessions, invitations and setup.

Lockout counts failures per account in the database, so it holds across workers; a class of
200 behind one address is never locked out together. Every lock ends by itself within an
hour: anyone who knows an address could otherwise lock its owner out for good. A device the
account signed in from before is not held by the account's lock (meldcode.web.login_guard).
Every attempt costs one password hash check, whether the address exists, the password is
wrong or the account is locked, so the time taken tells nothing.
"""

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError
from argon2.exceptions import VerificationError
from sqlalchemy import bindparam
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session
from sqlalchemy.orm import object_session
from sqlalchemy.orm.attributes import set_committed_value

from meldcode import paths
from meldcode.storage.atomic import is_writing
from meldcode.storage.atomic import named_lock
from meldcode.storage.models import Invitation
from meldcode.storage.models import Organisation
from meldcode.storage.models import SetupToken
from meldcode.storage.models import User
from meldcode.storage.models import UserSession
from meldcode.storage.models import utcnow

MIN_PASSWORD = 12
MAX_PASSWORD = 256
SOFT_LOCK_AFTER = 5
LOCK_AT_MOST = datetime.timedelta(hours=1)
FOREVER = datetime.datetime(9999, 1, 1)  # no longer set; older databases may hold it
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("een wachtwoord dat niemand heeft")


class LoginFailed(Exception):
    """Wrong e-mail or password, locked or disabled; the user sees one generic message."""

    def __init__(self, reason: str, user: User | None = None):
        """Keep the reason for the audit trail, never for the user."""
        super().__init__(reason)
        self.reason = reason
        self.user = user


def token_hash(token: str) -> str:
    """Return the sha256 of a token; only hashes of tokens are stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    """Return a random token with 256 bits of entropy, safe in a URL."""
    return secrets.token_urlsafe(32)


def hash_password(password: str) -> str:
    """Hash a password with argon2id."""
    return _hasher.hash(password)


def _common_passwords() -> frozenset[str]:
    """Load the list of common passwords that are refused."""
    path = paths.PACKAGE_DIR / "storage" / "common_passwords.txt"
    return frozenset(
        line.strip().lower()
        for line in path.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    )


COMMON = _common_passwords()


def password_problems(password: str, context: list[str]) -> list[str]:
    """Return problem codes for a new password: te_kort, te_lang, te_bekend, bevat_context."""
    problems = []
    if len(password) < MIN_PASSWORD:
        problems.append("te_kort")
    if len(password) > MAX_PASSWORD:
        problems.append("te_lang")
    lowered = password.lower()
    if lowered in COMMON or lowered.rstrip("0123456789!?.") in COMMON:
        problems.append("te_bekend")
    words = [w.lower() for w in context if w and len(w) >= 4]
    if any(w in lowered for w in words + ["meldcode"]):
        problems.append("bevat_context")
    return problems


def find_by_email(session: Session, email: str) -> User | None:
    """Return the account with this address (case does not matter), or None."""
    return session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def _verify(password_hash: str | None, password: str) -> bool:
    """Check a password against a hash (the dummy one when there is no account)."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False


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
    right = _verify(user.password_hash if user else None, password) and user is not None
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
    if _hasher.check_needs_rehash(user.password_hash):
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
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
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
    """Create a server-side session and return its token for the cookie."""
    token = new_token()
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


def create_invitation(
    session: Session,
    inviter: User,
    email: str,
    role: str,
    now: datetime.datetime,
    valid: datetime.timedelta,
) -> str:
    """Create a one-time invitation link token for a new colleague."""
    token = new_token()
    session.add(
        Invitation(
            organisation_id=inviter.organisation_id,
            email=email.strip(),
            role=role,
            token_hash=token_hash(token),
            created_by=inviter.id,
            expires_at=now + valid,
        )
    )
    return token


def find_invitation(session: Session, token: str, now: datetime.datetime) -> Invitation | None:
    """Return an unused, unexpired invitation for a token.

    Two accepts of one link at the same moment queue in email_taken (one address, one
    account), so the second finds the account made and the invitation used.
    """
    found = session.scalar(select(Invitation).where(Invitation.token_hash == token_hash(token)))
    if found is None or found.used_at is not None or found.expires_at <= now:
        return None
    return found


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


def needs_setup(session: Session) -> bool:
    """Tell whether the database has no organisation yet (first start)."""
    return session.scalar(select(func.count()).select_from(Organisation)) == 0


def new_setup_token(
    session: Session,
    now: datetime.datetime,
    valid: datetime.timedelta = datetime.timedelta(hours=24),
) -> str:
    """Create a fresh one-time setup token (earlier ones stop working)."""
    named_lock(session, SETUP_LOCK)
    session.execute(update(SetupToken).where(SetupToken.used_at.is_(None)).values(used_at=now))
    token = new_token()
    session.add(SetupToken(token_hash=token_hash(token), expires_at=now + valid))
    return token


def use_setup_token(session: Session, token: str, now: datetime.datetime) -> bool:
    """Use a setup token while no organisation exists; tell whether it was valid.

    Setting up happens once: uses wait for each other here, the check for an organisation
    runs after that wait, and a use ends every other link too.
    """
    named_lock(session, SETUP_LOCK)
    if not needs_setup(session):
        return False
    used = session.execute(
        update(SetupToken)
        .where(
            SetupToken.token_hash == token_hash(token),
            SetupToken.used_at.is_(None),
            SetupToken.expires_at > now,
        )
        .values(used_at=now)
    )
    if used.rowcount != 1:
        return False
    session.execute(update(SetupToken).where(SetupToken.used_at.is_(None)).values(used_at=now))
    return True


SETUP_LOCK = "setup"


def now() -> datetime.datetime:
    """Return naive UTC now (tests freeze it)."""
    return utcnow()
