"""Single sign-on and the organisation's rules: MFA, invitations, passwords off, sign-out."""

import datetime
import re

from sqlalchemy import select

from meldcode.storage import accounts
from meldcode.storage import invitations
from meldcode.storage.identities import ExternalIdentity
from meldcode.storage.models import Invitation
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from tests.sso.conftest import db
from tests.sso.flow import SsoVisitor
from tests.sso.test_signin import ALICE
from tests.sso.test_signin import allow_new_accounts
from tests.sso.test_signin import count
from tests.sso.test_signin import failures
from tests.web.wizard import Visitor


def require_totp(app, org_id):
    """Make two-factor login required for the organisation."""

    def work(s):
        s.get(Organisation, org_id).require_totp = True

    db(app).run_write(work)


def test_the_providers_mfa_satisfies_the_two_factor_rule(sso_app, world, person):
    allow_new_accounts(sso_app, world.org)
    require_totp(sso_app, world.org)
    assert person.sign_in(ALICE, amr="pwd,mfa").status_code == 303
    assert person.get("/casussen/").status_code == 200


def test_an_mfa_acr_counts_as_well(sso_app, world, person):
    allow_new_accounts(sso_app, world.org)
    require_totp(sso_app, world.org)
    assert person.sign_in(ALICE, acr="urn:test:mfa").status_code == 303
    assert person.get("/casussen/").status_code == 200


def test_without_mfa_the_two_factor_rule_asks_for_a_code(sso_app, world, person):
    allow_new_accounts(sso_app, world.org)
    require_totp(sso_app, world.org)
    assert person.sign_in(ALICE, amr="pwd", acr="urn:test:pwd").status_code == 303
    response = person.get("/casussen/")
    assert response.status_code == 302 and response.headers["Location"] == "/account/tweestaps"


def invite(app, world, email="nieuw@delinde.nl", role="aandachtsfunctionaris") -> str:
    """Create an invitation of the organisation; return its token."""
    now = accounts.now()

    def work(s):
        inviter = s.get(User, world.beheerder)
        return invitations.create_invitation(
            s, inviter, email, role, now, datetime.timedelta(days=7)
        )

    return db(app).run_write(work)


def test_an_invitation_is_linked_at_the_first_sign_in(sso_app, world, person):
    token = invite(sso_app, world)
    page = person.page(f"/uitnodiging/{token}")
    assert f"/inloggen/sso/test?uitnodiging={token}" in page
    response = person.sign_in({"tid": "tenant-linde"}, account="nieuw", uitnodiging=token)
    assert response.status_code == 303, response.get_data(as_text=True)[:500]
    # No name from the provider: the new colleague is asked for one first.
    assert response.headers["Location"] == "/account/gegevens"

    def look(s):
        user = s.scalar(select(User).where(User.email == "nieuw@delinde.nl"))
        invitation = s.scalar(select(Invitation))
        return user, invitation, s.scalar(select(ExternalIdentity))

    user, invitation, identity = db(sso_app).run_write(look)
    assert user.role == "aandachtsfunctionaris" and user.organisation_id == world.org
    assert invitation.used_at is not None and identity.user_id == user.id


def test_an_invitation_does_not_link_an_account_of_another_organisation(sso_app, world, person):
    token = invite(sso_app, world)
    response = person.sign_in({"tid": "tenant-zuid"}, account="buiten", uitnodiging=token)
    assert response.status_code == 403
    assert count(sso_app, ExternalIdentity) == 0 and failures(sso_app) == ["invitation"]
    assert db(sso_app).run_write(lambda s: s.scalar(select(Invitation)).used_at) is None


def test_a_signed_in_colleague_links_the_provider_and_then_signs_in_with_it(sso_app, world, person):
    assert person.login("owner").status_code == 303
    response = person.sign_in({"tid": "tenant-linde"}, account="mentor", koppelen=1)
    assert response.status_code == 303 and response.headers["Location"] == "/account/inloggen-via"
    assert "Gekoppeld aan Testschool-account" in person.page("/account/inloggen-via")
    later = SsoVisitor(sso_app)
    assert later.sign_in({"tid": "tenant-linde"}, account="mentor").status_code == 303
    assert "Mentor" in later.page("/account")
    # The same identity cannot be linked to a second account.
    other = SsoVisitor(sso_app)
    assert other.login("colleague").status_code == 303
    refused = other.sign_in({"tid": "tenant-linde"}, account="mentor", koppelen=1)
    assert refused.status_code == 403 and failures(sso_app) == ["linked"]


