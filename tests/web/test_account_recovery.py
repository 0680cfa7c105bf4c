"""Account recovery in the web without e-mail: reset links a beheerder passes on, recovery codes.

(With a real SMTP server: tests/jobs/test_web_mail.py.)
"""

import re

from freezegun import freeze_time

from tests.web.account_helpers import T0
from tests.web.account_helpers import audit_rows
from tests.web.account_helpers import enable_totp
from tests.web.account_helpers import logout
from tests.web.account_helpers import signed_in
from tests.web.wizard import PASSWORD
from tests.web.wizard import Visitor

LINK = re.compile(
    r'<code id="link">http://127\.0\.0\.1:5000(/wachtwoord-herstellen/[\w-]{43})</code>'
)
NEW = "de fiets staat in de schuur achter"


def beheerder_of(app):
    person = Visitor(app)
    assert person.login("beheerder").status_code == 303
    return person


def reset_link(beheerder, user_id) -> str:
    response = beheerder.form(
        f"/beheer/gebruikers/{user_id}/wachtwoord-link", {}, f"/beheer/gebruikers/{user_id}"
    )
    assert response.status_code == 200, response.status_code
    assert response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    assert 'data-copy="link"' in page and "hidden>" in page  # the copy button waits for JS
    return LINK.search(page).group(1)


def test_a_beheerder_makes_a_one_time_link_and_the_colleague_chooses_a_password(wizard_app, people):
    beheerder = beheerder_of(wizard_app)
    colleague = Visitor(wizard_app)
    assert colleague.login("colleague").status_code == 303
    path = reset_link(beheerder, people.colleague)
    assert [r.object_id for r in audit_rows(wizard_app, "password_reset_link")] == [
        people.colleague
    ]
    person = Visitor(wizard_app)
    page = person.page(path)
    assert "Nieuw wachtwoord kiezen" in page and "Collega" in page
    done = person.form(path, {"password": NEW, "password_again": NEW})
    assert done.status_code == 303 and done.headers["Location"] == "/inloggen"
    assert not signed_in(colleague)  # every session of the account ended
    assert person.login("colleague", PASSWORD).status_code == 400
    assert person.login("colleague", NEW).status_code == 303
    assert [r.object_id for r in audit_rows(wizard_app, "password_reset")] == [people.colleague]
    again = Visitor(wizard_app).get(path)
    assert again.status_code == 404 and "werkt niet (meer)" in again.get_data(as_text=True)


def test_a_weak_password_is_refused_and_the_link_still_works(wizard_app, people):
    path = reset_link(beheerder_of(wizard_app), people.colleague)
    person = Visitor(wizard_app)
    assert person.form(path, {"password": "kort", "password_again": "kort"}).status_code == 400
    assert person.form(path, {"password": NEW, "password_again": NEW}).status_code == 303


def test_a_newer_link_ends_the_older_one(wizard_app, people):
    beheerder = beheerder_of(wizard_app)
    first = reset_link(beheerder, people.colleague)
    second = reset_link(beheerder, people.colleague)
    assert Visitor(wizard_app).get(first).status_code == 404
    assert Visitor(wizard_app).get(second).status_code == 200


def test_no_link_for_yourself_or_another_organisation(wizard_app, people):
    beheerder = beheerder_of(wizard_app)
    own = beheerder.form(
        f"/beheer/gebruikers/{people.beheerder}/wachtwoord-link",
        {},
        f"/beheer/gebruikers/{people.colleague}",
    )
    assert own.status_code == 403
    other = beheerder.form(
        f"/beheer/gebruikers/{people.stranger}/wachtwoord-link",
        {},
        f"/beheer/gebruikers/{people.colleague}",
    )
    assert other.status_code == 404
    assert audit_rows(wizard_app, "password_reset_link") == []


def test_without_mail_forgot_password_says_to_ask_the_beheerder(wizard_app, people):
    person = Visitor(wizard_app)
    assert 'href="/wachtwoord-vergeten"' in person.page("/inloggen")
    page = person.page("/wachtwoord-vergeten")
    assert "verstuurt geen e-mail" in page and "<form" not in page.split("<main", 1)[-1]


def test_recovery_codes_are_shown_once_and_each_signs_in_once(wizard_app, people, visitor):
    with freeze_time(T0) as clock:
        assert visitor.login("owner").status_code == 303
        enable_totp(visitor, T0)
        codes = visitor.last_codes
        assert len(codes) == 10
        assert [r.object_id for r in audit_rows(wizard_app, "recovery_codes")] == [people.owner]
        assert codes[0] not in visitor.page("/account/tweestaps")  # never shown again
        assert "nog 10 herstelcodes" in visitor.page("/account/tweestaps")
        logout(visitor)
        clock.tick(30)
        assert visitor.login("owner").status_code == 303
        assert 'href="/inloggen/herstelcode' in visitor.page("/inloggen/code")
        wrong = visitor.form("/inloggen/herstelcode", {"code": "aaaa-bbbb-cccc-dddd"})
        assert wrong.status_code == 400
        # A known device: the failure counts on its own budget, in the audit trail.
        assert len(audit_rows(wizard_app, "login_failed")) == 1
        done = visitor.form("/inloggen/herstelcode", {"code": codes[3].upper()})
        assert done.status_code == 303 and signed_in(visitor)
        assert [r.object_id for r in audit_rows(wizard_app, "recovery_code_used")] == [people.owner]
        assert "nog 9 herstelcodes" in visitor.page("/account/tweestaps")
        logout(visitor)
        clock.tick(30)
        assert visitor.login("owner").status_code == 303
        assert visitor.form("/inloggen/herstelcode", {"code": codes[3]}).status_code == 400
        assert not signed_in(visitor)


def test_a_new_set_of_codes_needs_the_password_and_replaces_the_old(wizard_app, people, visitor):
    with freeze_time(T0):
        assert visitor.login("owner").status_code == 303
        enable_totp(visitor, T0)
        old = visitor.last_codes
        refused = visitor.form(
            "/account/herstelcodes", {"codes-password": "fout"}, "/account/tweestaps"
        )
        assert refused.status_code == 400
        made = visitor.form(
            "/account/herstelcodes", {"codes-password": PASSWORD}, "/account/tweestaps"
        )
        assert made.status_code == 200
        fresh = re.findall(r"<li><code>([a-z2-9-]{19})</code></li>", made.get_data(as_text=True))
        assert len(fresh) == 10 and not set(fresh) & set(old)


def test_the_beheer_list_shows_when_the_beheerder_who_just_signed_in_did(wizard_app, people):
    with freeze_time(T0):
        beheerder = beheerder_of(wizard_app)
        page = beheerder.page("/beheer/")
    row = re.search(r"beheer/gebruikers/" + people.beheerder + r".*?</tr>", page, re.S).group(0)
    assert "Nog nooit" not in row and "2026" in row


def test_the_beheerder_who_just_set_up_the_organisation_has_signed_in(tmp_path):
    from meldcode.storage import first_start
    from meldcode.storage.models import utcnow
    from tests.web.wizard import fresh_app

    app = fresh_app(tmp_path)
    token = app.extensions["meldcode_db"].run_write(
        lambda s: first_start.new_setup_token(s, utcnow())
    )
    person = Visitor(app)
    done = person.form(
        f"/setup/{token}",
        {
            "organisation": "OBS Het Anker",
            "kader": "basis",
            "name": "Eerste Beheerder",
            "email": "beheer@anker.nl",
            "password": NEW,
            "password_again": NEW,
        },
    )
    assert done.status_code == 303
    page = person.page("/beheer/")
    assert "Eerste Beheerder" in page and "Nog nooit" not in page
