"""Guessing codes and filling a class are limited; a class behind one address still joins."""

import datetime

from freezegun import freeze_time
from sqlalchemy import func
from sqlalchemy import select

from meldcode.storage import training as store
from meldcode.storage.models import utcnow
from meldcode.storage.throttle import Throttle
from meldcode.web import ratelimit
from tests.training_web.helpers import start
from tests.web.wizard import CSRF
from tests.web.wizard import Visitor

CASE = "basisschool-onthulling"
WRONG_CODES = [f"{a}{b}{c}AAA" for a in "CDEF" for b in "HJKM" for c in "NPRT"]


def try_code(app, code: str, address: str = "198.51.100.7", person: Visitor | None = None):
    """Post the join form with ``code`` from ``address`` (a fresh browser unless given)."""
    person = person or Visitor(app)
    env = {"REMOTE_ADDR": address}
    token = CSRF.search(person.client.get("/oefenen/", environ_base=env).get_data(as_text=True))
    data = {"code": code, "naam": "", "csrf_token": token.group(1)}
    return person.client.post("/oefenen/", data=data, environ_base=env)


def counters(app) -> int:
    """Return the number of rate-limit rows in the database."""
    with app.extensions["meldcode_db"].reader() as s:
        return s.scalar(select(func.count()).select_from(Throttle))


def days_on(days: int) -> datetime.datetime:
    """Return a moment ``days`` from now: each test counts in windows of its own."""
    return utcnow() + datetime.timedelta(days=days)


def test_guessing_codes_from_one_address_is_stopped(app, people):
    with freeze_time(days_on(0)) as clock:
        statuses = [try_code(app, code).status_code for code in WRONG_CODES[:40]]
        assert statuses[:30] == [400] * 30 and set(statuses[30:]) == {429}
        refused = try_code(app, "KT4MXA")
        page = refused.get_data(as_text=True)
        assert refused.status_code == 429
        assert "te vaak geprobeerd" in page and 'value="KT4MXA"' in page  # typed text kept
        assert try_code(app, WRONG_CODES[0], address="198.51.100.8").status_code == 400
        assert counters(app) <= 4  # a flood updates rows; it does not add them
        clock.tick(datetime.timedelta(minutes=11))
        assert try_code(app, WRONG_CODES[0]).status_code == 400


def test_guessing_from_many_addresses_meets_the_limit_for_everyone(app, people, monkeypatch):
    small = (
        ratelimit.Limit("address", 30, 10 * ratelimit.MINUTE),
        ratelimit.Limit("all", 5, 10 * ratelimit.MINUTE),
    )
    monkeypatch.setitem(ratelimit.LIMITS, "code", small)
    with freeze_time(days_on(1)):
        statuses = [try_code(app, WRONG_CODES[n], f"203.0.113.{n}").status_code for n in range(7)]
    assert statuses[:5] == [400] * 5 and statuses[5:] == [429, 429]


def test_one_device_cannot_fill_a_class_but_a_class_behind_one_address_joins(app, trainer):
    _session_id, code = start(trainer, CASE)
    same_browser = Visitor(app)
    with freeze_time(utcnow() + datetime.timedelta(minutes=30)) as clock:
        assert try_code(app, code, person=same_browser).status_code == 303
        assert try_code(app, code, person=same_browser).status_code == 303  # its own place
        class_ = [try_code(app, code).status_code for _ in range(40)]  # a class of 41 in all
        assert class_ == [303] * 40
        script = [try_code(app, code).status_code for _ in range(25)]  # cookies thrown away
        assert script.count(303) == 19 and script[19:] == [429] * 6
        clock.tick(datetime.timedelta(seconds=61))
        assert try_code(app, code).status_code == 303  # the rest of the class, a minute on
    with app.extensions["meldcode_db"].reader() as s:
        row = store.by_code(s, code)
        joined = s.scalar(
            select(func.count()).where(store.TrainingParticipant.session_id == row.id)
        )
    assert joined == 61
