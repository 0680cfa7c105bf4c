"""Sign-in cannot be turned against users: no permanent lock, no lock-out by address for a
known device, no timing oracle, no hint that an address has an account elsewhere."""

import datetime
import re
import statistics
import time

from freezegun import freeze_time
from sqlalchemy import select

from meldcode.storage import accounts
from meldcode.storage.models import AuditEntry
from meldcode.storage.models import utcnow
from tests.web.account_helpers import T0
from tests.web.account_helpers import change_user
from tests.web.account_helpers import database
from tests.web.account_helpers import logout
from tests.web.account_helpers import user_row
from tests.web.wizard import CSRF
from tests.web.wizard import Visitor

WRONG = "fout wachtwoord 12"
HERE = "192.0.2.10"  # everyone in these tests signs in from one address, as behind a NAT


def sign_in(person: Visitor, who: str, password: str | None = None):
    """Post the login form from HERE; return the response."""
    kwargs = {"environ_base": {"REMOTE_ADDR": HERE}}
    token = CSRF.search(person.client.get("/inloggen", **kwargs).get_data(as_text=True))
    data = {"email": who, "password": password or "een lange zin als wachtwoord"}
    return person.client.post("/inloggen", data={**data, "csrf_token": token.group(1)}, **kwargs)


def failures_from_here(app, count: int) -> None:
    """Record ``count`` failed sign-ins from HERE in the audit trail, as random guesses would."""

    def work(s):
        for _ in range(count):
            s.add(AuditEntry(action="login_failed", object_id="", result="unknown", origin=HERE))

    database(app).run_write(work)


def test_the_address_limit_blocks_new_devices_but_not_a_known_one(wizard_app, people):
    laptop = Visitor(wizard_app)
    assert sign_in(laptop, "mentor@delinde.nl").status_code == 303  # a known device now
    assert logout(laptop).status_code == 303
    failures_from_here(wizard_app, 99)
    assert sign_in(Visitor(wizard_app), "x@example.org", WRONG).status_code == 400  # the 100th
    stranger = sign_in(Visitor(wizard_app), "collega@delinde.nl")  # right password, new device
    assert stranger.status_code == 429
    assert "Op een apparaat waarop je al eens inlogde" in stranger.get_data(as_text=True)
    assert sign_in(laptop, "mentor@delinde.nl").status_code == 303
    assert logout(laptop).status_code == 303
    assert sign_in(laptop, "collega@delinde.nl").status_code == 429  # it knows one account


def test_a_known_device_gets_in_while_someone_else_locked_the_account(wizard_app, people):
    laptop = Visitor(wizard_app)
    assert sign_in(laptop, "mentor@delinde.nl").status_code == 303
    assert logout(laptop).status_code == 303
    with freeze_time(utcnow()):
        for _ in range(12):
            assert sign_in(Visitor(wizard_app), "mentor@delinde.nl", WRONG).status_code == 400
        assert accounts.is_locked(user_row(wizard_app, people.owner), utcnow())
        assert sign_in(Visitor(wizard_app), "mentor@delinde.nl").status_code == 400
        assert sign_in(laptop, "mentor@delinde.nl").status_code == 303


def test_a_known_device_has_a_budget_of_its_own(wizard_app, people):
    laptop = Visitor(wizard_app)
    assert sign_in(laptop, "mentor@delinde.nl").status_code == 303
    assert logout(laptop).status_code == 303
    with freeze_time(utcnow()) as clock:
        change_user(wizard_app, people.owner, locked_until=utcnow() + datetime.timedelta(hours=1))
        for _ in range(5):
            assert sign_in(laptop, "mentor@delinde.nl", WRONG).status_code == 400
        assert user_row(wizard_app, people.owner).failed_logins == 0  # not the account's count
        assert sign_in(laptop, "mentor@delinde.nl").status_code == 400  # spent: locked as all
        clock.tick(datetime.timedelta(minutes=16))
        assert sign_in(laptop, "mentor@delinde.nl").status_code == 303


