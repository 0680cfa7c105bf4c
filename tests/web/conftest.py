"""Fixtures for the web tests: one app built from the shipped kaders, and a fresh client."""

import pytest

from tests.appfactory import build_app


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    """The app as it runs, with the shipped kaders (read-only, so one for the session)."""
    return build_app(tmp_path_factory.mktemp("web-app"))


@pytest.fixture
def client(app):
    """A test client without cookies."""
    return app.test_client()


@pytest.fixture
def registry(app):
    """The kaders the app loaded."""
    return app.extensions["meldcode_registry"]


@pytest.fixture
def wizard_app(tmp_path):
    """An isolated app with its own database, for tests that sign in and change things."""
    from tests.web.wizard import fresh_app

    return fresh_app(tmp_path)


@pytest.fixture
def people(wizard_app):
    """Two organisations and an account of every role in the isolated app."""
    from tests.web.wizard import make_world

    return make_world(wizard_app)


@pytest.fixture
def visitor(wizard_app):
    """A browser-like client of the isolated app."""
    from tests.web.wizard import Visitor

    return Visitor(wizard_app)


@pytest.fixture
def owner(wizard_app, people):
    """A medewerker signed in, ready to work on cases."""
    from tests.web.wizard import Visitor

    person = Visitor(wizard_app)
    assert person.login("owner").status_code == 303
    return person
