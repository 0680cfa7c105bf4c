"""What the storage tests share: a database on each engine with a fresh data key."""

import pytest

from meldcode.storage.crypto import Cipher
from meldcode.storage.db import Database


@pytest.fixture
def db(database_url):
    """A migrated database (SQLite, then PostgreSQL) and a cipher with a new key."""
    database = Database(database_url, Cipher.from_text(Cipher.new_key_text()))
    yield database
    database.dispose()
