"""Passwords: argon2id hashes, and the rules a new password must pass.

A new password is at least 12 characters, not on the list of common passwords and without
the person's name, organisation or "meldcode" in it (NCSC, NIST SP 800-63B).
"""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError
from argon2.exceptions import VerificationError

from meldcode import paths

MIN_PASSWORD = 12
MAX_PASSWORD = 256
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("een wachtwoord dat niemand heeft")


def hash_password(password: str) -> str:
    """Hash a password with argon2id."""
    return _hasher.hash(password)


def matches(password_hash: str | None, password: str) -> bool:
    """Check a password against a hash; without one, against a dummy (the same time taken)."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Tell whether a hash was made with older parameters than today's."""
    return _hasher.check_needs_rehash(password_hash)


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
