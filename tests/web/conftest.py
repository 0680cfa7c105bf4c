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
