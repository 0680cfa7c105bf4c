"""Kept text of a failed post: only for a known user, capped per user and in total.

A stash is written when a signed-in user's post cannot be saved because the session ran
out or the form's CSRF token went stale. It belongs to that user: nobody else gets it back,
whatever link they open. Caps keep a flood of posts from filling the disk: per user the
newest few stashes are kept, and when all stashes together reach the total cap nothing more
is stashed until some expire.
"""

import datetime
import json
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from meldcode.storage.crypto import Cipher
from meldcode.storage.models import StashedForm
from meldcode.storage.models import User
from meldcode.storage.models import UserSession
from meldcode.storage.sessions import SessionTimes
from meldcode.storage.tokens import token_hash


@dataclass(frozen=True)
class Caps:
    """How much may be stashed: per user (count, bytes) and by everyone together (bytes)."""

    per_user: int = 10
    user_bytes: int = 3 * 1024 * 1024
    total_bytes: int = 64 * 1024 * 1024


def session_owner(
    session: Session, token: str, now: datetime.datetime, times: SessionTimes, grace
) -> str | None:
    """Return the user of a session that ran out at most ``grace`` ago, else None.

    A revoked session (logged out, password changed, account disabled) has no owner here.
    """
    if not token or len(token) > 100:
        return None
    row = session.execute(
        select(UserSession.expires_at, UserSession.last_seen_at, User.id)
        .join(User, User.id == UserSession.user_id)
        .where(
            UserSession.token_hash == token_hash(token),
            UserSession.revoked_at.is_(None),
            User.active.is_(True),
        )
    ).first()
    if row is None:
        return None
    ended = min(row.expires_at, row.last_seen_at + times.idle)
    return row.id if now - ended <= grace else None


def keep(
    session: Session,
    cipher: Cipher,
    user_id: str,
    token: str,
    path: str,
    fields: dict,
    expires_at: datetime.datetime,
    caps: Caps,
) -> bool:
    """Stash ``fields`` for ``user_id`` under ``token``; tell whether it was kept."""
    text = json.dumps(fields)
    size = len(text.encode())
    if size > caps.user_bytes:
        return False
    total = session.scalar(select(func.coalesce(func.sum(StashedForm.size), 0)))
    if total + size > caps.total_bytes:
        return False
    _make_room(session, user_id, size, caps)
    digest = token_hash(token)
    session.add(
        StashedForm(
            token_hash=digest,
            path=path[:300],
            payload_enc=cipher.encrypt(text, f"stash:{digest}"),
            expires_at=expires_at,
            user_id=user_id,
            size=size,
        )
    )
    return True


def _make_room(session: Session, user_id: str, size: int, caps: Caps) -> None:
    """Drop the user's oldest stashes until one more of ``size`` bytes fits their caps."""
    rows = session.execute(
        select(StashedForm.token_hash, StashedForm.size)
        .where(StashedForm.user_id == user_id)
        .order_by(StashedForm.expires_at.desc())
    ).all()
    kept, used, drop = 0, size, []
    for digest, bytes_ in rows:
        if kept + 1 < caps.per_user and used + bytes_ <= caps.user_bytes:
            kept, used = kept + 1, used + bytes_
        else:
            drop.append(digest)
    if drop:
        session.execute(delete(StashedForm).where(StashedForm.token_hash.in_(drop)))


def find(
    session: Session,
    cipher: Cipher,
    token: str,
    path: str,
    user_id: str,
    now: datetime.datetime,
) -> dict | None:
    """Return the fields stashed under ``token`` for this user and page, else None."""
    digest = token_hash(token)
    found = session.get(StashedForm, digest)
    if found is None or found.user_id != user_id or found.path != path:
        return None
    if found.expires_at <= now:
        return None
    return json.loads(cipher.decrypt(found.payload_enc, f"stash:{digest}"))


def forget(session: Session, token: str, user_id: str) -> None:
    """Delete the user's stash under ``token``: its text has been saved now."""
    session.execute(
        delete(StashedForm).where(
            StashedForm.token_hash == token_hash(token), StashedForm.user_id == user_id
        )
    )
