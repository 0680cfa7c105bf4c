"""Start the tests' OpenID provider (node-oidc-provider, tests/oidc) on 127.0.0.1.

Its packages are installed by ``make test`` from tests/oidc/package-lock.json; nothing is
fetched while the tests run. The provider prints its issuer when it listens.
"""

import json
import os
import shutil
import subprocess
import threading
from pathlib import Path

import requests

FOLDER = Path(__file__).resolve().parent.parent / "oidc"
BASE_URL = "http://127.0.0.1:5000"
CLIENT_ID = "meldcode"
CLIENT_SECRET = "een-geheim-van-de-testclient-0123456789"
KEY = "test"


class TestProvider:
    """A running provider: its issuer, and the switch that makes it forge ID tokens."""

    def __init__(self, process: subprocess.Popen, issuer: str):
        self.process = process
        self.issuer = issuer

    def tamper(self, how: str | None) -> None:
        """Make the next ID tokens wrong in one way (aud, exp, sig, nonce) or right (None)."""
        response = requests.post(f"{self.issuer}/_test/tamper", json={"tamper": how}, timeout=5)
        response.raise_for_status()

    def stop(self) -> None:
        """Stop the provider process."""
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


def start(base_url: str = BASE_URL) -> TestProvider:
    """Start the provider for an app at ``base_url``; wait (10 s at most) until it listens."""
    node = shutil.which("node")
    if node is None or not (FOLDER / "node_modules" / "oidc-provider").is_dir():
        raise RuntimeError("the test OpenID provider is not installed: run `make test`")
    client = {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "redirect_uris": [f"{base_url}/inloggen/sso/{KEY}/terug"],
        "post_logout_redirect_uris": [f"{base_url}/"],
        "token_endpoint_auth_method": "client_secret_basic",
        "grant_types": ["authorization_code"],
        "response_types": ["code"],
    }
    env = {"PATH": os.environ.get("PATH", ""), "OIDC_CLIENTS": json.dumps([client])}
    process = subprocess.Popen(
        [node, "provider.mjs"],
        cwd=FOLDER,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line: list[str] = []
    reader = threading.Thread(target=lambda: line.append(process.stdout.readline()), daemon=True)
    reader.start()
    reader.join(10)
    if not line or not line[0].strip():
        process.kill()
        raise RuntimeError("the test OpenID provider did not start")
    return TestProvider(process, json.loads(line[0])["issuer"])


def settings(issuer: str, organisations: dict[str, str], **extra) -> dict:
    """Return the OIDC_PROVIDERS entry for the test provider."""
    entry = {
        "id": KEY,
        "name": "Testschool-account",
        "issuer": issuer,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "organisation_claim": "tid",
        "organisations": organisations,
        "mfa_acr": ["urn:test:mfa"],
    }
    entry.update(extra)
    return entry
