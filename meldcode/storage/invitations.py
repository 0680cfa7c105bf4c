"""Invitations: a one-time link a beheerder makes for a new colleague; it expires.

Only a hash of the token is stored, so the link can be shown (or mailed) once and never
read back from the database.
"""

import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from meldcode.storage.models import Invitation
from meldcode.storage.models import User
from meldcode.storage.tokens import new_token
from meldcode.storage.tokens import token_hash


def create_invitation(
    session: Session,
    inviter: User,
    email: str,
    role: str,
    now: datetime.datetime,
    valid: datetime.timedelta,
    organisation_id: str | None = None,
) -> str:
    """Create a one-time invitation link token for a new colleague.

    ``organisation_id``: the organisation the new account joins; default the inviter's.
    """
    token = new_token()
    session.add(
        Invitation(
            organisation_id=organisation_id or inviter.organisation_id,
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
