"""The OpenID providers the administrator configured (setting ``OIDC_PROVIDERS``).

A provider is a technical connection with a client secret, so it lives in the settings next
to the other secrets, not in the database a beheerder edits. Which organisation a sign-in
belongs to is also the administrator's: a beheerder who could name another organisation's
tenant would capture its staff. What each organisation decides for itself (the role of a new
account, whether passwords still work) is in the database, on the beheer page.
"""

import re
from dataclasses import dataclass
from dataclasses import field
from urllib.parse import urlsplit

KEY = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
REQUIRED = ("id", "name", "issuer", "client_id", "client_secret", "organisation_claim")


class ProviderConfigError(ValueError):
    """A provider in OIDC_PROVIDERS is incomplete or unsafe; the app does not start."""


@dataclass(frozen=True)
class Provider:
    """One OpenID provider: where it is, who we are there, and how to read its claims."""

    key: str
    name: str
    issuer: str
    client_id: str
    client_secret: str
    organisation_claim: str
    organisations: dict[str, str] = field(default_factory=dict)
    scope: str = "openid profile email"
    mfa_amr: tuple[str, ...] = ("mfa",)
    mfa_acr: tuple[str, ...] = ()

    @property
    def discovery_url(self) -> str:
        """Return the provider's discovery document URL."""
        return self.issuer.rstrip("/") + "/.well-known/openid-configuration"

    def organisation_refs(self, value) -> set[str]:
        """Return the organisations (id or name) that a claim value names."""
        values = value if isinstance(value, list) else [value]
        return {
            self.organisations[v] for v in values if isinstance(v, str) and v in self.organisations
        }

    def vouches_mfa(self, claims: dict) -> bool:
        """Tell whether the ID token says the user signed in with more than one factor."""
        amr = claims.get("amr") or []
        amr = amr if isinstance(amr, list) else [amr]
        return bool(set(amr) & set(self.mfa_amr)) or claims.get("acr") in self.mfa_acr


def _issuer_ok(issuer: str) -> bool:
    """Accept https issuers, and plain http only on this machine (the tests' provider)."""
    parts = urlsplit(issuer)
    if parts.scheme == "https" and parts.hostname:
        return not parts.query and not parts.fragment
    return parts.scheme == "http" and parts.hostname in LOOPBACK


def parse(entries) -> dict[str, Provider]:
    """Return the configured providers by key; raise ProviderConfigError on a bad entry."""
    if not isinstance(entries, list):
        raise ProviderConfigError("OIDC_PROVIDERS must be a list of providers")
    found: dict[str, Provider] = {}
    for entry in entries:
        if not isinstance(entry, dict):
            raise ProviderConfigError("each entry of OIDC_PROVIDERS must be a mapping")
        missing = [k for k in REQUIRED if not entry.get(k)]
        key = str(entry.get("id", ""))
        if missing:
            raise ProviderConfigError(f"OIDC provider {key!r} lacks {', '.join(missing)}")
        if not KEY.fullmatch(key) or key in found:
            raise ProviderConfigError(f"OIDC provider id {key!r}: lower case, digits, '-', unique")
        if not _issuer_ok(entry["issuer"]):
            raise ProviderConfigError(f"OIDC provider {key!r}: the issuer must be an https URL")
        organisations = entry.get("organisations") or {}
        if not isinstance(organisations, dict):
            raise ProviderConfigError(f"OIDC provider {key!r}: organisations must be a mapping")
        found[key] = Provider(
            key=key,
            name=str(entry["name"]),
            issuer=str(entry["issuer"]),
            client_id=str(entry["client_id"]),
            client_secret=str(entry["client_secret"]),
            organisation_claim=str(entry["organisation_claim"]),
            organisations={str(k): str(v) for k, v in organisations.items()},
            scope=str(entry.get("scope") or "openid profile email"),
            mfa_amr=tuple(entry.get("mfa_amr", ("mfa",))),
            mfa_acr=tuple(entry.get("mfa_acr", ())),
        )
        if "openid" not in found[key].scope.split():
            raise ProviderConfigError(f"OIDC provider {key!r}: the scope must include openid")
    return found
