"""Two-factor login: set up with a code, asked at login, used once, counted as a login."""

import base64
import datetime
import re

from freezegun import freeze_time

from tests.web.account_helpers import SECRET
from tests.web.account_helpers import T0
from tests.web.account_helpers import audit_rows
from tests.web.account_helpers import code_at
from tests.web.account_helpers import enable_totp
from tests.web.account_helpers import field_error
from tests.web.account_helpers import logout
from tests.web.account_helpers import require_two_factor
from tests.web.account_helpers import signed_in
from tests.web.account_helpers import submit
from tests.web.account_helpers import user_row
from tests.web.account_helpers import wrong_code
from tests.web.helpers import parse
from tests.web.wizard import PASSWORD
from tests.web.wizard import Visitor

SECOND = datetime.timedelta(seconds=1)


def test_setup_shows_a_qr_code_drawn_here_and_the_secret_to_type(owner):
    page = owner.page("/account/tweestaps")
    images = [attrs for tag, attrs in parse(page).tags if tag == "img"]
    assert len(images) == 1
    assert images[0]["src"].startswith("data:image/svg+xml;base64,")
    drawing = base64.b64decode(images[0]["src"].split(",", 1)[1]).decode()
    assert drawing.startswith("<svg") and "<path" in drawing
    assert "style=" not in drawing and "<script" not in drawing and "href" not in drawing
    assert images[0]["alt"]
    assert re.search(r"<strong>([A-Z2-7]{4} ){7}[A-Z2-7]{4}</strong>", page)
    assert not re.search(r"\sstyle=", page) and "<script>" not in page


def test_two_factor_is_only_switched_on_with_a_valid_code(wizard_app, people, visitor):
    with freeze_time(T0):
        assert visitor.login("owner").status_code == 303
        page = visitor.page("/account/tweestaps")
        secret = SECRET.search(page).group(1).replace(" ", "")
        refused = submit(visitor, "/account/tweestaps", page, {"code": wrong_code(secret, T0)})
        assert refused.status_code == 400
        assert field_error(refused.get_data(as_text=True), "code")
        assert user_row(wizard_app, people.owner).totp_secret_enc is None
        enable_totp(visitor, T0)
    stored = user_row(wizard_app, people.owner).totp_secret_enc
    assert stored is not None and secret.encode() not in stored  # stored encrypted
    assert [r.object_id for r in audit_rows(wizard_app, "totp_enable")] == [people.owner]


def test_login_with_two_factor_needs_the_code(wizard_app, people, visitor):
    with freeze_time(T0) as clock:
        assert visitor.login("owner").status_code == 303
        secret = enable_totp(visitor, T0)
        logout(visitor)
        clock.tick(30)
        response = visitor.login("owner")
        assert response.status_code == 303
        assert response.headers["Location"].startswith("/inloggen/code")
        blocked = visitor.get("/casussen")
        assert blocked.status_code == 302
        assert blocked.headers["Location"] == "/inloggen/code?next=/casussen"
        done = visitor.form(
            "/inloggen/code?next=/casussen", {"code": code_at(secret, T0 + 30 * SECOND)}
        )
        assert done.status_code == 303 and done.headers["Location"] == "/casussen"
        assert visitor.get("/casussen").status_code == 200


def test_a_replayed_code_fails(wizard_app, people, visitor):
    with freeze_time(T0) as clock:
        assert visitor.login("owner").status_code == 303
        secret = enable_totp(visitor, T0)
        logout(visitor)
        clock.tick(30)
        code = code_at(secret, T0 + 30 * SECOND)
        visitor.login("owner")
        assert visitor.form("/inloggen/code", {"code": code}).status_code == 303
        logout(visitor)
        visitor.login("owner")
        replay = visitor.form("/inloggen/code", {"code": code})
        assert replay.status_code == 400
        assert "al gebruikt" in field_error(replay.get_data(as_text=True), "code")
        assert not signed_in(visitor)
        clock.tick(30)
        fresh = visitor.form("/inloggen/code", {"code": code_at(secret, T0 + 60 * SECOND)})
        assert fresh.status_code == 303


def test_a_code_two_minutes_old_fails(wizard_app, people, visitor):
    with freeze_time(T0) as clock:
        assert visitor.login("owner").status_code == 303
        secret = enable_totp(visitor, T0)
        logout(visitor)
        clock.tick(150)
        visitor.login("owner")
        old = code_at(secret, T0 + 30 * SECOND)  # shown 2 minutes ago, never used
        assert visitor.form("/inloggen/code", {"code": old}).status_code == 400
        assert not signed_in(visitor)


def test_wrong_codes_count_as_failed_logins_and_lock_out(wizard_app, people, visitor):
    with freeze_time(T0) as clock:
        assert visitor.login("owner").status_code == 303
        secret = enable_totp(visitor, T0)
        logout(visitor)
        # A browser the account never signed in from: the account's lock holds it (a known
        # device has a budget of its own, tests/web/test_sign_in_guard.py).
        visitor = Visitor(wizard_app)
        clock.tick(30)
        visitor.login("owner")
        bad = wrong_code(secret, T0 + 30 * SECOND)
        for _ in range(4):
            assert visitor.form("/inloggen/code", {"code": bad}).status_code == 400
        locked = visitor.form("/inloggen/code", {"code": bad})
        assert locked.status_code == 303 and locked.headers["Location"] == "/inloggen"
        assert user_row(wizard_app, people.owner).failed_logins == 5
        assert not signed_in(visitor)  # the half-open session ended
        assert visitor.login("owner").status_code == 400
        clock.tick(61)
        # A known password does not clear the count: one more wrong code locks again.
        visitor.login("owner")
        visitor.form("/inloggen/code", {"code": wrong_code(secret, T0 + 91 * SECOND)})
        assert user_row(wizard_app, people.owner).locked_until > T0 + 91 * SECOND
    failed = [(r.object_id, r.result) for r in audit_rows(wizard_app, "login_failed")]
    assert failed[:5] == [(people.owner, "bad_totp")] * 4 + [(people.owner, "locked")]


def test_switching_two_factor_off_needs_the_password(wizard_app, people, visitor):
    with freeze_time(T0):
        assert visitor.login("owner").status_code == 303
        enable_totp(visitor, T0)
        wrong = visitor.form(
            "/account/tweestaps/uitzetten", {"password": "niet goed"}, "/account/tweestaps"
        )
        assert wrong.status_code == 400
        assert field_error(wrong.get_data(as_text=True), "password")
        assert user_row(wizard_app, people.owner).totp_secret_enc is not None
        off = visitor.form(
            "/account/tweestaps/uitzetten", {"password": PASSWORD}, "/account/tweestaps"
        )
        assert off.status_code == 303
    assert user_row(wizard_app, people.owner).totp_secret_enc is None
    assert [r.object_id for r in audit_rows(wizard_app, "totp_disable")] == [people.owner]


def test_a_required_second_factor_sends_users_to_set_it_up(wizard_app, people, visitor):
    require_two_factor(wizard_app, people.org)
    with freeze_time(T0):
        assert visitor.login("owner").status_code == 303
        response = visitor.get("/casussen")
        assert response.status_code == 302
        assert response.headers["Location"] == "/account/tweestaps"
        assert visitor.get("/account").headers["Location"] == "/account/tweestaps"
        assert "Je organisatie vraagt iedereen" in visitor.page("/account/tweestaps")
        enable_totp(visitor, T0)
        assert visitor.get("/casussen").status_code == 200
        html = visitor.page("/account/tweestaps")
        assert "/account/tweestaps/uitzetten" not in html  # required: no way to switch it off
