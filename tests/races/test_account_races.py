"""One-time things used at the same moment, on SQLite and PostgreSQL: each works once.

The setup link, a two-factor code (its time step) and the daily purge claim.
"""

import datetime

import pyotp

from meldcode.storage import accounts
from meldcode.storage import first_start
from meldcode.storage import purge
from meldcode.storage import totp
from meldcode.storage.models import User
from tests.races.harness import Tally
from tests.races.harness import race

ROUNDS = 15
NOW = datetime.datetime(2026, 11, 23, 9, 0)


def test_a_setup_link_used_twice_at_once_works_once(dbs):
    tally = Tally()
    for round_ in range(ROUNDS):
        now = NOW + datetime.timedelta(minutes=round_)
        token = dbs[0].run_write(lambda s, now=now: first_start.new_setup_token(s, now))
        outcomes = race(
            [
                lambda db=db, token=token, now=now: db.run_write(
                    lambda s: first_start.use_setup_token(s, token, now)
                )
                for db in dbs
            ]
        )
        wins = [o.value for o in outcomes].count(True)
        tally.add(outcomes, bad=wins != 1 or any(o.error for o in outcomes))
    assert tally.bad_rounds == 0, tally.report()


def test_a_two_factor_code_used_twice_at_once_signs_in_once(dbs, world, cipher):
    secret = totp.new_totp_secret()

    def enable(s):
        totp.set_totp_secret(cipher, s.get(User, world.owner), secret)

    dbs[0].run_write(enable)
    tally = Tally()
    for round_ in range(ROUNDS):
        now = NOW + datetime.timedelta(seconds=120 * round_)  # a fresh step each round
        code = pyotp.TOTP(secret).at(now.replace(tzinfo=datetime.UTC))

        def sign_in(database, now=now, code=code):
            def work(s):
                user = s.get(User, world.owner)
                step = totp.check_totp(secret, code, user.totp_last_step, now)
                # The login passes when the code's step was new and could be recorded as used.
                return step is not None and accounts.second_factor_passed(user, step) is not False

            return lambda: database.run_write(work)

        outcomes = race([sign_in(db) for db in dbs])
        passed = [o.value for o in outcomes].count(True)
        tally.add(outcomes, bad=passed != 1 or any(o.error for o in outcomes))
    assert tally.bad_rounds == 0, tally.report()


def test_the_daily_purge_is_claimed_by_one_worker(dbs):
    tally = Tally()
    for round_ in range(ROUNDS):
        job = f"race{round_}"
        first = [
            lambda db=db, job=job: db.run_write(lambda s: purge.claim_daily(s, NOW, job))
            for db in dbs
        ]
        outcomes = race(first)
        later = NOW + datetime.timedelta(days=1, minutes=1)
        again = race(
            [
                lambda db=db, job=job, later=later: db.run_write(
                    lambda s: purge.claim_daily(s, later, job)
                )
                for db in dbs
            ]
        )
        wins = [o.value for o in outcomes].count(True), [o.value for o in again].count(True)
        tally.add(outcomes + again, bad=wins != (1, 1) or any(o.error for o in outcomes + again))
    assert tally.bad_rounds == 0, tally.report()
