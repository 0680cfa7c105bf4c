"""Sessions: kept on the server, new at login, ended by logout, timeouts and the beheerder."""

import datetime

from freezegun import freeze_time

from tests.web.account_helpers import T0
from tests.web.account_helpers import audit_rows
from tests.web.account_helpers import change_user
from tests.web.account_helpers import cookie_contents
from tests.web.account_helpers import cookie_value
from tests.web.account_helpers import logout
from tests.web.account_helpers import signed_in
from tests.web.account_helpers import submit
from tests.web.wizard import EMAILS
from tests.web.wizard import PASSWORD
from tests.web.wizard import Visitor
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world

MINUTES = datetime.timedelta(minutes=1)


def test_logout_ends_the_session_on_the_server(wizard_app, owner):
    old = cookie_value(owner)
    assert signed_in(owner)
    response = logout(owner)
    assert response.status_code == 303
    assert "cache" in response.headers["Clear-Site-Data"]
    assert not signed_in(owner)
    owner.client.set_cookie(wizard_app.config["SESSION_COOKIE_NAME"], old)  # replay it
    refused = owner.get("/account")
    assert refused.status_code == 302
    assert refused.headers["Location"].startswith("/inloggen")


def test_the_cookie_holds_only_a_random_session_token(wizard_app, owner, people):
    contents = cookie_contents(wizard_app, cookie_value(owner))
    assert set(contents) <= {"sid", "csrf_token", "_flashes", "taal"}
    assert len(contents["sid"]) >= 43
    for secret in (people.owner, EMAILS["owner"], PASSWORD, "Mentor"):
        assert secret not in str(contents)


def test_login_gives_a_new_session_token(wizard_app, people, visitor):
    visitor.page("/inloggen")
    before = cookie_value(visitor)
    assert "sid" not in cookie_contents(wizard_app, before)
    assert visitor.login("owner").status_code == 303
    first = cookie_value(visitor)
    assert first != before
    first_sid = cookie_contents(wizard_app, first)["sid"]
    logout(visitor)
    visitor.login("owner")
    assert cookie_contents(wizard_app, cookie_value(visitor))["sid"] != first_sid


def test_the_cookie_is_httponly_and_samesite_lax(wizard_app, people, visitor):
    response = visitor.login("owner")
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("meldcode="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # plain HTTP in development; see the HTTPS test
    assert "Expires" not in cookie and "Max-Age" not in cookie  # no "remember me"


def test_over_https_the_cookie_is_secure_and_host_only(tmp_path):
    app = fresh_app(tmp_path, HTTPS=True)
    make_world(app)
    client = app.test_client()
    page = client.get("/inloggen", base_url="https://localhost").get_data(as_text=True)
    person = Visitor(app)
    person.client = client
    response = submit(
        person, "https://localhost/inloggen", page, {"email": EMAILS["owner"], "password": PASSWORD}
    )
    assert response.status_code == 303
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if "meldcode=" in c)
    assert cookie.startswith("__Host-meldcode=")
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Path=/" in cookie and "Domain" not in cookie


def test_an_idle_session_ends_after_30_minutes(wizard_app, people, visitor):
    assert wizard_app.config["SESSION_IDLE_MINUTES"] == 30
    with freeze_time(T0) as clock:
        assert visitor.login("owner").status_code == 303
        clock.tick(29 * MINUTES)
        assert signed_in(visitor)  # and the idle timer starts again
        clock.tick(29 * MINUTES)
        assert signed_in(visitor)
        clock.tick(31 * MINUTES)
        response = visitor.get("/casussen")
        assert response.status_code == 302
        assert response.headers["Location"] == "/inloggen?next=/casussen"


def test_a_session_ends_after_its_absolute_lifetime_even_when_used(wizard_app, people, visitor):
    hours = wizard_app.config["SESSION_ABSOLUTE_HOURS"]
    with freeze_time(T0) as clock:
        assert visitor.login("owner").status_code == 303
        for _ in range(hours * 3 - 1):  # active every 20 minutes, never idle
            clock.tick(20 * MINUTES)
            assert signed_in(visitor)
        clock.tick(20 * MINUTES)
        assert not signed_in(visitor)
        assert visitor.login("owner").status_code == 303  # a new login starts a new session


def test_log_out_everywhere_ends_every_session(wizard_app, people, owner):
    laptop = Visitor(wizard_app)
    assert laptop.login("owner").status_code == 303
    response = owner.form("/account/overal-uitloggen", {}, "/account")
    assert response.status_code == 303 and response.headers["Location"] == "/inloggen"
    assert not signed_in(laptop)
    assert not signed_in(owner)
    rows = audit_rows(wizard_app, "logout_all")
    assert [(r.actor_id, r.object_id) for r in rows] == [(people.owner, people.owner)]


def test_a_password_change_ends_the_other_sessions_only(wizard_app, people, owner):
    laptop = Visitor(wizard_app)
    laptop.login("owner")
    new = "een nieuwe zin als wachtwoord"
    changed = owner.form(
        "/account/wachtwoord", {"current": PASSWORD, "password": new, "password_again": new}
    )
    assert changed.status_code == 303
    assert signed_in(owner)
    assert not signed_in(laptop)


def test_a_disabled_account_is_refused_on_the_next_request(wizard_app, people, owner):
    beheerder = Visitor(wizard_app)
    beheerder.login("beheerder")
    assert signed_in(owner)
    url = f"/beheer/gebruikers/{people.owner}"
    assert beheerder.form(f"{url}/uitzetten", {}, url).status_code == 303
    assert not signed_in(owner)
    assert owner.login("owner").status_code == 400


def test_an_account_switched_off_in_the_database_is_refused_at_once(wizard_app, people, owner):
    assert signed_in(owner)
    change_user(wizard_app, people.owner, active=False)  # sessions themselves left untouched
    assert not signed_in(owner)
