"""Helpers for tests of the signed-in app: an isolated app, accounts, and a browser-like client.

``Visitor.form(url, data)`` opens the page first (as a person would), takes the CSRF token and
the record version from the form, and posts it.
"""

import re
from dataclasses import dataclass

from meldcode.storage import accounts
from meldcode.storage.models import Organisation
from tests.appfactory import build_app

PASSWORD = "een lange zin als wachtwoord"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
VERSION = re.compile(r'name="versie"[^>]*value="([^"]*)"')


@dataclass
class People:
    """The organisations and accounts of a test world (ids)."""

    org: str
    other_org: str
    owner: str
    colleague: str
    af: str
    beheerder: str
    stranger: str
    trainer: str


def make_world(app) -> People:
    """Create two organisations and one account of each role; return their ids."""
    database = app.extensions["meldcode_db"]

    def work(s):
        org = Organisation(name="OBS De Linde", default_kader="onderwijs")
        other = Organisation(name="Huisartsenpraktijk Zuid", default_kader="artsen")
        s.add_all([org, other])
        s.flush()
        made = {
            "owner": accounts.create_user(
                s, org, "mentor@delinde.nl", "medewerker", PASSWORD, "Mentor"
            ),
            "colleague": accounts.create_user(
                s, org, "collega@delinde.nl", "medewerker", PASSWORD, "Collega"
            ),
            "af": accounts.create_user(
                s, org, "af@delinde.nl", "aandachtsfunctionaris", PASSWORD, "Aandachtsfunctionaris"
            ),
            "beheerder": accounts.create_user(
                s, org, "beheer@delinde.nl", "beheerder", PASSWORD, "Beheerder"
            ),
            "stranger": accounts.create_user(
                s, other, "arts@zuid.nl", "medewerker", PASSWORD, "Arts"
            ),
            "trainer": accounts.create_user(
                s, org, "trainer@delinde.nl", "trainer", PASSWORD, "Trainer"
            ),
        }
        return People(org.id, other.id, **{k: u.id for k, u in made.items()})

    return database.run_write(work)


EMAILS = {
    "owner": "mentor@delinde.nl",
    "colleague": "collega@delinde.nl",
    "af": "af@delinde.nl",
    "beheerder": "beheer@delinde.nl",
    "stranger": "arts@zuid.nl",
    "trainer": "trainer@delinde.nl",
}


class Visitor:
    """A test client that behaves like a person with a browser."""

    def __init__(self, app):
        self.app = app
        self.client = app.test_client()

    def get(self, url, **kwargs):
        return self.client.get(url, **kwargs)

    def page(self, url) -> str:
        response = self.client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response.get_data(as_text=True)

    def form(self, url, data: dict, page_url: str | None = None, keep_version=True):
        """Open ``page_url`` (default ``url``), then post ``data`` with its CSRF and version."""
        html = self.page(page_url or url)
        token = CSRF.search(html).group(1)
        payload = {"csrf_token": token}
        version = VERSION.search(html)
        if keep_version and version and "versie" not in data:
            payload["versie"] = version.group(1)
        payload.update(data)
        return self.client.post(url, data=payload)

    def login(self, who: str, password: str = PASSWORD):
        return self.form("/inloggen", {"email": EMAILS.get(who, who), "password": password})

    def new_case(self, label="J.B., 2016", kader="onderwijs", zorg_sinds="2026-09-14") -> str:
        """Create a case; return its id."""
        response = self.form(
            "/casussen/nieuw", {"kader": kader, "label": label, "zorg_sinds": zorg_sinds}
        )
        assert response.status_code == 303, response.get_data(as_text=True)[:2000]
        return response.headers["Location"].rsplit("/", 1)[-1]


def fresh_app(tmp_path, **config):
    """Build an isolated app (own instance folder and SQLite database)."""
    return build_app(tmp_path / "instance", config)
