"""External identities: an account's sign-in at an OpenID provider, keyed on issuer + subject.

Only a hash of issuer and subject is stored: enough to find the account again, nothing to
read back. No e-mail address, name or other claim is kept from the provider beyond what the
account itself holds; the provider's key (from the settings) says where an account is linked.
"""

import datetime
import hashlib

from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import String
from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import Session
from sqlalchemy.orm import mapped_column

from meldcode.storage.accounts import email_taken
from meldcode.storage.models import Base
from meldcode.storage.models import Invitation
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.storage.models import new_id
from meldcode.storage.models import utcnow

# Not an argon2 hash, so no password ever matches it: the account signs in through SSO only.
NO_PASSWORD = "!sso"  # noqa: S105 - a marker that no password matches, not a password
# An account needs a unique address; a provider may send none (Entree Federatie). The
# reserved .invalid domain (RFC 2606) can never receive mail.
NO_EMAIL_DOMAIN = "sso.invalid"
NEW_ACCOUNT_ROLES = ("medewerker", "aandachtsfunctionaris", "trainer")


class ExternalIdentity(Base):
    """An account's identity at an OpenID provider: a hash of issuer and subject."""

    __tablename__ = "external_identities"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    provider: Mapped[str] = mapped_column(String(40))
    subject_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)
    last_used_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)


def subject_hash(issuer: str, subject: str) -> str:
    """Return the lookup key of an identity: sha256 of issuer and subject."""
    return hashlib.sha256(f"{issuer}\n{subject}".encode()).hexdigest()


def find(session: Session, issuer: str, subject: str) -> ExternalIdentity | None:
    """Return the identity for an issuer and subject, or None when it is not linked."""
    return session.scalar(
        select(ExternalIdentity).where(
            ExternalIdentity.subject_hash == subject_hash(issuer, subject)
        )
    )


def link(
    session: Session, user: User, provider: str, issuer: str, subject: str, now: datetime.datetime
) -> ExternalIdentity:
    """Link an identity at a provider to an account."""
    identity = ExternalIdentity(
        user_id=user.id,
        provider=provider,
        subject_hash=subject_hash(issuer, subject),
        created_at=now,
        last_used_at=now,
    )
    session.add(identity)
    session.flush()
    return identity


def of_user(session: Session, user_id: str) -> list[ExternalIdentity]:
    """Return the identities linked to an account, oldest first."""
    return list(
        session.scalars(
            select(ExternalIdentity)
            .where(ExternalIdentity.user_id == user_id)
            .order_by(ExternalIdentity.created_at)
        )
    )


def unlink(session: Session, user_id: str, identity_id: str) -> bool:
    """Remove one of an account's identities; tell whether there was one to remove."""
    result = session.execute(
        delete(ExternalIdentity).where(
            ExternalIdentity.id == identity_id, ExternalIdentity.user_id == user_id
        )
    )
    return bool(result.rowcount)


def organisation(session: Session, ref: str) -> Organisation | None:
    """Return the organisation a setting names, by its id or its exact name."""
    found = session.get(Organisation, ref) if len(ref) <= 32 else None
    return found or session.scalar(select(Organisation).where(Organisation.name == ref))


def new_account(
    session: Session, organisation: Organisation, role: str, email: str, name: str, language: str
) -> User:
    """Create an account that signs in through SSO only (no usable password)."""
    address = email.strip()
    if not address:
        address = f"{new_id()}@{NO_EMAIL_DOMAIN}"
    user = User(
        organisation_id=organisation.id,
        email=address,
        role=role,
        password_hash=NO_PASSWORD,
        name=name.strip()[:120],
        language=language,
    )
    session.add(user)
    session.flush()
    return user


def accept_invitation(
    session: Session, invitation: Invitation, name: str, language: str, now: datetime.datetime
) -> User | None:
    """Create the invited account (SSO only) and use up the invitation; None if taken."""
    if invitation.used_at is not None or email_taken(session, invitation.email):
        return None
    organisation = session.get(Organisation, invitation.organisation_id)
    user = new_account(session, organisation, invitation.role, invitation.email, name, language)
    invitation.used_at = now
    return user


def has_email(user: User) -> bool:
    """Tell whether the account has a real e-mail address (not the SSO stand-in)."""
    return not user.email.endswith("@" + NO_EMAIL_DOMAIN)
