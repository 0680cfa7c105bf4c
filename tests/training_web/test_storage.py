"""The training tables on SQLite and PostgreSQL: start, join, answer, count, purge."""

import datetime

import pytest

from meldcode import paths
from meldcode.kader import Registry
from meldcode.storage import accounts
from meldcode.storage import purge
from meldcode.storage import training as store
from meldcode.storage.crypto import Cipher
from meldcode.storage.db import Database
from meldcode.storage.models import Organisation

SETTINGS = {
    "TRAINING_SESSION_HOURS": 8,
    "TRAINING_RETENTION_HOURS": 24,
    "TRAINING_MAX_PARTICIPANTS": 2,
}
NOW = datetime.datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def db(database_url):
    database = Database(database_url, Cipher.from_text(Cipher.new_key_text()))
    yield database
    database.dispose()


def test_a_session_round_trip(db):
    kader = Registry.load(paths.KADERS_DIR).get("onderwijs")

    def begin(s):
        org = Organisation(name="Trainingen")
        s.add(org)
        s.flush()
        trainer = accounts.create_user(s, org, "t@t.nl", "trainer", "x" * 12)
        row = store.start(s, trainer, "basisschool-onthulling", kader, NOW, SETTINGS)
        token = store.join(s, db.cipher, row, "Sam", NOW)
        store.join(s, db.cipher, row, "", NOW)
        with pytest.raises(store.SessionFull):
            store.join(s, db.cipher, row, "", NOW)
        person = store.participant(s, token)
        store.save_answer(s, db.cipher, person, "vormen", ["kindermishandeling"], "", NOW)
        store.save_answer(s, db.cipher, person, "vermoeden", "ja", "Omdat", NOW)
        store.save_answer(s, db.cipher, person, "vermoeden", "nee", "Toch niet", NOW)
        return row.id, row.code, token

    session_id, code, token = db.run_write(begin)
    assert len(code) == 6 and set(code) <= set(store.CODE_ALPHABET)
    with db.reader() as s:
        person = store.participant(s, token)
        assert store.name_of(db.cipher, person) == "Sam"
        assert store.answers(s, db.cipher, person) == {
            "vormen": (["kindermishandeling"], ""),
            "vermoeden": ("nee", "Toch niet"),
        }
        people, given = store.class_answers(s, session_id)
        assert len(people) == 2 and given[person.id]["vermoeden"] == "nee"
        assert (
            store.by_code(s, store.normalise_code(f" {code[:3].lower()}-{code[3:]} ")).id
            == session_id
        )

    def finish(s):
        store.end(s.get(store.TrainingSession, session_id), NOW, SETTINGS)

    db.run_write(finish)
    db.run_write(lambda s: purge.purge(s, NOW + datetime.timedelta(hours=23)))
    with db.reader() as s:
        assert s.get(store.TrainingSession, session_id) is not None
    db.run_write(lambda s: purge.purge(s, NOW + datetime.timedelta(hours=24)))
    with db.reader() as s:
        assert s.get(store.TrainingSession, session_id) is None
        assert store.class_answers(s, session_id) == ([], {})
