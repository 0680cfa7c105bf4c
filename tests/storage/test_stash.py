"""The stash store's caps: per user (count and bytes) and for everyone together."""

import datetime

import pytest
from sqlalchemy import func
from sqlalchemy import select

from meldcode.storage import accounts
from meldcode.storage import stash
from meldcode.storage import tokens
from meldcode.storage.models import Organisation
from meldcode.storage.models import StashedForm

NOW = datetime.datetime(2026, 9, 14, 10, 0)
LATER = NOW + datetime.timedelta(hours=4)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def users(db):
    def work(s):
        org = Organisation(name="School A")
        s.add(org)
        s.flush()
        return [accounts.create_user(s, org, f"u{i}@a.nl", "medewerker", "x" * 12).id for i in "12"]

    return db.run_write(work)


def keep(db, user_id, text, caps):
    """Stash a text (each a second later than the one before); return its token or None."""
    token = tokens.new_token()
    keep.clock += 1
    expires = LATER + datetime.timedelta(seconds=keep.clock)
    kept = db.run_write(
        lambda s: stash.keep(s, db.cipher, user_id, token, "/p", {"t": [text]}, expires, caps)
    )
    return token if kept else None


keep.clock = 0


def count(db, user_id=None):
    with db.reader() as s:
        query = select(func.count()).select_from(StashedForm)
        if user_id:
            query = query.where(StashedForm.user_id == user_id)
        return s.scalar(query)


def test_a_user_keeps_only_the_newest_stashes_within_their_caps(db, users):
    caps = stash.Caps(per_user=3, user_bytes=10_000, total_bytes=1_000_000)
    tokens = [keep(db, users[0], f"tekst {i}", caps) for i in range(5)]
    assert count(db, users[0]) == 3
    with db.reader() as s:
        found = [stash.find(s, db.cipher, t, "/p", users[0], NOW) for t in tokens]
    assert found[:2] == [None, None] and found[4] == {"t": ["tekst 4"]}
    keep(db, users[0], "y" * 9_000, caps)  # a big one pushes out older ones to fit the bytes
    with db.reader() as s:
        sizes = s.scalars(select(StashedForm.size).where(StashedForm.user_id == users[0])).all()
    assert sum(sizes) <= caps.user_bytes


def test_nothing_more_is_kept_once_everyone_together_reached_the_total(db, users):
    caps = stash.Caps(per_user=10, user_bytes=5_000, total_bytes=8_000)
    assert keep(db, users[0], "a" * 4_000, caps)
    assert keep(db, users[1], "b" * 3_000, caps)
    assert keep(db, users[1], "c" * 2_000, caps) is None
    assert count(db) == 2


def test_a_stash_is_found_only_by_its_user_on_its_page_before_it_expires(db, users):
    caps = stash.Caps()
    token = keep(db, users[0], "mijn tekst", caps)
    with db.reader() as s:
        assert stash.find(s, db.cipher, token, "/p", users[0], NOW) == {"t": ["mijn tekst"]}
        assert stash.find(s, db.cipher, token, "/p", users[1], NOW) is None
        assert stash.find(s, db.cipher, token, "/q", users[0], NOW) is None
        assert stash.find(s, db.cipher, token, "/p", users[0], LATER + DAY) is None
