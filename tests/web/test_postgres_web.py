"""The signed-in app on PostgreSQL: the same walk as on SQLite (storage tests run on both too)."""

import re

import pytest

from tests.web.wizard import Visitor
from tests.web.wizard import make_world


@pytest.fixture
def pg_app(tmp_path, pg_cluster):
    from tests.appfactory import build_app

    app = build_app(tmp_path / "instance", database_url=pg_cluster.new_database())
    yield app
    app.extensions["meldcode_db"].dispose()


@pytest.mark.postgres
def test_a_case_walks_on_postgres(pg_app):
    make_world(pg_app)
    owner = Visitor(pg_app)
    assert owner.login("owner").status_code == 303
    case_id = owner.new_case()
    response = owner.form(
        f"/casussen/{case_id}/stap-1/signaal/nieuw",
        {"datum": "2026-09-14", "waarneming": "Blauwe plek op de bovenarm"},
    )
    assert response.status_code == 303
    page = owner.page(f"/casussen/{case_id}/stap-1")
    assert "Blauwe plek op de bovenarm" in page
    key = re.search(r"/stap-1/signaal/([0-9a-f]{32})\"", page).group(1)
    url = f"/casussen/{case_id}/stap-1/signaal/{key}"
    assert owner.form(url, {"datum": "2026-09-14", "waarneming": "tweede"}).status_code == 303
    stale = owner.form(url, {"datum": "2026-09-14", "waarneming": "derde", "versie": "1"})
    assert stale.status_code == 409
    stranger = Visitor(pg_app)
    stranger.login("stranger")
    assert stranger.get(f"/casussen/{case_id}").status_code == 404
