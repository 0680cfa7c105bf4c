"""A signed-in app for the web race tests, on SQLite or on a PostgreSQL database."""

import re

from tests.appfactory import build_app
from tests.web.wizard import Visitor
from tests.web.wizard import make_world

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
VERSION = re.compile(r'name="versie"[^>]*value="([^"]*)"')


def app_on(kind: str, folder, cluster=None, **config):
    """Build an app with its world on SQLite (``kind`` "sqlite") or a fresh PostgreSQL clone."""
    url = cluster.new_database() if kind == "postgres" else None
    app = build_app(folder, config, database_url=url)
    return app, make_world(app)


def opened(visitor: Visitor, url: str) -> dict:
    """Open a form page as a person would; return its CSRF token and version to post back."""
    html = visitor.page(url)
    found = {"csrf_token": CSRF.search(html).group(1)}
    version = VERSION.search(html)
    if version:
        found["versie"] = version.group(1)
    return found


def poster(visitor: Visitor, url: str, data: dict):
    """Return a call that posts ``data`` to ``url`` and gives back the status code."""
    return lambda: visitor.client.post(url, data=data).status_code


def signed_in(app, who: str, count: int) -> list[Visitor]:
    """Return ``count`` browsers (own cookies) signed in as the same person: two tabs or PCs."""
    found = []
    for _ in range(count):
        visitor = Visitor(app)
        assert visitor.login(who).status_code == 303
        found.append(visitor)
    return found
