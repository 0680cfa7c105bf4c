"""The administrator's provider settings: refused when incomplete or unsafe, checked at use."""

import pytest

from meldcode.web.sso.providers import ProviderConfigError
from meldcode.web.sso.providers import parse
from tests.sso import provider as test_provider
from tests.sso.conftest import TENANTS
from tests.sso.flow import SsoVisitor
from tests.sso.test_signin import failures
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world

GOOD = test_provider.settings("https://login.example.org/tenant/v2.0", TENANTS)


def test_a_complete_provider_is_read():
    found = parse([GOOD])["test"]
    assert (
        found.discovery_url
        == "https://login.example.org/tenant/v2.0/.well-known/openid-configuration"
    )
    assert found.organisation_refs(["tenant-zuid", "iets"]) == {"Huisartsenpraktijk Zuid"}
    assert found.vouches_mfa({"amr": ["pwd", "mfa"]}) and found.vouches_mfa({"acr": "urn:test:mfa"})
    assert not found.vouches_mfa({"amr": ["pwd"], "acr": "urn:test:pwd"})


@pytest.mark.parametrize(
    "change",
    [
        {"issuer": "http://login.example.org"},  # plain http off this machine
        {"issuer": "https://login.example.org?tenant=x"},
        {"client_secret": ""},
        {"organisation_claim": ""},
        {"id": "Met Spaties"},
        {"scope": "profile email"},
        {"organisations": ["tenant-linde"]},
    ],
)
def test_an_incomplete_or_unsafe_provider_stops_the_app(change, tmp_path):
    with pytest.raises(ProviderConfigError):
        parse([dict(GOOD, **change)])
    with pytest.raises(ProviderConfigError):
        fresh_app(tmp_path, OIDC_PROVIDERS=[dict(GOOD, **change)])


def test_two_providers_with_one_id_are_refused():
    with pytest.raises(ProviderConfigError):
        parse([GOOD, GOOD])


def test_a_discovery_document_of_another_issuer_is_refused(tmp_path, oidc):
    # The same provider under another name for its host: its document names 127.0.0.1.
    issuer = oidc.issuer.replace("127.0.0.1", "localhost")
    app = fresh_app(
        tmp_path,
        OIDC_PROVIDERS=[test_provider.settings(issuer, TENANTS)],
        BASE_URL=test_provider.BASE_URL,
    )
    make_world(app)
    response = SsoVisitor(app).client.get("/inloggen/sso/test")
    assert response.status_code == 503
    assert "niet goed ingesteld" in response.get_data(as_text=True)
    assert failures(app) == ["config"]


def test_an_unreachable_provider_says_so(tmp_path):
    settings = test_provider.settings("http://127.0.0.1:9/", TENANTS)
    app = fresh_app(tmp_path, OIDC_PROVIDERS=[settings], OIDC_TIMEOUT_SECONDS=2)
    response = app.test_client().get("/inloggen/sso/test")
    assert response.status_code == 503
    assert "niet bereikbaar" in response.get_data(as_text=True)


def test_the_sign_in_page_shows_a_button_per_provider(sso_app, world):
    page = SsoVisitor(sso_app).page("/inloggen?next=/casussen/")
    assert "Inloggen met Testschool-account" in page
    assert 'href="/inloggen/sso/test?next=/casussen/"' in page
    assert SsoVisitor(sso_app).client.get("/inloggen/sso/onbekend").status_code == 404
