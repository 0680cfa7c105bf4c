"""Accounts: passwords, lockout, the account page and invitations (two-factor: its own file)."""

import datetime
import re

import pytest
from freezegun import freeze_time
from sqlalchemy import select

from meldcode.storage import accounts
from meldcode.storage.models import User
from tests.appfactory import build_app
from tests.web.account_helpers import T0
from tests.web.account_helpers import database
from tests.web.account_helpers import field_error
from tests.web.account_helpers import logout
from tests.web.account_helpers import user_row
from tests.web.wizard import PASSWORD
from tests.web.wizard import Visitor

GENERIC = "Dat e-mailadres en wachtwoord horen niet bij elkaar"
MINUTE = datetime.timedelta(minutes=1)
SECOND = datetime.timedelta(seconds=1)


# --- Passwords --------------------------------------------------------------------------


def test_passwords_are_stored_with_argon2id(wizard_app, people):
    assert user_row(wizard_app, people.owner).password_hash.startswith("$argon2id$")


def test_a_64_character_passphrase_with_spaces_works(wizard_app, owner, people):
    passphrase = "de kat zit op de mat en kijkt naar de regen die valt op het dak."
    assert len(passphrase) == 64
    changed = owner.form(
        "/account/wachtwoord",
        {"current": PASSWORD, "password": passphrase, "password_again": passphrase},
    )
    assert changed.status_code == 303
    assert user_row(wizard_app, people.owner).password_hash.startswith("$argon2id$")
    logout(owner)
    assert owner.login("owner").status_code == 400  # the old password no longer works
    assert owner.login("owner", passphrase).status_code == 303


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("Welkom01", "Kies een wachtwoord van minstens 12 tekens."),
        ("welkom012345", "Dit wachtwoord is te bekend; kies een ander."),
        ("meldcode2025!!", "Gebruik niet je naam, je organisatie of 'meldcode' in je wachtwoord."),
        ("kort", "Kies een wachtwoord van minstens 12 tekens."),
    ],
)
def test_weak_passwords_are_refused_with_the_message_at_the_field(owner, new, message):
    response = owner.form(
        "/account/wachtwoord", {"current": PASSWORD, "password": new, "password_again": new}
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert field_error(page, "password") == message
    assert 'class="error-summary"' in page and f'href="#password">{message}' in page.replace(
        "&#39;", "'"
    )


def test_a_wrong_current_password_changes_nothing(wizard_app, owner, people):
    before = user_row(wizard_app, people.owner).password_hash
    response = owner.form(
        "/account/wachtwoord",
        {"current": "niet mijn wachtwoord", "password": "x" * 20, "password_again": "x" * 20},
    )
    assert response.status_code == 400
    assert field_error(response.get_data(as_text=True), "current")
    assert user_row(wizard_app, people.owner).password_hash == before
    assert user_row(wizard_app, people.owner).failed_logins == 1


# --- Lockout ----------------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_account_for_growing_periods(wizard_app, people, visitor):
    with freeze_time(T0) as clock:
        for _ in range(4):
            assert visitor.login("owner", "fout wachtwoord 1").status_code == 400
        assert user_row(wizard_app, people.owner).locked_until is None
        assert visitor.login("owner", "fout wachtwoord 1").status_code == 400
        assert user_row(wizard_app, people.owner).locked_until == T0 + MINUTE
        refused = visitor.login("owner")  # the right password, but locked
        assert refused.status_code == 400 and GENERIC in refused.get_data(as_text=True)
        clock.tick(61)
        assert visitor.login("owner", "fout wachtwoord 1").status_code == 400
        assert user_row(wizard_app, people.owner).locked_until == T0 + 61 * SECOND + 2 * MINUTE
        clock.tick(61)
        assert visitor.login("owner").status_code == 400  # still locked: 2 minutes now
        clock.tick(60)
        assert visitor.login("owner").status_code == 303
    assert user_row(wizard_app, people.owner).failed_logins == 0


def test_the_lockout_is_kept_in_the_database_for_every_worker(
    wizard_app, people, visitor, tmp_path
):
    with freeze_time(T0):
        for _ in range(5):
            visitor.login("owner", "fout wachtwoord 1")
        other_worker = build_app(
            tmp_path / "worker-2", database_url=wizard_app.config["DATABASE_URL"]
        )
        assert Visitor(other_worker).login("owner").status_code == 400
    database(other_worker).dispose()


@pytest.mark.slow
def test_twenty_failures_lock_for_an_hour_unless_a_beheerder_unlocks(wizard_app, people, visitor):
    beheerder = Visitor(wizard_app)
    with freeze_time(T0) as clock:
        for _ in range(20):
            clock.tick(datetime.timedelta(minutes=61))  # past every temporary lock
            assert visitor.login("owner", "fout wachtwoord 1").status_code == 400
        assert user_row(wizard_app, people.owner).locked_until == accounts.now() + 60 * MINUTE
        clock.tick(datetime.timedelta(minutes=30))
        assert visitor.login("owner").status_code == 400
        assert beheerder.login("beheerder").status_code == 303
        page = beheerder.page(f"/beheer/gebruikers/{people.owner}")
        assert "Tijdelijk geblokkeerd na mislukte pogingen" in page
        unlocked = beheerder.form(
            f"/beheer/gebruikers/{people.owner}/ontgrendelen",
            {},
            f"/beheer/gebruikers/{people.owner}",
        )
        assert unlocked.status_code == 303
        assert visitor.login("owner").status_code == 303


def test_the_failure_message_does_not_tell_whether_the_address_exists(wizard_app, people):
    def attempt(email):
        response = Visitor(wizard_app).login(email, "fout wachtwoord 1")
        page = response.get_data(as_text=True).replace(email, "ADRES")
        return response.status_code, re.sub(r'value="[^"]{20,}"', "", page)

    known = attempt("mentor@delinde.nl")
    unknown = attempt("niemand@delinde.nl")
    assert known[0] == unknown[0] == 400
    assert GENERIC in known[1]
    assert known[1] == unknown[1]


# --- The account page -------------------------------------------------------------------


def test_the_account_page_shows_the_account(owner):
    page = owner.page("/account")
    for text in (
        "Mentor",
        "mentor@delinde.nl",
        "Medewerker",
        "Nederlands",
        "Uit",
        "Overal uitloggen",
    ):
        assert text in page


def test_name_and_language_are_saved(wizard_app, owner, people):
    response = owner.form("/account/gegevens", {"name": "Juf Anna", "language": "en"})
    assert response.status_code == 303
    stored = user_row(wizard_app, people.owner)
    assert (stored.name, stored.language) == ("Juf Anna", "en")
    assert '<html lang="en">' in owner.page("/account")
    empty = owner.form("/account/gegevens", {"name": "", "language": "nl"})
    assert empty.status_code == 400


# --- Invitations ------------------------------------------------------------------------


def invite(beheerder: Visitor, email: str, role: str = "medewerker") -> str:
    """Invite a colleague; return the link path shown once."""
    response = beheerder.form("/beheer/uitnodigen", {"email": email, "role": role})
    assert response.status_code == 303, response.get_data(as_text=True)[:3000]
    page = beheerder.page(response.headers["Location"])
    pattern = r'<code id="link">http://127\.0\.0\.1:5000(/uitnodiging/[A-Za-z0-9_-]{43})</code>'
    link = re.search(pattern, page)
    return link.group(1)


@pytest.fixture
def beheerder(wizard_app, people):
    """The beheerder of OBS De Linde, signed in."""
    person = Visitor(wizard_app)
    assert person.login("beheerder").status_code == 303
    return person


def test_an_invitation_creates_an_account_in_the_organisation(wizard_app, people, beheerder):
    path = invite(beheerder, "nieuw@delinde.nl", "aandachtsfunctionaris")
    assert "/uitnodiging/" not in beheerder.page("/beheer/uitnodigen/link")  # shown only once
    newcomer = Visitor(wizard_app)
    assert "nieuw@delinde.nl" in newcomer.page(path)
    accepted = newcomer.form(
        path,
        {
            "name": "Nieuwe Collega",
            "password": "zomer aan het strand van texel",
            "password_again": "zomer aan het strand van texel",
        },
    )
    assert accepted.status_code == 303
    assert newcomer.get("/casussen").status_code == 200
    with database(wizard_app).reader() as s:
        made = s.scalar(select(User).where(User.email == "nieuw@delinde.nl"))
    assert (made.organisation_id, made.role, made.name) == (
        people.org,
        "aandachtsfunctionaris",
        "Nieuwe Collega",
    )
    assert made.password_hash.startswith("$argon2id$")


def test_a_used_invitation_cannot_be_used_again(wizard_app, people, beheerder):
    path = invite(beheerder, "nieuw@delinde.nl")
    data = {
        "name": "Een",
        "password": "zomer aan het strand van texel",
        "password_again": "zomer aan het strand van texel",
    }
    assert Visitor(wizard_app).form(path, data).status_code == 303
    again = Visitor(wizard_app).get(path)
    assert again.status_code == 404
    assert "Deze uitnodiging werkt niet (meer)" in again.get_data(as_text=True)


def test_an_expired_invitation_gives_a_clear_page(wizard_app, people, visitor):
    with freeze_time(T0) as clock:
        assert visitor.login("beheerder").status_code == 303
        path = invite(visitor, "laat@delinde.nl")
        clock.tick(datetime.timedelta(days=6, hours=23))
        assert Visitor(wizard_app).get(path).status_code == 200
        clock.tick(datetime.timedelta(hours=2))
        late = Visitor(wizard_app).get(path)
        assert late.status_code == 404
        assert "verlopen" in late.get_data(as_text=True)


def test_an_address_with_an_account_is_not_invited(beheerder):
    response = beheerder.form(
        "/beheer/uitnodigen", {"email": "MENTOR@delinde.nl", "role": "medewerker"}
    )
    assert response.status_code == 400
    assert (
        field_error(response.get_data(as_text=True), "email")
        == "Er is al een account met dit e-mailadres."
    )


def test_an_invitee_must_choose_a_strong_password(wizard_app, beheerder):
    path = invite(beheerder, "nieuw@delinde.nl")
    response = Visitor(wizard_app).form(
        path, {"name": "Een", "password": "Welkom01", "password_again": "Welkom01"}
    )
    assert response.status_code == 400
    assert (
        field_error(response.get_data(as_text=True), "password")
        == "Kies een wachtwoord van minstens 12 tekens."
    )


@pytest.mark.parametrize("again,accepted", [("", True), ("een ander lang wachtwoord", False)])
def test_the_optional_repeat_is_only_compared_when_typed(wizard_app, beheerder, again, accepted):
    path = invite(beheerder, "herhaal@delinde.nl")
    password = "zomer aan het strand van texel"
    data = {"name": "Een", "password": password, "password_again": again}
    response = Visitor(wizard_app).form(path, data)
    page = response.get_data(as_text=True)
    assert (response.status_code == 303) is accepted
    assert ("De wachtwoorden zijn niet gelijk." in page) is not accepted
