"""The save's statements run on the driver's cursor (meldcode.storage.prepared): same rows,
same values, same errors as through SQLAlchemy's own path, on SQLite and PostgreSQL."""

import datetime
import sqlite3

import pytest
from sqlalchemy import Column
from sqlalchemy import DateTime
from sqlalchemy import MetaData
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy import bindparam
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.exc import DBAPIError

from meldcode import paths
from meldcode.casus.records import Signaal
from meldcode.kader import Registry
from meldcode.storage import accounts
from meldcode.storage import case_log
from meldcode.storage import cases
from meldcode.storage import casesize
from meldcode.storage.crypto import Cipher
from meldcode.storage.db import Database
from meldcode.storage.db import failure_reason
from meldcode.storage.models import Case
from meldcode.storage.models import CaseEvent
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.storage.prepared import Prepared


@pytest.fixture
def case_id(db):
    kader = Registry.load(paths.KADERS_DIR).get("basis")

    def make(session):
        org = Organisation(name="School A")
        session.add(org)
        session.flush()
        owner = accounts.create_user(session, org, "a@a.nl", "medewerker", "x" * 12)
        return cases.create_case(
            session, db.cipher, owner, "J.B., 2016", datetime.date(2026, 9, 1), kader
        ).id

    return db.run_write(make)


def _case_and_owner(session, case_id):
    case = session.get(Case, case_id)
    return case, session.get(User, case.owner_id)


def test_an_empty_case_measures_zero_through_the_fixed_value_in_the_statement(db, case_id):
    # coalesce(sum(...), 0): the 0 is a bind SQLAlchemy fills in itself.
    assert db.run_write(lambda s: casesize.measure(s, case_id)) == (0, 0)


def test_a_saved_record_reads_back_with_its_types(db, case_id):
    def save(session):
        case, owner = _case_and_owner(session, case_id)
        signal = Signaal(datum=datetime.date(2026, 9, 2), waarneming="Blauwe plek.")
        return cases.add_record(session, db.cipher, case, owner, "signaal", signal)

    written = db.run_write(save)
    found = db.run_write(
        lambda s: cases.get_record(s, s.get(Case, case_id), "signaal", written.key)
    )
    # The result converters ran: a datetime comes back as one, on SQLite (text) as on PG.
    assert isinstance(found.updated_at, datetime.datetime)
    assert found.updated_at == written.updated_at
    assert found.payload_enc == written.payload_enc and found.version == 1
    assert db.run_write(lambda s: casesize.measure(s, case_id))[0] == 1


def test_an_event_gets_the_models_default_time(db, case_id):
    before = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)

    def log(session):
        case, owner = _case_and_owner(session, case_id)
        case_log.log_event(session, case, owner, "label_gewijzigd")

    db.run_write(log)
    with db.reader() as session:
        newest = session.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id.desc())
        ).first()
    assert newest.action == "label_gewijzigd" and newest.subject == ""
    assert newest.at >= before - datetime.timedelta(seconds=1)


def test_what_is_pending_in_the_session_is_written_first(db, case_id):
    # As session.execute would: an object added but not flushed is there for the statement.
    def add_and_count(session):
        case, owner = _case_and_owner(session, case_id)
        session.add(CaseEvent(case_id=case.id, actor_id=owner.id, action="label_gewijzigd"))
        found = Prepared(select(CaseEvent.__table__.c.id).where(CaseEvent.case_id == case.id))
        return len(found.rows(session, {}))

    assert db.run_write(add_and_count) == 2  # the case's own event and the pending one


def test_a_statement_with_a_default_computed_per_call_is_refused():
    table = Table(
        "t",
        MetaData(),
        Column("id", String, primary_key=True),
        Column("at", DateTime, onupdate=datetime.datetime.now),
    )
    statement = Prepared(update(table).where(table.c.id == bindparam("key")).values(id="x"))
    database = Database("sqlite://", Cipher.from_text(Cipher.new_key_text()))
    with pytest.raises(ValueError, match="every value"):
        with database.write() as session:
            statement.run(session, {"key": "a"})


def test_a_locked_database_is_a_busy_write_not_a_crash(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    from meldcode.storage.migrate import upgrade

    upgrade(url)
    db = Database(url, Cipher.from_text(Cipher.new_key_text()))
    holder = sqlite3.connect(tmp_path / "x.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    touch = Prepared(update(Case.__table__).values(status="open"))
    try:
        with db.reader() as session:
            # A deferred transaction takes the write lock at its first write: this statement.
            with pytest.raises(DBAPIError) as raised:
                touch.run(session, {})
        assert raised.value.orig.sqlite_errorname.startswith("SQLITE_BUSY")
        assert failure_reason(raised.value) == "locked"  # what makes a save say "not saved"
        assert "open" not in str(raised.value)  # values stay out of the message
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        db.dispose()


def test_a_write_after_reading_gets_the_connection_the_reading_gave_back(tmp_path):
    # Its page cache holds what the write needs (meldcode.storage.db.make_engine).
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    db = Database(url, Cipher.from_text(Cipher.new_key_text()))
    try:
        first, second = db.reader(), db.reader()  # two connections in the pool
        used = [id(s.connection().connection.dbapi_connection) for s in (first, second)]
        first.close()
        second.close()  # given back last
        with db.write() as session:
            assert id(session.connection().connection.dbapi_connection) == used[1]
    finally:
        db.dispose()
