"""Protections that nothing else would notice missing, on SQLite and PostgreSQL.

- The one case accessor checks the organisation itself, not only owner and share.
- Every encrypted value is bound to its row: moved to another row, it does not decrypt.
- Keys rotate: a new first key encrypts, older keys still decrypt, a missing key refuses.
- Training participants' names are stored encrypted, bound to the participant.
"""

import datetime

import pytest
from sqlalchemy import select
from sqlalchemy import update

from meldcode import paths
from meldcode.casus.records import Signaal
from meldcode.kader import Registry
from meldcode.storage import accounts
from meldcode.storage import cases
from meldcode.storage import training as store
from meldcode.storage.crypto import Cipher
from meldcode.storage.crypto import DecryptionFailed
from meldcode.storage.db import Database
from meldcode.storage.models import Case
from meldcode.storage.models import CaseRecord
from meldcode.storage.models import CaseShare
from meldcode.storage.models import Organisation
from meldcode.storage.models import User

KADER = Registry.load(paths.KADERS_DIR).get("onderwijs")
DAY = datetime.date(2026, 9, 14)
NOW = datetime.datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def keys():
    """Two data keys, as after a rotation: (old, new)."""
    return Cipher.new_key_text(), Cipher.new_key_text()


@pytest.fixture
def db(database_url, keys):
    database = Database(database_url, Cipher.from_text(keys[0]))
    yield database
    database.dispose()


@pytest.fixture
def world(db):
    """Two organisations, an owner with two cases of two signals, and a stranger."""

    def work(s):
        mine, other = Organisation(name="School A"), Organisation(name="School B")
        s.add_all([mine, other])
        s.flush()
        owner = accounts.create_user(s, mine, "a@a.nl", "medewerker", "x" * 12)
        stranger = accounts.create_user(s, other, "b@b.nl", "medewerker", "y" * 12)
        made = []
        for label in ("A.A., 2015", "B.B., 2016"):
            case = cases.create_case(s, db.cipher, owner, label, DAY, KADER)
            for text in ("eerste signaal", "tweede signaal"):
                cases.add_record(
                    s, db.cipher, case, owner, "signaal", Signaal(datum=DAY, waarneming=text)
                )
            made.append(case.id)
        return owner.id, stranger.id, other.id, made

    return db.run_write(work)


def test_the_case_accessor_checks_the_organisation_itself(db, world):
    owner_id, stranger_id, other_org, (case_id, _second) = world

    def planted_share(s):
        s.add(CaseShare(case_id=case_id, user_id=stranger_id, created_by=owner_id))

    db.run_write(planted_share)  # a share across organisations, as a bug elsewhere could make
    with db.reader() as s:
        with pytest.raises(cases.CaseNotFound):
            cases.get_case_for_user(s, case_id, s.get(User, stranger_id))
    db.run_write(
        lambda s: s.execute(
            update(User).where(User.id == owner_id).values(organisation_id=other_org)
        )
    )
    with db.reader() as s:  # the owner moved to another organisation: the case stays behind
        with pytest.raises(cases.CaseNotFound):
            cases.get_case_for_user(s, case_id, s.get(User, owner_id))


def test_an_encrypted_value_moved_to_another_row_does_not_decrypt(db, world):
    _owner, _stranger, _org, (first, second) = world
    with db.reader() as s:
        rows = s.scalars(select(CaseRecord).where(CaseRecord.case_id == first)).all()
        labels = {c.id: c.label_enc for c in s.scalars(select(Case))}

    def swap(s):
        s.execute(
            update(CaseRecord)
            .where(CaseRecord.id == rows[0].id)
            .values(payload_enc=rows[1].payload_enc)
        )
        s.execute(update(Case).where(Case.id == first).values(label_enc=labels[second]))

    db.run_write(swap)
    with db.reader() as s:
        case = s.get(Case, first)
        with pytest.raises(DecryptionFailed):
            cases.label_of(db.cipher, case)
        with pytest.raises(DecryptionFailed):
            cases.records(s, db.cipher, case, "signaal")
        other = s.get(Case, second)  # the untouched case still reads
        assert [r.payload.waarneming for r in cases.records(s, db.cipher, other)] == [
            "eerste signaal",
            "tweede signaal",
        ]


def test_keys_rotate_old_values_stay_readable_and_new_ones_use_the_new_key(db, world, keys):
    old, new = keys
    _owner, _stranger, _org, (case_id, _second) = world
    rotated = Cipher.from_text(f"{new},{old}")  # the new key first: it encrypts from now on
    with db.reader() as s:
        case = s.get(Case, case_id)
        assert cases.label_of(rotated, case) == "A.A., 2015"
        assert cases.records(s, rotated, case)[0].payload.waarneming == "eerste signaal"
        with pytest.raises(DecryptionFailed):  # without the old key the old values are closed
            cases.label_of(Cipher.from_text(new), case)
    sealed = rotated.encrypt("nieuw", "context")
    assert sealed.startswith(new.split(":")[0].encode() + b"$")
    assert Cipher.from_text(new).decrypt(sealed, "context") == "nieuw"
    with pytest.raises(DecryptionFailed):
        Cipher.from_text(old).decrypt(sealed, "context")


def test_training_names_are_stored_encrypted_and_bound_to_the_participant(db, world):
    owner_id = world[0]

    def begin(s):
        trainer = s.get(User, owner_id)
        row = store.start(
            s,
            trainer,
            "basisschool-onthulling",
            KADER,
            NOW,
            {
                "TRAINING_SESSION_HOURS": 8,
                "TRAINING_RETENTION_HOURS": 24,
                "TRAINING_MAX_PARTICIPANTS": 5,
            },
        )
        return store.join(s, db.cipher, row, "Zeynep", NOW), store.join(
            s, db.cipher, row, "Sam", NOW
        )

    first, second = db.run_write(begin)
    with db.reader() as s:
        one, two = store.participant(s, first), store.participant(s, second)
        assert store.name_of(db.cipher, one) == "Zeynep"
        assert b"Zeynep" not in bytes(one.name_enc) and b"Sam" not in bytes(two.name_enc)
        raw = s.connection().exec_driver_sql("SELECT name_enc FROM training_participants").all()
        assert all(b"Zeynep" not in bytes(value) for (value,) in raw)
        ids, blob = (one.id, two.id), bytes(two.name_enc)

    db.run_write(
        lambda s: s.execute(
            update(store.TrainingParticipant)
            .where(store.TrainingParticipant.id == ids[0])
            .values(name_enc=blob)
        )
    )
    with db.reader() as s:
        with pytest.raises(DecryptionFailed):
            store.name_of(db.cipher, store.participant(s, first))


def test_a_quick_writes_short_wait_does_not_stay_on_the_pooled_connection(tmp_path):
    """The busy timeout is set only when it changes, and always back after a quick write."""
    from sqlalchemy import text

    from meldcode.storage import db as dbmodule

    database = Database(
        f"sqlite:///{tmp_path / 'x.sqlite3'}", Cipher.from_text(Cipher.new_key_text())
    )

    def wait(s):
        """Return the busy timeout the connection has now."""
        return s.execute(text("PRAGMA busy_timeout")).scalar()

    normal = dbmodule.WRITE_BUDGET_MS // dbmodule.WRITE_ATTEMPTS
    assert database.run_write(wait) == normal
    assert database.run_write(wait, quick=True) == dbmodule.QUICK_WAIT_MS
    assert database.run_write(wait) == normal
    with database.reader() as s:
        assert wait(s) == normal
    database.dispose()
