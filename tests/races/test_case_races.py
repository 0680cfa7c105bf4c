"""Two saves of one record at the same moment, on SQLite and PostgreSQL: never a lost edit.

Each round releases several workers (own engines and connections) at once on the same
record with the same expected version. Exactly one may succeed; every other one must get
Conflict, and the stored version, text and event log must agree with what was acknowledged.
"""

import datetime

from sqlalchemy import func
from sqlalchemy import select

from meldcode.casus.records import Antwoord
from meldcode.casus.records import Signaal
from meldcode.storage import cases
from meldcode.storage.models import Case
from meldcode.storage.models import CaseEvent
from meldcode.storage.models import CaseShare
from meldcode.storage.models import User
from tests.races.harness import Tally
from tests.races.harness import race

ROUNDS = 20


def _save(database, world, kind, key, payload, expected):
    """Return a call that saves one record as the owner with an expected version."""

    def work(s):
        owner = s.get(User, world.owner)
        case = cases.get_case_for_user(s, world.case, owner).case
        return cases.save_record(
            s, database.cipher, case, owner, kind, key, payload, expected
        ).version

    return lambda: database.run_write(work)


def _stored(database, world, kind, key):
    """Return (version, payload) of a record as stored, or None."""
    with database.reader() as s:
        case = s.get(Case, world.case)
        found = [r for r in cases.records(s, database.cipher, case, kind) if r.key == key]
        return (found[0].version, found[0].payload) if found else None


def _events(database, world, action):
    """Count the case's events of one action."""
    with database.reader() as s:
        query = select(func.count()).where(
            CaseEvent.case_id == world.case, CaseEvent.action == action
        )
        return s.scalar(query)


def test_a_stale_save_racing_a_save_is_a_conflict_never_a_lost_edit(dbs, world):
    tally, acknowledged = Tally(), 0
    _save(dbs[0], world, "antwoord", "vermoeden", Antwoord(antwoord="ja"), None)()
    for round_ in range(ROUNDS):
        version, _ = _stored(dbs[0], world, "antwoord", "vermoeden")
        texts = [f"ronde {round_} werker {i}" for i in range(len(dbs))]
        outcomes = race(
            [
                _save(
                    db,
                    world,
                    "antwoord",
                    "vermoeden",
                    Antwoord(antwoord="ja", motivatie=t),
                    version,
                )
                for db, t in zip(dbs, texts, strict=True)
            ]
        )
        won = [t for t, o in zip(texts, outcomes, strict=True) if o.kind == "ok"]
        now, payload = _stored(dbs[0], world, "antwoord", "vermoeden")
        acknowledged += len(won)
        tally.add(
            outcomes,
            bad=len(won) != 1 or now != version + 1 or (won and payload.motivatie != won[0]),
        )
    final, _ = _stored(dbs[0], world, "antwoord", "vermoeden")
    report = (tally.bad_rounds, dict(tally.kinds), acknowledged, final)
    assert tally.bad_rounds == 0, report
    assert set(tally.kinds) == {"ok", "Conflict"}, report
    # Every acknowledged edit is a stored version and an event: nothing silently overwritten.
    assert final == 1 + acknowledged == 1 + _events(dbs[0], world, "antwoord_gewijzigd"), report


def test_a_first_answer_posted_twice_at_once_is_one_record_and_conflicts(dbs, world):
    tally = Tally()
    for round_ in range(ROUNDS):
        key = f"vraag{round_}"
        outcomes = race(
            [
                _save(db, world, "antwoord", key, Antwoord(antwoord="ja", motivatie=f"w{i}"), None)
                for i, db in enumerate(dbs)
            ]
        )
        kinds = sorted(o.kind for o in outcomes)
        stored = _stored(dbs[0], world, "antwoord", key)
        tally.add(outcomes, bad=kinds != ["Conflict"] * (len(dbs) - 1) + ["ok"] or stored[0] != 1)
    assert tally.bad_rounds == 0, tally.report()


def test_the_same_first_answer_posted_twice_at_once_is_saved_once_and_both_hear_saved(dbs, world):
    tally = Tally()
    for round_ in range(ROUNDS):
        key = f"dubbel{round_}"
        same = Antwoord(antwoord="ja", motivatie="dezelfde tekst, twee keer verstuurd")
        outcomes = race([_save(db, world, "antwoord", key, same, None) for db in dbs])
        stored = _stored(dbs[0], world, "antwoord", key)
        tally.add(outcomes, bad=any(o.error for o in outcomes) or stored[0] != 1)
    assert tally.bad_rounds == 0, tally.report()
    assert _events(dbs[0], world, "antwoord_toegevoegd") == ROUNDS  # one event per answer


def test_a_delete_racing_an_edit_keeps_one_of_them_and_says_so(dbs, world):
    tally = Tally()
    signal = Signaal(datum=datetime.date(2026, 9, 2), waarneming="eerste")
    for round_ in range(ROUNDS):
        key = f"s{round_}"
        _save(dbs[0], world, "signaal", key, signal, None)()

        def remove(database=dbs[1], key=key):
            def work(s):
                owner = s.get(User, world.owner)
                case = cases.get_case_for_user(s, world.case, owner).case
                cases.delete_record(s, case, owner, "signaal", key, 1)

            return database.run_write(work)

        edited = signal.model_copy(update={"waarneming": "gewijzigd"})
        outcomes = race([_save(dbs[0], world, "signaal", key, edited, 1), remove])
        stored = _stored(dbs[0], world, "signaal", key)
        # Either the edit won (stored, version 2, the delete refused) or the delete won (gone,
        # the edit refused); both acknowledged means one of them silently undid the other.
        edit_ok, delete_ok = (o.kind == "ok" for o in outcomes)
        fine = (edit_ok and not delete_ok and stored is not None and stored[0] == 2) or (
            delete_ok and not edit_ok and stored is None
        )
        tally.add(outcomes, bad=not fine or bool({o.kind for o in outcomes} - {"ok", "Conflict"}))
    assert tally.bad_rounds == 0, tally.report()


def test_sharing_twice_at_once_shares_once(dbs, world):
    tally = Tally()
    for _round in range(ROUNDS):

        def share(database):
            def work(s):
                owner = s.get(User, world.owner)
                case = cases.get_case_for_user(s, world.case, owner).case
                cases.share_case(s, case, owner, s.get(User, world.colleague))

            return lambda: database.run_write(work)

        outcomes = race([share(db) for db in dbs])
        with dbs[0].reader() as s:
            rows = s.scalar(select(func.count()).where(CaseShare.case_id == world.case))
        tally.add(outcomes, bad=rows != 1 or any(o.error for o in outcomes))
        dbs[0].run_write(
            lambda s: cases.unshare_case(
                s, s.get(Case, world.case), s.get(User, world.owner), world.colleague
            )
        )
    assert tally.bad_rounds == 0, tally.report()
    assert _events(dbs[0], world, "gedeeld") == ROUNDS
