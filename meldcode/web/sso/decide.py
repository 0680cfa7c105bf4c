"""Who a verified sign-in is: a linked account, an invited or new one, or a refusal.

Accounts are found by issuer and subject only. The e-mail claim is never used to find or
link an account (a provider may let a user set any address); an invitation is linked only
when the user came from its link, and the provider's organisation must be the invitation's.
"""

import datetime
from dataclasses import dataclass

from sqlalchemy.orm import Session

from meldcode.storage import accounts
from meldcode.storage import audit
from meldcode.storage import identities
from meldcode.storage import invitations
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.web.sso.client import Verified


@dataclass
class Outcome:
    """The account to sign in, or the code of the refusal; and what happened on the way."""

    user: User | None = None
    refusal: str = ""
    organisation_id: str | None = None
    created: bool = False
    linked: bool = False


def matched_organisation(s: Session, verified: Verified) -> Organisation | None:
    """Return the one organisation the provider's organisation claim names, else None."""
    provider = verified.provider
    refs = provider.organisation_refs(verified.claims.get(provider.organisation_claim))
    found = {o.id: o for o in (identities.organisation(s, ref) for ref in refs) if o is not None}
    return next(iter(found.values())) if len(found) == 1 else None


def claimed_name(claims: dict) -> str:
    """Return the user's name from the claims, or an empty string."""
    name = claims.get("name") or " ".join(
        str(claims[k]) for k in ("given_name", "family_name") if claims.get(k)
    )
    return str(name).strip()[:120] if isinstance(name, str) else ""


def claimed_email(claims: dict) -> str:
    """Return the e-mail claim as a contact address (never a key), unless marked unverified."""
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email or len(email) > 254:
        return ""
    return "" if claims.get("email_verified") is False else email.strip()


def resolve(
    s: Session,
    verified: Verified,
    signed_in_id: str | None,
    now: datetime.datetime,
    language: str,
    origin: str,
) -> Outcome:
    """Decide, inside one write, which account a verified sign-in belongs to."""
    organisation = matched_organisation(s, verified)
    org_id = organisation.id if organisation else None
    identity = identities.find(s, verified.issuer, verified.subject)
    if verified.intent.get("purpose") == "koppelen":
        return _link(s, verified, signed_in_id, organisation, identity, now, origin)
    if identity is not None:
        user = s.get(User, identity.user_id)
        if not user.active:
            return Outcome(refusal="inactive", organisation_id=user.organisation_id)
        if org_id != user.organisation_id:
            return Outcome(refusal="org_changed", organisation_id=user.organisation_id)
        identity.last_used_at = user.last_login_at = now
        return Outcome(user=user, organisation_id=org_id)
    if organisation is None:
        return Outcome(refusal="organisation")
    user = _first_sign_in(s, verified, organisation, now, language)
    if isinstance(user, str):
        return Outcome(refusal=user, organisation_id=org_id)
    identities.link(s, user, verified.provider.key, verified.issuer, verified.subject, now)
    user.last_login_at = now
    audit.record(s, user, "create", "user", user.id, "sso", origin)
    return Outcome(user=user, organisation_id=org_id, created=True)


def _first_sign_in(s, verified, organisation, now, language) -> User | str:
    """Create the account of a first sign-in (invitation or default role), or a refusal code."""
    claims = verified.claims
    token = verified.intent.get("uitnodiging")
    if token:
        invitation = invitations.find_invitation(s, token, now)
        if invitation is None or invitation.organisation_id != organisation.id:
            return "invitation"
        user = identities.accept_invitation(s, invitation, claimed_name(claims), language, now)
        return user if user is not None else "invitation"
    if not organisation.sso_new_role:
        return "no_account"
    email = claimed_email(claims)
    if email and accounts.email_taken(s, email):
        return "email_taken"  # maybe the same person: they sign in with a password and link
    return identities.new_account(
        s, organisation, organisation.sso_new_role, email, claimed_name(claims), language
    )


def _link(s, verified, signed_in_id, organisation, identity, now, origin) -> Outcome:
    """Link the identity to the signed-in account (from the account page)."""
    user = s.get(User, signed_in_id) if signed_in_id else None
    if user is None:
        return Outcome(refusal="state")
    if identity is not None:
        if identity.user_id != user.id:
            return Outcome(refusal="linked", organisation_id=user.organisation_id)
        return Outcome(user=user, organisation_id=user.organisation_id, linked=True)
    if organisation is None or organisation.id != user.organisation_id:
        return Outcome(refusal="org_changed", organisation_id=user.organisation_id)
    found = identities.link(s, user, verified.provider.key, verified.issuer, verified.subject, now)
    audit.record(s, user, "create", "identity", found.id, "ok", origin)
    return Outcome(user=user, organisation_id=user.organisation_id, linked=True)
