"""Fixtures for the single sign-on tests: a real OpenID provider and an app that uses it."""

import pytest

from tests.sso import provider as test_provider
from tests.sso.flow import SsoVisitor
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world

TENANTS = {"tenant-linde": "OBS De Linde", "tenant-zuid": "Huisartsenpraktijk Zuid"}


@pytest.fixture(scope="session")
def oidc():
    """The tests' OpenID provider, running on 127.0.0.1 for the whole session."""
    running = test_provider.start()
    yield running
    running.stop()


@pytest.fixture
def sso_app(tmp_path, oidc):
    """An isolated app with the test provider configured."""
    oidc.tamper(None)
    entry = test_provider.settings(oidc.issuer, TENANTS)
    return fresh_app(tmp_path, OIDC_PROVIDERS=[entry], BASE_URL=test_provider.BASE_URL)


@pytest.fixture
def world(sso_app):
    """Two organisations and an account of every role (tests.web.wizard)."""
    return make_world(sso_app)


@pytest.fixture
def person(sso_app, world):
    """A visitor whose browser also reaches the provider."""
    return SsoVisitor(sso_app)


def db(app):
    """Return the app's database."""
    return app.extensions["meldcode_db"]
