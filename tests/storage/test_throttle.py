"""Rate-limit counters on SQLite and PostgreSQL: count in a window, reset after it, purge."""

import datetime

import pytest
from sqlalchemy import func
from sqlalchemy import select

from meldcode.storage import purge
from meldcode.storage import throttle
from meldcode.storage.crypto import Cipher
from meldcode.storage.db import Database

NOW = datetime.datetime(2026, 11, 23, 9, 0)
WINDOW = datetime.timedelta(minutes=10)


@pytest.fixture
def db(database_url):
    database = Database(database_url, Cipher.from_text(Cipher.new_key_text()))
    yield database
    database.dispose()


def test_hits_count_in_their_window_and_start_again_after_it(db):
    for n in range(1, 4):
        assert db.run_write(lambda s: throttle.hit(s, "code:1.2.3.4", NOW, WINDOW)) == n
    with db.reader() as s:
        assert throttle.hits(s, "code:1.2.3.4", NOW + WINDOW / 2, WINDOW) == 3
        assert throttle.hits(s, "code:1.2.3.4", NOW + WINDOW, WINDOW) == 0
        assert throttle.hits(s, "code:elders", NOW, WINDOW) == 0
    later = NOW + WINDOW + datetime.timedelta(seconds=1)
    assert db.run_write(lambda s: throttle.hit(s, "code:1.2.3.4", later, WINDOW)) == 1
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(throttle.Throttle)) == 1


def test_counters_of_days_past_are_purged(db):
    db.run_write(lambda s: throttle.hit(s, "oud", NOW, WINDOW))
    db.run_write(lambda s: throttle.hit(s, "nieuw", NOW + datetime.timedelta(hours=30), WINDOW))
    db.run_write(lambda s: purge.purge(s, NOW + datetime.timedelta(hours=30)))
    with db.reader() as s:
        assert s.scalars(select(throttle.Throttle.key)).all() == ["nieuw"]
