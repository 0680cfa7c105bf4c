"""One stack for the job tests: an SMTP server, the app, and a real ``meldcode worker``.

The app (the web side) writes outbox rows and render requests and enqueues them; the
worker, a separate process on the same instance folder and queue, does the work. Nothing
in between is replaced: the queue is Huey's SQLite store, the mail server is aiosmtpd.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

import pytest

from meldcode.kader.words import LOCAL_TIME
from tests.appfactory import TEST_KEYS
from tests.appfactory import build_app
from tests.jobs.workerproc import running_worker
from tests.jobs.world import build_world
from tests.mailserver import smtp_server

SENDER = "meldcode@school.example"
BASE_URL = "https://meldcode.school.example"


def today() -> datetime.date:
    """Return today's date in the Netherlands (the reminders' calendar)."""
    return datetime.datetime.now(LOCAL_TIME).date()


def job_settings(folder: Path, url: str, port: int) -> dict:
    """Return the settings the app and the worker share."""
    return {
        "INSTANCE_PATH": str(folder),
        "DATABASE_URL": url,
        "SECRET_KEY": "test-secret-key-not-for-production",
        "DATA_KEYS": TEST_KEYS,
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": port,
        "SMTP_SECURITY": "none",
        "MAIL_FROM": SENDER,
        "MAIL_RETRY_SECONDS": 1,
        "BASE_URL": BASE_URL,
        "LOG_FORMAT": "json",
        "PDF_CONCURRENCY": 2,
    }


@dataclass
class Stack:
    """The running pieces."""

    app: object
    world: object
    inbox: object
    settings: dict
    worker_log: Path

    @property
    def jobs(self):
        return self.app.extensions["meldcode_jobs"]

    @property
    def database(self):
        return self.app.extensions["meldcode_db"]


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    folder = tmp_path_factory.mktemp("jobs")
    with smtp_server() as (inbox, port):
        settings = job_settings(folder, f"sqlite:///{folder / 'test.sqlite3'}", port)
        config = {k: v for k, v in settings.items() if k != "LOG_FORMAT"}
        app = build_app(folder, dict(config, PDF_WARM_UP=False))
        world = build_world(
            app,
            evaluatie=today(),
            melding=today() - datetime.timedelta(days=10),
        )
        log = folder / "worker.log"
        with running_worker(settings, log):
            yield Stack(app, world, inbox, settings, log)
