"""Fixtures for the training pages: an app per test module, its accounts, a trainer.

Every test starts its own session, so the tests of a module share one app and database
(building an app with its accounts takes seconds: argon2 is slow on purpose).
"""

import pytest

from tests.web.wizard import Visitor
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """An app with its own database, for the tests of one module."""
    return fresh_app(tmp_path_factory.mktemp("training"))


@pytest.fixture(scope="module")
def people(app):
    """Two organisations and an account of every role."""
    return make_world(app)


@pytest.fixture(scope="module")
def trainer(app, people):
    """The trainer, signed in (one browser for the module)."""
    person = Visitor(app)
    assert person.login("trainer").status_code == 303
    return person
