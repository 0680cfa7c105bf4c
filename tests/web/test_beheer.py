"""Beheer: only for beheerders, every change audited, and never a view into case content."""

import re

import pytest
from sqlalchemy import select

from meldcode.storage import cases
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from tests.web.account_helpers import audit_rows
from tests.web.account_helpers import database
from tests.web.account_helpers import signed_in
from tests.web.account_helpers import user_row
from tests.web.wizard import PASSWORD
from tests.web.wizard import Visitor

CANARY_LABEL = "Kanarie K., 2017"
ACTIONS = ("rol", "uitzetten", "aanzetten", "ontgrendelen", "sessies-beeindigen")


@pytest.fixture
def beheerder(wizard_app, people):
    """The beheerder of OBS De Linde, signed in."""
    person = Visitor(wizard_app)
    assert person.login("beheerder").status_code == 303
    return person


def beheer_pages(people) -> list[str]:
    """Return every beheer page there is to open."""
    return [
        "/beheer/",
        "/beheer/uitnodigen",
        "/beheer/uitnodigen/link",
        "/beheer/instellingen",
        "/beheer/logboek",
        f"/beheer/gebruikers/{people.owner}",
        f"/beheer/gebruikers/{people.beheerder}",
    ]


def post_action(person: Visitor, user_id: str, action: str, data: dict | None = None):
    """Press a button on a user's beheer page (CSRF token from the account page)."""
    return person.form(f"/beheer/gebruikers/{user_id}/{action}", data or {}, "/account")


# --- Who may come in --------------------------------------------------------------------


@pytest.mark.parametrize("who", ["owner", "af", "trainer", "stranger"])
def test_beheer_is_refused_to_everyone_but_beheerders(wizard_app, people, who):
    person = Visitor(wizard_app)
    assert person.login(who).status_code == 303
    for url in beheer_pages(people):
        assert person.get(url).status_code == 403, url
    for action in ACTIONS:
        response = post_action(person, people.colleague, action, {"role": "beheerder"})
        assert response.status_code == 403, action
    assert user_row(wizard_app, people.colleague).role == "medewerker"


def test_anonymous_visitors_are_sent_to_login(wizard_app, people, visitor):
    for url in beheer_pages(people):
        response = visitor.get(url)
        assert response.status_code == 302, url
        assert response.headers["Location"].startswith("/inloggen?next=/beheer/")
    response = visitor.client.post(f"/beheer/gebruikers/{people.colleague}/uitzetten")
    assert response.status_code == 303 and response.headers["Location"].startswith("/inloggen")
    assert user_row(wizard_app, people.colleague).active


def test_a_beheerder_of_another_organisation_gets_404(wizard_app, people, beheerder):
    url = f"/beheer/gebruikers/{people.stranger}"
    assert beheerder.get(url).status_code == 404
    assert post_action(beheerder, people.stranger, "uitzetten").status_code == 404
    assert user_row(wizard_app, people.stranger).active


def test_a_beheerder_cannot_change_their_own_account_here(wizard_app, people, beheerder):
    page = beheerder.page(f"/beheer/gebruikers/{people.beheerder}")
    assert "/uitzetten" not in page and "/rol" not in page
    response = post_action(beheerder, people.beheerder, "rol", {"role": "medewerker"})
    assert response.status_code == 403
    assert user_row(wizard_app, people.beheerder).role == "beheerder"


# --- The accounts -----------------------------------------------------------------------


def test_the_user_list_shows_each_account_and_its_state(wizard_app, people, beheerder):
    from meldcode.storage import accounts

    database(wizard_app).run_write(
        lambda s: setattr(s.get(User, people.colleague), "locked_until", accounts.FOREVER)
    )
    page = beheerder.page("/beheer/")
    for text in ("Mentor", "mentor@delinde.nl", "Aandachtsfunctionaris", "Trainer", "Geblokkeerd"):
        assert text in page
    assert "arts@zuid.nl" not in page  # another organisation
    assert "Nog nooit" in page  # the colleague never logged in
    row = re.search(r"<tr>\s*<td><a[^>]*>Collega</a>.*?</tr>", page, re.S).group(0)
    assert "Geblokkeerd" in row and "Uit" in row


