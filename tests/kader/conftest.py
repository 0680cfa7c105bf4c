import pytest

from meldcode.kader.i18n import using
from tests.kader import helpers


@pytest.fixture(autouse=True)
def dutch_messages():
    """Core messages are checked in Dutch, whatever MELDCODE_TAAL says."""
    with using("nl"):
        yield


@pytest.fixture(scope="session")
def basis():
    return helpers.basis()


@pytest.fixture(scope="session")
def onderwijs():
    return helpers.onderwijs()