def test_no_number_of_failures_locks_an_account_for_more_than_an_hour(wizard_app, people):
    with freeze_time(T0) as clock:
        for number in range(1, 26):
            clock.tick(datetime.timedelta(minutes=61))  # past every lock so far
            assert sign_in(Visitor(wizard_app), "mentor@delinde.nl", WRONG).status_code == 400
            locked_until = user_row(wizard_app, people.owner).locked_until
            if number >= accounts.SOFT_LOCK_AFTER:
                assert accounts.now() < locked_until
                assert locked_until <= accounts.now() + datetime.timedelta(hours=1)
        clock.tick(datetime.timedelta(minutes=61))
        assert sign_in(Visitor(wizard_app), "mentor@delinde.nl").status_code == 303


def test_a_lock_from_before_the_cap_no_longer_holds(wizard_app, people):
    change_user(wizard_app, people.owner, locked_until=accounts.FOREVER, failed_logins=20)
    assert sign_in(Visitor(wizard_app), "mentor@delinde.nl").status_code == 303


def test_unknown_address_wrong_password_and_locked_account_take_as_long(wizard_app, people):
    change_user(wizard_app, people.af, locked_until=utcnow() + datetime.timedelta(minutes=50))
    paths = {
        "onbekend": "niemand@delinde.nl",
        "fout": "collega@delinde.nl",
        "op slot": "af@delinde.nl",
    }
    taken: dict[str, list[float]] = {name: [] for name in paths}
    for _ in range(7):  # interleaved, so machine noise hits every path alike
        change_user(wizard_app, people.colleague, failed_logins=0, locked_until=None)
        for name, email in paths.items():
            person = Visitor(wizard_app)
            token = CSRF.search(person.page("/inloggen")).group(1)
            began = time.perf_counter()
            response = person.client.post(
                "/inloggen", data={"email": email, "password": WRONG, "csrf_token": token}
            )
            taken[name].append(time.perf_counter() - began)
            assert response.status_code == 400
    medians = {name: statistics.median(times) for name, times in taken.items()}
    assert min(medians.values()) / max(medians.values()) > 0.75, medians
    with database(wizard_app).reader() as s:
        rows = s.scalars(select(AuditEntry.result).where(AuditEntry.action == "login_failed"))
        assert sorted(set(rows)) == ["bad_password", "locked", "unknown"]


def invite(beheerder: Visitor, email: str):
    """Invite an address; return the response of the form and of the page it leads to."""
    response = beheerder.form("/beheer/uitnodigen", {"email": email, "role": "medewerker"})
    follow = beheerder.get(response.headers["Location"]) if response.status_code == 303 else None
    return response, follow


def test_inviting_an_address_of_another_organisation_does_not_say_so(wizard_app, people):
    beheerder = Visitor(wizard_app)
    assert beheerder.login("beheerder").status_code == 303
    elsewhere, shown = invite(beheerder, "arts@zuid.nl")  # an account of another organisation
    fresh, fresh_shown = invite(beheerder, "nieuw@delinde.nl")
    assert elsewhere.status_code == fresh.status_code == 303
    assert "/uitnodiging/" in shown.get_data(as_text=True)

    def masked(page: str, email: str) -> str:
        return re.sub(r"/uitnodiging/[\w-]+", "LINK", page.replace(email, "ADRES"))

    assert masked(shown.get_data(as_text=True), "arts@zuid.nl") == masked(
        fresh_shown.get_data(as_text=True), "nieuw@delinde.nl"
    )
    own, _ = invite(beheerder, "collega@delinde.nl")  # one's own colleagues are listed anyway
    assert own.status_code == 400


def test_a_known_device_with_two_factor_gets_in_while_the_account_is_locked(wizard_app, people):
    from tests.web.account_helpers import code_at
    from tests.web.account_helpers import enable_totp

    laptop = Visitor(wizard_app)
    with freeze_time(T0) as clock:
        assert laptop.login("owner").status_code == 303
        secret = enable_totp(laptop, T0)
        assert logout(laptop).status_code == 303
        for _ in range(5):
            assert Visitor(wizard_app).login("owner", WRONG).status_code == 400
        clock.tick(40)  # a new code step; the lock (a minute) still holds
        assert accounts.is_locked(user_row(wizard_app, people.owner), accounts.now())
        assert laptop.login("owner").status_code == 303
        done = laptop.form("/inloggen/code", {"code": code_at(secret, accounts.now())})
        assert done.status_code == 303 and done.headers["Location"] != "/inloggen"
        assert laptop.get("/account").status_code == 200