def test_a_role_change_is_audited_and_ends_the_sessions(wizard_app, people, beheerder):
    colleague = Visitor(wizard_app)
    colleague.login("colleague")
    response = post_action(beheerder, people.colleague, "rol", {"role": "aandachtsfunctionaris"})
    assert response.status_code == 303
    assert user_row(wizard_app, people.colleague).role == "aandachtsfunctionaris"
    rows = audit_rows(wizard_app, "role_change")
    assert [(r.actor_id, r.object_id, r.organisation_id) for r in rows] == [
        (people.beheerder, people.colleague, people.org)
    ]
    assert not signed_in(colleague)
    assert post_action(beheerder, people.colleague, "rol", {"role": "baas"}).status_code == 400


def test_deactivation_is_audited_and_can_be_undone(wizard_app, people, beheerder):
    colleague = Visitor(wizard_app)
    colleague.login("colleague")
    assert post_action(beheerder, people.colleague, "uitzetten").status_code == 303
    assert not signed_in(colleague)
    assert colleague.login("colleague").status_code == 400
    assert "Uitgezet" in beheerder.page("/beheer/")
    assert post_action(beheerder, people.colleague, "aanzetten").status_code == 303
    assert colleague.login("colleague").status_code == 303
    for action in ("user_disable", "user_enable"):
        rows = audit_rows(wizard_app, action)
        assert [(r.actor_id, r.object_id) for r in rows] == [(people.beheerder, people.colleague)]


def test_a_beheerder_can_end_a_colleagues_sessions(wizard_app, people, beheerder):
    colleague = Visitor(wizard_app)
    colleague.login("colleague")
    assert post_action(beheerder, people.colleague, "sessies-beeindigen").status_code == 303
    assert not signed_in(colleague)
    assert [r.object_id for r in audit_rows(wizard_app, "session_revoke")] == [people.colleague]


def test_a_beheerder_can_switch_off_a_lost_second_factor(wizard_app, people, beheerder):
    from tests.web.account_helpers import change_user

    change_user(wizard_app, people.colleague, totp_secret_enc=b"k$" + b"x" * 40)
    assert "/tweestaps-uitzetten" in beheerder.page(f"/beheer/gebruikers/{people.colleague}")
    assert post_action(beheerder, people.colleague, "tweestaps-uitzetten").status_code == 303
    assert user_row(wizard_app, people.colleague).totp_secret_enc is None
    assert [r.object_id for r in audit_rows(wizard_app, "totp_disable")] == [people.colleague]


# --- Organisation settings --------------------------------------------------------------


