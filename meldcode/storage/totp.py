"""Two-factor login: TOTP secrets (stored encrypted) and one-time code checks."""

import datetime
import secrets

import pyotp
from sqlalchemy.orm import object_session

from meldcode.storage import recovery_codes
from meldcode.storage.crypto import Cipher
from meldcode.storage.models import User


def new_totp_secret() -> str:
    """Return a new base32 TOTP secret."""
    return pyotp.random_base32()


def totp_uri(secret: str, email: str) -> str:
    """Return the otpauth:// URI an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name="Meldcode")


def check_totp(secret: str, code: str, last_step: int, now: datetime.datetime) -> int | None:
    """Return the time step a code belongs to if valid and unused, else None."""
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    moment = now.replace(tzinfo=datetime.UTC)
    for drift in (0, -1, 1):
        when = moment + datetime.timedelta(seconds=30 * drift)
        step = totp.timecode(when)
        if step > last_step and secrets.compare_digest(totp.at(when), code):
            return step
    return None


def user_totp_secret(cipher: Cipher, user: User) -> str | None:
    """Return a user's decrypted TOTP secret, or None when two-factor is off."""
    if user.totp_secret_enc is None:
        return None
    return cipher.decrypt(user.totp_secret_enc, f"users.totp:{user.id}")


def set_totp_secret(cipher: Cipher, user: User, secret: str | None) -> None:
    """Store (encrypted) or clear a user's TOTP secret; clearing it deletes the recovery codes."""
    user.totp_secret_enc = cipher.encrypt(secret, f"users.totp:{user.id}") if secret else None
    user.totp_last_step = 0
    if secret is None and object_session(user) is not None:
        recovery_codes.drop(object_session(user), user.id)
