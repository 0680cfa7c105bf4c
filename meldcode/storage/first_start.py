"""The first start: a one-time setup link that creates the first organisation.

Setting up happens once. Further organisations are made by a beheerder where the
installation allows it (meldcode.web.beheer.organisatie) or on the command line.
"""

import datetime

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from meldcode.storage.atomic import named_lock
from meldcode.storage.models import Organisation
from meldcode.storage.models import SetupToken
from meldcode.storage.tokens import new_token
from meldcode.storage.tokens import token_hash

SETUP_LOCK = "setup"


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
