"""The OpenID Connect client, built on Authlib: discovery, PKCE, state, nonce, ID token checks.

Authlib keeps the state, nonce and PKCE verifier of a sign-in in the signed session cookie
and checks the ID token's signature against the provider's published keys (JWKS), its
issuer, audience, expiry and nonce. This module adds what Authlib leaves to the caller: the
discovery document must name the configured issuer, and an answer without an ID token is
refused. Every failure becomes a :class:`Refused` with a short code for the page and the log.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

import requests
from authlib.integrations.base_client import MismatchingStateError
from authlib.integrations.base_client import OAuthError
from authlib.integrations.flask_client import OAuth
from flask import Flask
from flask import current_app
from flask import request
from flask import session as cookie
from joserfc.errors import JoseError

from meldcode.storage.models import Organisation
from meldcode.web.sso.providers import Provider
from meldcode.web.sso.providers import parse

EXTENSION = "meldcode_sso"
INTENT = "meldcode"  # our own entry in Authlib's state data: why the sign-in was started


class Refused(Exception):
    """A sign-in that cannot go on; ``code`` names the reason (page text, audit result)."""

    def __init__(self, code: str):
        """Keep the reason code."""
        super().__init__(code)
        self.code = code


@dataclass
class Verified:
    """The checked result of a sign-in at a provider."""

    provider: Provider
    issuer: str
    subject: str
    claims: dict
    intent: dict


@dataclass
class Registry:
    """The app's providers and their Authlib clients."""

    providers: dict[str, Provider]
    oauth: OAuth


def init_app(app: Flask) -> None:
    """Read the providers from the settings and register an Authlib client for each."""
    providers = parse(app.config.get("OIDC_PROVIDERS") or [])
    oauth = OAuth(app)
    timeout = float(app.config.get("OIDC_TIMEOUT_SECONDS") or 10)
    for provider in providers.values():
        oauth.register(
            name=provider.key,
            client_id=provider.client_id,
            client_secret=provider.client_secret,
            server_metadata_url=provider.discovery_url,
            client_kwargs={
                "scope": provider.scope,
                "code_challenge_method": "S256",
                "token_endpoint_auth_method": "client_secret_basic",
                "default_timeout": timeout,
            },
        )
    app.extensions[EXTENSION] = Registry(providers, oauth)


def providers() -> dict[str, Provider]:
    """Return the configured providers by key."""
    return current_app.extensions[EXTENSION].providers


def serving(organisation: Organisation) -> list:
    """Return the providers whose settings name this organisation (by id or name)."""
    refs = {organisation.id, organisation.name}
    return [p for p in providers().values() if refs & set(p.organisations.values())]


def _client(provider: Provider):
    """Return the Authlib client of a provider, its discovery document checked."""
    client = current_app.extensions[EXTENSION].oauth.create_client(provider.key)
    try:
        metadata = client.load_server_metadata()
    except (requests.RequestException, ValueError):
        raise Refused("network") from None
    # OpenID Connect Discovery 4.3: the document must be the configured issuer's own.
    if metadata.get("issuer") != provider.issuer:
        current_app.logger.error("OIDC provider %s: discovery names another issuer", provider.key)
        raise Refused("config")
    return client


def authorization_url(provider: Provider, redirect_uri: str, intent: dict, language: str) -> str:
    """Start a sign-in: remember state, nonce, PKCE verifier and intent; return the URL."""
    client = _client(provider)
    found = client.create_authorization_url(redirect_uri, ui_locales=language)
    client.save_authorize_data(redirect_uri=redirect_uri, **found, **{INTENT: intent})
    return found["url"]


def finish(provider: Provider) -> Verified:
    """Complete a sign-in from the provider's redirect; raise Refused when anything is off."""
    client = _client(provider)
    state = request.args.get("state") or ""
    data = client.framework.get_state_data(cookie, state) if state else None
    intent = (data or {}).get(INTENT) or {}
    try:
        token = client.authorize_access_token()
    except MismatchingStateError:
        raise Refused("state") from None
    except OAuthError as error:  # the provider said no, or refused the code (e.g. replayed)
        current_app.logger.info("OIDC provider %s: %s", provider.key, error.error)
        raise Refused("provider") from None
    except (JoseError, ValueError) as error:
        current_app.logger.info("OIDC provider %s: ID token refused: %s", provider.key, error)
        raise Refused("token") from None
    except requests.RequestException:
        raise Refused("network") from None
    claims = dict(token.get("userinfo") or {})
    if not claims.get("sub") or claims.get("iss") != provider.issuer:
        raise Refused("token")  # no ID token at all, or one without a subject
    return Verified(provider, provider.issuer, str(claims["sub"]), claims, intent)


def end_session_url(provider: Provider) -> str | None:
    """Return the provider's end-session URL (RP-initiated logout), or None if it has none.

    No ID token is kept after sign-in (it holds personal claims), so the request names the
    client instead of an ``id_token_hint``; the provider may then ask the user to confirm.
    """
    try:
        metadata = _client(provider).load_server_metadata()
    except Refused:
        return None
    endpoint = metadata.get("end_session_endpoint")
    if not endpoint:
        return None
    base = current_app.config["BASE_URL"].rstrip("/")
    query = urlencode({"client_id": provider.client_id, "post_logout_redirect_uri": base + "/"})
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
