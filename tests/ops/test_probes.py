"""/healthz and /readyz: unauthenticated, uncached, and telling an attacker nothing."""

import json

import pytest
from sqlalchemy import text

from meldcode.storage.migrate import head
from tests.appfactory import build_app

LEAKS = ("sqlite", "postgres", "0001", "0002", "/tmp", "Error", "Traceback", "huey")


@pytest.fixture
def ops_app(tmp_path):
    return build_app(tmp_path / "app", {"PDF_WARM_UP": False})


def body_of(response) -> str:
    return response.get_data(as_text=True)


def assert_tells_nothing(response, tmp_path):
    text_ = body_of(response)
    for word in (*LEAKS, head(), str(tmp_path)):
        assert word not in text_, word
    assert set(response.json) <= {"status", "checks"}
    assert response.headers["Cache-Control"] == "no-store"


def test_healthz_answers_without_signing_in(ops_app, tmp_path):
    response = ops_app.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}
    assert_tells_nothing(response, tmp_path)
    assert response.headers["Content-Security-Policy"]  # the app's headers apply here too


def test_readyz_is_ready_when_everything_answers(ops_app, tmp_path):
    response = ops_app.test_client().get("/readyz")
    assert response.status_code == 200
    assert response.json == {
        "status": "ready",
        "checks": {"database": "ok", "schema": "ok", "kaders": "ok", "queue": "ok"},
    }
    assert_tells_nothing(response, tmp_path)


def test_readyz_fails_when_the_schema_is_behind(ops_app, tmp_path):
    database = ops_app.extensions["meldcode_db"]
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    response = ops_app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.json["checks"]["schema"] == "fail"
    assert response.json["checks"]["database"] == "ok"
    assert_tells_nothing(response, tmp_path)


def test_readyz_fails_when_the_queue_is_unreachable(ops_app, tmp_path):
    storage = ops_app.extensions["meldcode_jobs"].huey.storage
    storage.close()
    storage.filename = str(tmp_path)  # a folder: SQLite cannot open it, as a lost disk
    response = ops_app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.json["checks"]["queue"] == "fail"
    assert_tells_nothing(response, tmp_path)
    assert ops_app.test_client().get("/healthz").status_code == 200


def test_readyz_fails_when_the_kaders_are_gone(ops_app, tmp_path):
    registry = ops_app.extensions["meldcode_registry"]
    ops_app.extensions["meldcode_registry"] = type(registry).__new__(type(registry))
    response = ops_app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.json["checks"]["kaders"] == "fail"


@pytest.mark.postgres
def test_healthz_lives_and_readyz_fails_when_the_database_is_gone(pg_cluster, tmp_path):
    url = pg_cluster.new_database()
    # The daily purge check runs on every request as in production (it writes the database).
    settings = {"PDF_WARM_UP": False, "PURGE_IN_TESTS": True}
    checker = build_app(tmp_path / "a", settings, url)
    assert checker.test_client().get("/readyz").status_code == 200
    checker.extensions["meldcode_jobs"].huey.storage.close()
    checker.extensions["meldcode_db"].dispose()
    # A second app that has served nothing yet: its first request meets the dead database.
    app = build_app(tmp_path / "pg", settings, database_url=url)
    client = app.test_client()
    name = url.split("?")[0].rsplit("/", 1)[-1]
    app.extensions["meldcode_db"].dispose()
    app.extensions["meldcode_jobs"].huey.storage.close()
    pg_cluster.execute(f"DROP DATABASE {name} WITH (FORCE)")
    health = client.get("/healthz")
    assert health.status_code == 200 and json.loads(body_of(health)) == {"status": "ok"}
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json["checks"] == {
        "database": "fail",
        "schema": "fail",
        "kaders": "ok",
        "queue": "fail",  # on PostgreSQL the queue lives in the same database
    }
    assert_tells_nothing(response, tmp_path)
