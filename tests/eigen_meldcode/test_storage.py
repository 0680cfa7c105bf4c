"""Stored versions: a concept, adoption only when complete, old versions kept, one per case."""

import datetime

import pytest

from meldcode.storage import eigen_meldcode as store
from meldcode.storage.crypto import Cipher
from meldcode.storage.db import Database
from meldcode.storage.migrate import upgrade
from meldcode.storage.models import Case
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from tests.eigen_meldcode.conftest import complete

KADERS = ["onderwijs", "basis"]
T0 = datetime.datetime(2026, 9, 1, 9, 0)


@pytest.fixture
def db(tmp_path):
    """A migrated SQLite database with one organisation and its beheerder."""
    url = f"sqlite:///{tmp_path / 'm.sqlite3'}"
    upgrade(url)
    database = Database(url, Cipher.from_text(Cipher.new_key_text()))

    def work(s):
        org = Organisation(name="OBS De Linde")
        s.add(org)
        s.flush()
        user = User(organisation_id=org.id, email="b@x.nl", role="beheerder", password_hash="-")
        s.add(user)
        s.flush()
        return org.id, user.id

    database.org_id, database.user_id = database.run_write(work)
    yield database
    database.dispose()


def adopt(db, when, meldcode=None):
    """Save ``meldcode`` as the concept and adopt it at ``when``; return the version number."""

    def work(s):
        current = store.concept(s, db.org_id)
        store.save_concept(
            s, db.org_id, meldcode or complete(), current.row_version if current else None, when
        )
        return store.adopt(s, db.org_id, s.get(User, db.user_id), KADERS, when).version

    return db.run_write(work)


def test_an_incomplete_concept_is_not_adopted_and_stays(db):
    incomplete = complete().model_copy(update={"vertrouwelijkheid": ""})
    with pytest.raises(store.NotComplete) as caught:
        adopt(db, T0, incomplete)
    assert [b.id for b in caught.value.result.ontbreekt] == ["vertrouwelijkheid"]
    with db.reader() as s:
        assert store.versions(s, db.org_id) == []
        assert store.concept(s, db.org_id) is None  # the failed transaction saved nothing


def test_versions_count_up_and_old_ones_stay(db):
    assert adopt(db, T0) == 1
    second = complete().model_copy(update={"bestuur": "Nieuw beleid van het bestuur."})
    assert adopt(db, T0 + datetime.timedelta(days=30), second) == 2
    with db.reader() as s:
        found = store.versions(s, db.org_id)
        assert [v.version for v in found] == [2, 1]
        assert store.content(store.version(s, db.org_id, 1)).bestuur == complete().bestuur
        assert store.content(found[0]).bestuur == "Nieuw beleid van het bestuur."
        assert store.concept(s, db.org_id) is None
        model = store.as_model(s, found[1])
        assert (model.organisatie, model.versie, model.vastgesteld_op) == (
            "OBS De Linde",
            1,
            T0.date(),
        )


def test_a_case_keeps_the_version_in_force_when_it_started(db):
    adopt(db, T0)
    adopt(db, T0 + datetime.timedelta(days=30))

    def case_at(moment):
        return Case(organisation_id=db.org_id, created_at=moment)

    with db.reader() as s:
        assert store.for_case(s, case_at(T0 - datetime.timedelta(days=1))) is None
        assert store.for_case(s, case_at(T0 + datetime.timedelta(days=1))).version == 1
        assert store.for_case(s, case_at(T0 + datetime.timedelta(days=31))).version == 2


def test_a_stale_form_conflicts_instead_of_overwriting(db):
    def save(seen):
        return db.run_write(
            lambda s: store.save_concept(s, db.org_id, complete(), seen).row_version
        )

    assert save(None) == 1
    assert save(1) == 2
    with pytest.raises(store.Conflict):
        save(1)
    with pytest.raises(store.Conflict):
        save(None)


def test_another_organisation_sees_nothing(db):
    adopt(db, T0)

    def other(s):
        org = Organisation(name="Huisartsenpraktijk Zuid")
        s.add(org)
        s.flush()
        return org.id

    other_id = db.run_write(other)
    with db.reader() as s:
        assert store.versions(s, other_id) == []
        assert store.version(s, other_id, 1) is None
        assert store.in_force(s, other_id, T0 + datetime.timedelta(days=1)) is None


def test_the_migration_creates_the_table_the_model_describes(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from meldcode.storage.db import make_engine
    from meldcode.storage.models import Base

    url = f"sqlite:///{tmp_path / 'schema.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert [d for d in differences if "org_meldcodes" in repr(d)] == []
