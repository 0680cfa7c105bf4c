"""One-time tokens (links, sessions, codes): random, safe in a URL, stored only as a hash."""

import hashlib
import secrets


def token_hash(token: str) -> str:
    """Return the sha256 of a token; only hashes of tokens are stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    """Return a random token with 256 bits of entropy, safe in a URL."""
    return secrets.token_urlsafe(32)
