"""Account recovery used at the same moment, on SQLite and PostgreSQL: each works once.

A password reset link opened in two tabs (or clicked twice) sets one password; a recovery
code typed on two devices at once signs in once.
"""

import datetime

from meldcode.storage import password_resets
from meldcode.storage import recovery_codes
from meldcode.storage.models import User
from meldcode.storage.passwords import matches
from tests.races.harness import Tally
from tests.races.harness import race

ROUNDS = 12
NOW = datetime.datetime(2026, 11, 23, 9, 0)
HOUR = datetime.timedelta(hours=1)


def test_a_reset_link_used_twice_at_once_sets_one_password(dbs, world):
    tally = Tally()
    for round_ in range(ROUNDS):
        now = NOW + datetime.timedelta(minutes=round_)

        def start(s, now=now):
            token, _row = password_resets.start(s, s.get(User, world.owner), now, HOUR)
            return token

        token = dbs[0].run_write(start)
        passwords = [f"nieuw wachtwoord {round_} nummer {i}" for i in range(len(dbs))]

        def use(db, password, token=token, now=now):
            return lambda: db.run_write(
                lambda s: password_resets.use(s, token, password, now) is not None
            )

        outcomes = race([use(db, pw) for db, pw in zip(dbs, passwords, strict=True)])
        won = [pw for o, pw in zip(outcomes, passwords, strict=True) if o.value is True]
        stored = dbs[0].run_write(lambda s: s.get(User, world.owner).password_hash)
        # Exactly one use won, and the password stored is the winner's.
        bad = len(won) != 1 or any(o.error for o in outcomes) or not matches(stored, won[0])
        tally.add(outcomes, bad=bad)
    assert tally.bad_rounds == 0, tally.report()


def test_a_recovery_code_used_twice_at_once_signs_in_once(dbs, world):
    tally = Tally()
    for round_ in range(ROUNDS):
        now = NOW + datetime.timedelta(minutes=round_)
        codes = dbs[0].run_write(lambda s, now=now: recovery_codes.new_codes(s, world.owner, now))
        code = codes[round_ % len(codes)]
        outcomes = race(
            [
                lambda db=db, code=code, now=now: db.run_write(
                    lambda s: recovery_codes.use(s, world.owner, code, now)
                )
                for db in dbs
            ]
        )
        passed = [o.value for o in outcomes].count(True)
        tally.add(outcomes, bad=passed != 1 or any(o.error for o in outcomes))
    assert tally.bad_rounds == 0, tally.report()
