"""The data keys a database holds: a process with other keys stops, a key is made only once.

On SQLite and PostgreSQL. The simultaneous first start is a race test: several processes
(threads with their own engines) open an empty database without keys at the same moment.
"""

import datetime

import pytest
from sqlalchemy import select

from meldcode import paths
from meldcode.kader import Registry
from meldcode.storage import accounts
from meldcode.storage import cases
from meldcode.storage.crypto import Cipher
from meldcode.storage.db import Database
from meldcode.storage.keyring import KeysDoNotFit
from meldcode.storage.keyring import open_database
from meldcode.storage.models import DataKey
from meldcode.storage.models import Organisation
from tests.races.harness import race


def _keys(database) -> list[str]:
    """Return the registered key ids."""
    with database.reader() as s:
        return sorted(s.scalars(select(DataKey.key_id)))


def _add_case(database) -> str:
    """Store a case (an encrypted label) with the database's keys; return its id."""
    kader = Registry.load(paths.KADERS_DIR).get("basis")

    def work(s):
        org = Organisation(name=f"School {datetime.datetime.now().timestamp()}")
        s.add(org)
        s.flush()
        owner = accounts.create_user(s, org, f"{org.name}@a.nl", "medewerker", "x" * 12)
        return cases.create_case(
            s, database.cipher, owner, "J.B.", datetime.date(2026, 9, 1), kader
        ).id

    return database.run_write(work)


def test_an_empty_database_gets_one_key_made_and_registered(database_url, tmp_path):
    key_file = tmp_path / "data_keys"
    first = open_database(database_url, None, key_file)
    made = key_file.read_text().strip()
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert _keys(first) == [made.split(":")[0]]
    _add_case(first)
    first.dispose()
    # Another instance folder without keys: no key is made for a database that holds data.
    with pytest.raises(KeysDoNotFit, match="MELDCODE_DATA_KEYS is not set"):
        open_database(database_url, None, tmp_path / "other" / "data_keys")
    assert not (tmp_path / "other" / "data_keys").exists()
    again = open_database(database_url, made, tmp_path / "unused")
    assert again.cipher.current == made.split(":")[0]
    again.dispose()


def test_other_keys_refuse_to_open_and_write_nothing(database_url, tmp_path):
    keys = Cipher.new_key_text()
    database = open_database(database_url, keys, tmp_path / "k")
    _add_case(database)
    database.dispose()
    stranger = Cipher.new_key_text()
    with pytest.raises(KeysDoNotFit, match="MELDCODE_DATA_KEYS") as refused:
        open_database(database_url, stranger, tmp_path / "k")
    assert keys.split(":")[0] in str(refused.value)
    # Same id, other bytes: refused as well (the check value does not open).
    forged = keys.split(":")[0] + ":" + Cipher.new_key_text().split(":")[1]
    with pytest.raises(KeysDoNotFit):
        open_database(database_url, forged, tmp_path / "k")
    reader = Database(database_url, Cipher.from_text(keys))
    assert _keys(reader) == [keys.split(":")[0]]
    reader.dispose()


def test_a_new_key_for_rotation_is_registered_and_the_old_one_stays_needed(database_url, tmp_path):
    old = Cipher.new_key_text()
    open_database(database_url, old, tmp_path / "k").dispose()
    new = Cipher.new_key_text()
    rotated = open_database(database_url, f"{new},{old}", tmp_path / "k")
    assert _keys(rotated) == sorted([new.split(":")[0], old.split(":")[0]])
    rotated.dispose()
    with pytest.raises(KeysDoNotFit, match=old.split(":")[0]):
        open_database(database_url, new, tmp_path / "k")


def test_a_database_from_before_the_register_is_adopted_only_by_its_own_key(database_url, tmp_path):
    keys = Cipher.new_key_text()
    plain = Database(database_url, Cipher.from_text(keys))  # as before: no register
    _add_case(plain)
    plain.dispose()
    with pytest.raises(KeysDoNotFit, match="another key"):
        open_database(database_url, Cipher.new_key_text(), tmp_path / "k")
    with pytest.raises(KeysDoNotFit, match="MELDCODE_DATA_KEYS is not set"):
        open_database(database_url, None, tmp_path / "none")  # holds data: no key made
    assert not (tmp_path / "none").exists()
    adopted = open_database(database_url, keys, tmp_path / "k")
    assert _keys(adopted) == [keys.split(":")[0]]
    adopted.dispose()


def test_a_malformed_key_setting_is_named(database_url, tmp_path):
    with pytest.raises(KeysDoNotFit, match="MELDCODE_DATA_KEYS is not id:base64key"):
        open_database(database_url, "abc:nietbase64", tmp_path / "k")


def test_processes_starting_at_once_on_an_empty_database_agree_on_one_key(
    request, database_url, tmp_path
):
    for round_ in range(4):
        folder = tmp_path / f"round{round_}"
        url = database_url if round_ == 0 else _fresh(request, database_url, tmp_path, round_)
        # Two workers of one instance (one folder) and two instances with folders of their own.
        files = [folder / "a" / "data_keys"] * 2 + [folder / "b" / "data_keys", folder / "c" / "k"]
        for path in files:
            path.parent.mkdir(parents=True, exist_ok=True)
        outcomes = race([lambda p=path, u=url: open_database(u, None, p) for path in files])
        opened = [o.value for o in outcomes if o.error is None]
        refused = [o for o in outcomes if isinstance(o.error, KeysDoNotFit)]
        assert len(opened) + len(refused) == len(files), [o.error for o in outcomes]
        assert len({d.cipher.current for d in opened}) == 1
        assert len(_keys(opened[0])) == 1
        for database in opened:
            database.dispose()


def _fresh(request, database_url: str, tmp_path, number: int) -> str:
    """Return another empty, migrated database of the same engine."""
    if database_url.startswith("sqlite"):
        from meldcode.storage.migrate import upgrade

        url = f"sqlite:///{tmp_path / f'fresh{number}.sqlite3'}"
        upgrade(url)
        return url
    return request.getfixturevalue("pg_cluster").new_database()
