"""Fixtures for the race tests: one migrated database (SQLite and PostgreSQL) and a world in it."""

import datetime
from dataclasses import dataclass

import pytest

from meldcode import paths
from meldcode.kader import Registry
from meldcode.storage import accounts
from meldcode.storage import cases
from meldcode.storage.crypto import Cipher
from meldcode.storage.models import Organisation
from tests.races.harness import instances

WORKERS = 3


@dataclass
class World:
    """Ids of an organisation, its owner and colleague, and a case of the owner."""

    org: str
    owner: str
    colleague: str
    case: str


@pytest.fixture
def cipher():
    """One data key shared by every instance, as a deployment must."""
    return Cipher.from_text(Cipher.new_key_text())


@pytest.fixture
def dbs(database_url, cipher):
    """Independent databases on one URL, one per racing worker (own engines, own pools)."""
    found = instances(database_url, cipher, WORKERS)
    yield found
    for database in found:
        database.dispose()


@pytest.fixture
def world(dbs, cipher):
    """An organisation with an owner, a colleague and one case."""
    kader = Registry.load(paths.KADERS_DIR).get("basis")

    def make(s):
        org = Organisation(name="OBS De Linde")
        s.add(org)
        s.flush()
        # A cheap hash: these tests race rows, not passwords.
        owner = accounts.create_user(s, org, "mentor@delinde.nl", "medewerker", "x" * 12)
        colleague = accounts.create_user(s, org, "af@delinde.nl", "aandachtsfunctionaris", "y" * 12)
        case = cases.create_case(s, cipher, owner, "J.B., 2016", datetime.date(2026, 9, 1), kader)
        return World(org.id, owner.id, colleague.id, case.id)

    return dbs[0].run_write(make)
