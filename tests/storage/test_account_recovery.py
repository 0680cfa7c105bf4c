"""Password reset links and two-factor recovery codes, as stored: hashed, one-time, ending."""

import datetime
import hashlib

import pytest
from sqlalchemy import select

from meldcode.storage import accounts
from meldcode.storage import colleagues
from meldcode.storage import password_resets
from meldcode.storage import recovery_codes
from meldcode.storage import sessions
from meldcode.storage import totp
from meldcode.storage.crypto import Cipher
from meldcode.storage.db import Database
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.storage.models import UserSession
from meldcode.storage.passwords import matches
from meldcode.storage.purge import purge
from meldcode.storage.recovery_codes import RecoveryCode

NOW = datetime.datetime(2026, 11, 23, 9, 0)
HOUR = datetime.timedelta(hours=1)
TIMES = sessions.SessionTimes(datetime.timedelta(minutes=30), datetime.timedelta(hours=8))
NEW = "een heel nieuw wachtwoord van mij"


@pytest.fixture
def database(database_url):
    found = Database(database_url, Cipher.from_text(Cipher.new_key_text()))
    yield found
    found.dispose()


@pytest.fixture
def user_id(database):
    def make(s):
        org = Organisation(name="OBS De Linde")
        s.add(org)
        s.flush()
        return accounts.create_user(s, org, "mentor@delinde.nl", "medewerker", "x" * 12).id

    return database.run_write(make)


def start(database, user_id, now=NOW, valid=HOUR):
    return database.run_write(
        lambda s: password_resets.start(s, s.get(User, user_id), now, valid)[0]
    )


def use(database, token, now=NOW, password=NEW):
    return database.run_write(lambda s: password_resets.use(s, token, password, now) is not None)


def test_a_reset_link_sets_the_password_once_and_ends_every_session(database, user_id):
    token = start(database, user_id)
    database.run_write(lambda s: sessions.start_session(s, s.get(User, user_id), NOW, TIMES, True))

    def lock(s):
        s.get(User, user_id).locked_until = NOW + HOUR
        s.get(User, user_id).failed_logins = 9

    database.run_write(lock)
    assert use(database, token) is True
    assert use(database, token, password="nog een ander wachtwoord") is False
    with database.reader() as s:
        user = s.get(User, user_id)
        assert matches(user.password_hash, NEW)
        assert user.locked_until is None and user.failed_logins == 0
        live = s.scalars(select(UserSession).where(UserSession.revoked_at.is_(None))).all()
        assert live == []
        stored = s.scalars(select(password_resets.PasswordReset)).all()
        assert [r.token_hash for r in stored] != [token]  # only a hash is kept
        assert token not in repr([r.__dict__ for r in stored])


def test_a_reset_link_expires(database, user_id):
    token = start(database, user_id)
    assert use(database, token, now=NOW + HOUR) is False
    assert use(database, token, now=NOW + HOUR - datetime.timedelta(seconds=1)) is True


def test_a_new_link_and_a_disabled_account_end_earlier_links(database, user_id):
    first = start(database, user_id)
    second = start(database, user_id)
    assert use(database, first) is False
    third = start(database, user_id)
    database.run_write(lambda s: colleagues.disable(s, s.get(User, user_id), NOW))
    assert use(database, third) is False
    database.run_write(lambda s: colleagues.enable(s, s.get(User, user_id), NOW))
    assert use(database, second) is False and use(database, third) is False


def test_unknown_and_oversized_tokens_find_nothing(database, user_id):
    start(database, user_id)
    with database.reader() as s:
        assert password_resets.find(s, "nope", NOW) is None
        assert password_resets.find(s, "x" * 5000, NOW) is None
        assert password_resets.find(s, "", NOW) is None


def test_expired_links_are_purged_a_day_later(database, user_id):
    start(database, user_id)
    database.run_write(lambda s: purge(s, NOW + HOUR + datetime.timedelta(hours=23)))
    with database.reader() as s:
        assert len(s.scalars(select(password_resets.PasswordReset)).all()) == 1
    database.run_write(lambda s: purge(s, NOW + HOUR + datetime.timedelta(hours=25)))
    with database.reader() as s:
        assert s.scalars(select(password_resets.PasswordReset)).all() == []


def test_recovery_codes_are_hashed_each_works_once_and_a_new_set_replaces_the_old(
    database, user_id
):
    codes = database.run_write(lambda s: recovery_codes.new_codes(s, user_id, NOW))
    assert len(codes) == 10 and len(set(codes)) == 10
    with database.reader() as s:
        stored = {r.code_hash for r in s.scalars(select(RecoveryCode))}
    assert stored == {hashlib.sha256(c.replace("-", "").encode()).hexdigest() for c in codes}
    assert not any(c in str(stored) for c in codes)

    def use_code(code):
        return database.run_write(lambda s: recovery_codes.use(s, user_id, code, NOW))

    assert use_code(codes[0].upper().replace("-", " ")) is True  # as typed off paper
    assert use_code(codes[0]) is False
    assert use_code("abcd-efgh-jkmn-pqrs") is False
    with database.reader() as s:
        assert recovery_codes.remaining(s, user_id) == 9
    fresh = database.run_write(lambda s: recovery_codes.new_codes(s, user_id, NOW))
    assert use_code(codes[1]) is False and use_code(fresh[1]) is True


def test_switching_two_factor_off_deletes_the_codes(database, user_id):
    cipher = Cipher.from_text(Cipher.new_key_text())
    database.run_write(
        lambda s: totp.set_totp_secret(cipher, s.get(User, user_id), totp.new_totp_secret())
    )
    database.run_write(lambda s: recovery_codes.new_codes(s, user_id, NOW))
    database.run_write(lambda s: totp.set_totp_secret(cipher, s.get(User, user_id), None))
    with database.reader() as s:
        assert recovery_codes.remaining(s, user_id) == 0
