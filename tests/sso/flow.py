"""Walk a sign-in as a person's browser would: the app (test client) and the provider (HTTP)."""

import json
import re
from urllib.parse import urljoin
from urllib.parse import urlsplit

import requests

from tests.sso.provider import BASE_URL
from tests.web.wizard import Visitor

FORM_ACTION = re.compile(r'<form method="post" action="([^"]+)"')


class SsoVisitor(Visitor):
    """A visitor whose browser also talks to the OpenID provider."""

    def __init__(self, app):
        super().__init__(app)
        self.browser = requests.Session()  # the provider's cookies live here

    def start(self, **args) -> str:
        """Press the sign-in button; return the provider URL the app sends the browser to."""
        response = self.client.get("/inloggen/sso/test", query_string=args)
        assert response.status_code == 302, response.status_code
        return response.headers["Location"]

    def at_provider(self, url: str, account="alice", claims=None, amr="pwd", acr="") -> str:
        """Sign in at the provider; return the URL it sends the browser back to (the app's)."""
        page = self.browser.get(url, timeout=10)
        assert page.status_code == 200, page.text[:500]
        action = FORM_ACTION.search(page.text).group(1)
        fields = {"account": account, "claims": json.dumps(claims or {}), "amr": amr, "acr": acr}
        response = self.browser.post(
            urljoin(page.url, action), data=fields, allow_redirects=False, timeout=10
        )
        for _ in range(10):  # login -> /auth -> consent -> /auth -> back to the app
            location = urljoin(response.url, response.headers["Location"])
            if location.startswith(BASE_URL):
                return location
            response = self.browser.get(location, allow_redirects=False, timeout=10)
        raise AssertionError("the provider did not send the browser back")

    def back(self, url: str):
        """Follow the provider's redirect back into the app."""
        parts = urlsplit(url)
        return self.client.get(parts.path, query_string=parts.query)

    def sign_in(self, claims=None, account="alice", amr="pwd", acr="", **args):
        """Do the whole sign-in; return the app's answer to the redirect back."""
        back = self.at_provider(self.start(**args), account, claims, amr, acr)
        return self.back(back)
