"""Training at the same moment, on SQLite and PostgreSQL: the cap holds, a double submit is one."""

import datetime

from sqlalchemy import func
from sqlalchemy import select

from meldcode.storage import training as store
from meldcode.storage.models import User
from tests.races.harness import Tally
from tests.races.harness import instances
from tests.races.harness import race

ROUNDS = 10
NOW = datetime.datetime(2026, 11, 23, 9, 0)
CAP = 3
JOINERS = 8


def _session(database, world, cap=CAP):
    """Create an open training session for the world's owner; return its id."""

    def work(s):
        owner = s.get(User, world.owner)
        row = store.TrainingSession(
            code=store.new_code(s),
            organisation_id=owner.organisation_id,
            trainer_id=owner.id,
            oefencasus="basisschool-onthulling",
            kader_id="onderwijs",
            kader_version="2026-01-01",
            max_participants=cap,
            created_at=NOW,
            expires_at=NOW + datetime.timedelta(hours=8),
            delete_after=NOW + datetime.timedelta(hours=32),
        )
        s.add(row)
        s.flush()
        return row.id

    return database.run_write(work)


def test_simultaneous_joins_never_pass_the_cap(database_url, cipher, world, dbs):
    tally = Tally()
    joiners = instances(database_url, cipher, JOINERS)
    try:
        for _round in range(ROUNDS):
            session_id = _session(dbs[0], world)

            def join(database, session_id=session_id):
                def work(s):
                    row = s.get(store.TrainingSession, session_id)
                    return store.join(s, database.cipher, row, "", NOW)

                return lambda: database.run_write(work)

            outcomes = race([join(db) for db in joiners])
            with dbs[0].reader() as s:
                count = s.scalar(
                    select(func.count()).where(store.TrainingParticipant.session_id == session_id)
                )
            kinds = sorted(o.kind for o in outcomes)
            tally.add(outcomes, bad=count != CAP or kinds != ["SessionFull"] * 5 + ["ok"] * 3)
    finally:
        for database in joiners:
            database.dispose()
    assert tally.bad_rounds == 0, tally.report()


def test_an_answer_submitted_twice_at_once_is_stored_once(dbs, world):
    tally = Tally()
    session_id = _session(dbs[0], world, cap=ROUNDS)
    for round_ in range(ROUNDS):
        token = dbs[0].run_write(
            lambda s: store.join(
                s, dbs[0].cipher, s.get(store.TrainingSession, session_id), "", NOW
            )
        )

        def submit(database, motivation, token=token):
            def work(s):
                person = store.participant(s, token)
                store.save_answer(s, database.cipher, person, "vermoeden", "ja", motivation, NOW)

            return lambda: database.run_write(work)

        outcomes = race([submit(db, f"ronde {round_} werker {i}") for i, db in enumerate(dbs)])
        with dbs[0].reader() as s:
            stored = store.answers(s, dbs[0].cipher, store.participant(s, token))
        mine = {f"ronde {round_} werker {i}" for i in range(len(dbs))}
        ok = stored.get("vermoeden", (None, ""))[1] in mine
        tally.add(outcomes, bad=not ok or any(o.error for o in outcomes))
    assert tally.bad_rounds == 0, tally.report()