def test_a_linked_account_whose_organisation_changed_is_refused(sso_app, world, person):
    allow_new_accounts(sso_app, world.org)
    assert person.sign_in(ALICE).status_code == 303
    again = SsoVisitor(sso_app)
    response = again.sign_in(dict(ALICE, tid="tenant-zuid"))
    assert response.status_code == 403 and failures(sso_app) == ["org_changed"]


def test_passwords_off_needs_a_beheerder_signed_in_through_the_provider(sso_app, world, person):
    beheer = Visitor(sso_app)
    assert beheer.login("beheerder").status_code == 303
    data = {"new_role": "alleen_uitnodiging", "password_login": "uit"}
    response = beheer.form("/beheer/inloggen", data)
    assert response.status_code == 400
    assert "Log eerst zelf in via de inlogdienst" in response.get_data(as_text=True)
    # Linked and signed in through the provider, the beheerder may switch passwords off.
    assert person.login("beheerder").status_code == 303
    person.sign_in({"tid": "tenant-linde"}, account="beheer", koppelen=1)
    via_sso = SsoVisitor(sso_app)
    assert via_sso.sign_in({"tid": "tenant-linde"}, account="beheer").status_code == 303
    assert via_sso.form("/beheer/inloggen", data).status_code == 303
    # From now on the right password no longer signs in, and says why.
    refused = Visitor(sso_app).login("owner")
    assert refused.status_code == 400
    assert "Je organisatie logt in via single sign-on" in refused.get_data(as_text=True)
    # Another organisation is not affected.
    assert Visitor(sso_app).login("stranger").status_code == 303


def test_signing_out_ends_the_session_and_offers_the_providers_end_session(
    sso_app, world, person, oidc
):
    allow_new_accounts(sso_app, world.org)
    assert person.sign_in(ALICE).status_code == 303
    response = person.form("/uitloggen", {}, page_url="/account")
    assert response.status_code == 303 and response.headers["Location"] == "/uitgelogd/test"
    assert person.get("/account").status_code == 302  # the local session has ended
    page = person.page("/uitgelogd/test")
    assert f"{oidc.issuer}/session/end?client_id=meldcode" in page
    end = re.search(r'href="([^"]*/session/end[^"]*)"', page).group(1).replace("&amp;", "&")
    assert person.browser.get(end, timeout=10).status_code == 200  # the provider's own page


def test_with_passwords_off_an_invitation_makes_no_password_account(sso_app, world, person):
    token = invite(sso_app, world)

    def passwords_off(s):
        s.get(Organisation, world.org).password_login = False

    db(sso_app).run_write(passwords_off)
    page = person.page(f"/uitnodiging/{token}")
    assert 'name="password"' not in page and "Inloggen met Testschool-account" in page
    token_field = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', person.page("/inloggen"))
    data = {
        "csrf_token": token_field.group(1),
        "name": "Nieuw",
        "password": "een lange zin als wachtwoord",
    }
    assert person.client.post(f"/uitnodiging/{token}", data=data).status_code == 400
    assert count(sso_app, User) == 6
    # Through the provider the invitation still works.
    response = person.sign_in(
        {"tid": "tenant-linde", "name": "Nieuw"}, account="nieuw", uitnodiging=token
    )
    assert response.status_code == 303 and count(sso_app, User) == 7


def test_the_last_way_to_sign_in_cannot_be_unlinked(sso_app, world, person):
    allow_new_accounts(sso_app, world.org)
    assert person.sign_in(ALICE).status_code == 303  # an account without a password
    page = person.page("/account/inloggen-via")
    action = re.search(r'action="(/account/inloggen-via/[0-9a-f]+/ontkoppelen)"', page).group(1)
    response = person.form(action, {}, page_url="/account/inloggen-via")
    assert response.status_code == 303
    assert "enige manier om in te loggen" in person.page("/account/inloggen-via")
    assert count(sso_app, ExternalIdentity) == 1
    # With a password that still works, the link can go.
    linked = SsoVisitor(sso_app)
    assert linked.login("owner").status_code == 303
    linked.sign_in({"tid": "tenant-linde"}, account="mentor", koppelen=1)
    page = linked.page("/account/inloggen-via")
    action = re.search(r'action="(/account/inloggen-via/[0-9a-f]+/ontkoppelen)"', page).group(1)
    assert linked.form(action, {}, page_url="/account/inloggen-via").status_code == 303
    assert "De koppeling is verwijderd." in linked.page("/account/inloggen-via")
    assert count(sso_app, ExternalIdentity) == 1