@pytest.mark.parametrize("days", ["-1", "3651", "dertig", "", "1.5", "²"])
def test_retention_outside_0_to_3650_days_is_refused_at_the_field(beheerder, days):
    data = {"default_kader": "onderwijs", "retention_days": days, "require_totp": "nee"}
    response = beheerder.form("/beheer/instellingen", data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'id="retention_days-error"' in page and 'href="#retention_days"' in page


def test_settings_are_saved_and_audited(wizard_app, people, beheerder):
    page = beheerder.page("/beheer/instellingen")
    assert "automatisch en definitief verwijderd" in page  # the period is explained
    assert 'value="30"' in page
    data = {"default_kader": "basis", "retention_days": "3650", "require_totp": "ja"}
    assert beheerder.form("/beheer/instellingen", data).status_code == 303
    with database(wizard_app).reader() as s:
        organisation = s.get(Organisation, people.org)
        stored = (
            organisation.default_kader,
            organisation.retention_days,
            organisation.require_totp,
        )
    assert stored == ("basis", 3650, True)
    assert [r.object_id for r in audit_rows(wizard_app, "settings")] == [people.org]
    # Two-factor is now required: the beheerder too must set it up before going on.
    assert beheerder.get("/beheer/").headers["Location"] == "/account/tweestaps"


def test_retention_zero_is_allowed(wizard_app, people, beheerder):
    data = {"default_kader": "onderwijs", "retention_days": "0", "require_totp": "nee"}
    assert beheerder.form("/beheer/instellingen", data).status_code == 303
    with database(wizard_app).reader() as s:
        assert s.get(Organisation, people.org).retention_days == 0


# --- No case content for a beheerder ----------------------------------------------------


def test_a_beheerder_gets_404_on_a_colleagues_case_unless_shared(wizard_app, people, beheerder):
    owner = Visitor(wizard_app)
    owner.login("owner")
    case_id = owner.new_case(label=CANARY_LABEL)
    assert beheerder.get(f"/casussen/{case_id}").status_code == 404
    assert CANARY_LABEL not in beheerder.get("/casussen").get_data(as_text=True)

    def share(s):
        found = cases.get_case_for_user(s, case_id, s.get(User, people.owner))
        cases.share_case(s, found.case, s.get(User, people.owner), s.get(User, people.beheerder))

    database(wizard_app).run_write(share)
    assert beheerder.get(f"/casussen/{case_id}").status_code == 200


def test_beheer_pages_never_show_or_link_to_case_content(wizard_app, people, beheerder):
    owner = Visitor(wizard_app)
    owner.login("owner")
    case_id = owner.new_case(label=CANARY_LABEL)
    owner.form(
        f"/casussen/{case_id}/stap-1/signaal/nieuw",
        {"datum": "2026-09-14", "waarneming": "KANARIE-WAARNEMING"},
    )
    for url in beheer_pages(people):
        page = beheerder.get(url).get_data(as_text=True)
        assert "Kanarie" not in page and "KANARIE" not in page, url
        assert not re.search(r'href="/casussen/', page), url
    log = beheerder.page("/beheer/logboek")
    assert case_id in log  # metadata: that something happened to a case, by whom
    assert [r.object_id for r in audit_rows(wizard_app, "view") if r.object_type == "audit_log"]


def test_audit_rows_never_hold_passwords_names_or_addresses(wizard_app, people, beheerder):
    canary_password = "kanarie wachtwoord zonder einde"
    Visitor(wizard_app).login("owner", canary_password)
    Visitor(wizard_app).login("niemand@kanarie.nl", canary_password)
    response = beheerder.form(
        "/beheer/uitnodigen", {"email": "nieuwkomer@delinde.nl", "role": "medewerker"}
    )
    link = re.search(r"/uitnodiging/[\w-]{43}", beheerder.page(response.headers["Location"]))
    Visitor(wizard_app).form(
        link.group(0),
        {"name": "Kanarie Naam", "password": canary_password, "password_again": canary_password},
    )
    post_action(beheerder, people.colleague, "rol", {"role": "aandachtsfunctionaris"})
    post_action(beheerder, people.colleague, "uitzetten")
    beheerder.form("/account/gegevens", {"name": "Kanarie Beheer", "language": "nl"})
    rows = audit_rows(wizard_app)
    assert {"login", "login_failed", "invite", "create", "role_change", "user_disable"} <= {
        r.action for r in rows
    }
    with database(wizard_app).reader() as s:
        names = [u.name for u in s.scalars(select(User))] + ["Mentor", "Collega"]
        addresses = [u.email for u in s.scalars(select(User))] + ["niemand@kanarie.nl"]
    forbidden = [PASSWORD, canary_password, *names, *addresses]
    for row in rows:
        values = [str(getattr(row, c.name)) for c in row.__table__.columns]
        for value in values:
            for secret in forbidden:
                assert secret not in value, (row.action, secret)
            assert "kanarie" not in " ".join(values).lower(), row.action
