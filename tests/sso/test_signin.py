"""Signing in through a real OpenID provider: the happy path and every refused answer."""

from sqlalchemy import func
from sqlalchemy import select

from meldcode.storage.identities import ExternalIdentity
from meldcode.storage.models import AuditEntry
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.storage.models import UserSession
from tests.sso.conftest import db

ALICE = {"tid": "tenant-linde", "name": "Alice de Vries", "email": "alice@delinde.nl"}


def allow_new_accounts(app, org_id, role="medewerker"):
    """Let the organisation create accounts at a first sign-in."""

    def work(s):
        s.get(Organisation, org_id).sso_new_role = role

    db(app).run_write(work)


def count(app, model) -> int:
    """Return how many rows a table has."""
    return db(app).run_write(lambda s: s.scalar(select(func.count()).select_from(model)))


def failures(app) -> list[str]:
    """Return the results of the failed single sign-ons in the audit trail."""
    rows = db(app).run_write(
        lambda s: s.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "login_failed", AuditEntry.object_type == "sso"
            )
        ).all()
    )
    return [r.result for r in rows]


def test_first_sign_in_creates_an_account_keyed_on_issuer_and_subject(sso_app, world, person):
    allow_new_accounts(sso_app, world.org)
    response = person.sign_in(ALICE)
    assert response.status_code == 303, response.get_data(as_text=True)[:800]
    assert "Alice de Vries" in person.page("/account")

    def look(s):
        user = s.scalar(select(User).where(User.name == "Alice de Vries"))
        identity = s.scalar(select(ExternalIdentity))
        session_row = s.scalar(select(UserSession).where(UserSession.user_id == user.id))
        return user, identity, session_row

    user, identity, session_row = db(sso_app).run_write(look)
    assert user.organisation_id == world.org and user.role == "medewerker"
    assert user.email == "alice@delinde.nl" and user.password_hash == "!sso"
    assert identity.user_id == user.id and len(identity.subject_hash) == 64
    # Nothing readable from the provider in the identity row: no subject, no address.
    assert "alice" not in repr(vars(identity)).lower()
    assert session_row.provider == "test" and not session_row.provider_mfa


def test_the_same_subject_finds_the_same_account_whatever_its_email(sso_app, world, person):
    allow_new_accounts(sso_app, world.org)
    assert person.sign_in(ALICE).status_code == 303
    users = count(sso_app, User)
    again = type(person)(sso_app)
    changed = dict(ALICE, email="iemand.anders@delinde.nl", name="Alice")
    assert again.sign_in(changed).status_code == 303
    assert count(sso_app, User) == users
    # Another subject with Alice's old address is a different person: no account is shared.
    third = type(person)(sso_app)
    response = third.sign_in(dict(ALICE, name="Mallory"), account="mallory")
    assert response.status_code == 403
    assert "Er is al een account met je e-mailadres" in response.get_data(as_text=True)
    assert failures(sso_app) == ["email_taken"]


def test_a_wrong_state_is_refused(sso_app, world, person):
    allow_new_accounts(sso_app, world.org)
    back = person.at_provider(person.start(), claims=ALICE)
    response = person.back(back.replace("state=", "state=x"))
    assert response.status_code == 400
    assert "verlopen of al gebruikt" in response.get_data(as_text=True)
    assert person.get("/account").status_code == 302  # not signed in
    assert count(sso_app, User) == 6 and failures(sso_app) == ["state"]


def test_a_replayed_code_is_refused(sso_app, world, person):
    allow_new_accounts(sso_app, world.org)
    back = person.at_provider(person.start(), claims=ALICE)
    assert person.back(back).status_code == 303
    # The same answer again: its state was used up.
    other = type(person)(sso_app)
    assert other.back(back).status_code == 400
    # The old code under a fresh state: the provider refuses to redeem it twice.
    fresh = other.at_provider(other.start(), claims=ALICE)
    code = back.split("code=")[1].split("&")[0]
    new_code = fresh.split("code=")[1].split("&")[0]
    response = other.back(fresh.replace(new_code, code))
    assert response.status_code == 400
    assert "niet afgerond" in response.get_data(as_text=True)
    assert other.get("/account").status_code == 302
    assert failures(sso_app) == ["state", "provider"]


def _forged(sso_app, world, person, oidc, how):
    """Sign in while the provider forges the ID token in one way; return the answer."""
    allow_new_accounts(sso_app, world.org)
    oidc.tamper(how)
    try:
        return person.sign_in(ALICE)
    finally:
        oidc.tamper(None)


def test_an_expired_id_token_is_refused(sso_app, world, person, oidc):
    response = _forged(sso_app, world, person, oidc, "exp")
    assert response.status_code == 400
    assert "Het bewijs van je inlogdienst klopt niet" in response.get_data(as_text=True)
    assert person.get("/account").status_code == 302
    assert count(sso_app, User) == 6 and failures(sso_app) == ["token"]


def test_an_id_token_signed_with_another_key_is_refused(sso_app, world, person, oidc):
    response = _forged(sso_app, world, person, oidc, "sig")
    assert response.status_code == 400
    assert count(sso_app, User) == 6 and failures(sso_app) == ["token"]


def test_an_id_token_for_another_client_is_refused(sso_app, world, person, oidc):
    response = _forged(sso_app, world, person, oidc, "aud")
    assert response.status_code == 400
    assert count(sso_app, User) == 6 and failures(sso_app) == ["token"]


def test_an_id_token_with_another_nonce_is_refused(sso_app, world, person, oidc):
    response = _forged(sso_app, world, person, oidc, "nonce")
    assert response.status_code == 400
    assert count(sso_app, User) == 6 and failures(sso_app) == ["token"]


def test_the_control_run_of_the_forger_signs_in(sso_app, world, person, oidc):
    # The forger re-signs an untouched token with the real key: accepted. So the refusals
    # above come from the one thing changed, not from the re-signing.
    response = _forged(sso_app, world, person, oidc, "resign")
    assert response.status_code == 303


def test_an_unknown_organisation_is_refused_and_nothing_is_kept(sso_app, world, person):
    allow_new_accounts(sso_app, world.org)
    response = person.sign_in(dict(ALICE, tid="tenant-onbekend"))
    assert response.status_code == 403
    assert "Je organisatie is niet aangesloten" in response.get_data(as_text=True)
    assert count(sso_app, User) == 6 and count(sso_app, ExternalIdentity) == 0
    assert failures(sso_app) == ["organisation"]


def test_a_first_sign_in_without_invitation_is_refused_when_the_organisation_says_so(
    sso_app, world, person
):
    response = person.sign_in(ALICE)  # the default: invitation only
    assert response.status_code == 403
    assert "Je hebt hier nog geen account" in response.get_data(as_text=True)
    assert count(sso_app, User) == 6 and count(sso_app, ExternalIdentity) == 0
    assert failures(sso_app) == ["no_account"]
