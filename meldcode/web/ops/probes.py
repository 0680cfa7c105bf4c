"""``/healthz`` and ``/readyz`` for load balancers and orchestrators; no sign-in, no details.

``/healthz`` answers while the process can answer at all, and touches nothing else.
``/readyz`` checks what serving needs: the database answers, its schema is the one this
code expects, the kaders are loaded, the job queue answers. It names each check with
ok/fail and nothing more: no versions, hosts, paths or error texts (those go to the log).
"""

import logging

from flask import jsonify
from sqlalchemy import text

from meldcode.storage.migrate import head
from meldcode.web.access import access
from meldcode.web.database import database
from meldcode.web.queue import jobs
from meldcode.web.registry import registry
from meldcode.web.routes import Routes

routes = Routes()
log = logging.getLogger("meldcode.ops")


def _no_store(response, status: int):
    """Return the response with a status, never cached."""
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


@routes.get("/healthz")
@access("public")
def healthz():
    """Answer that the process is alive."""
    return _no_store(jsonify(status="ok"), 200)


def _database() -> bool:
    """Tell whether the database answers a query."""
    with database().engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    return True


def _schema() -> bool:
    """Tell whether the database schema is the newest one this code knows."""
    with database().engine.connect() as connection:
        found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return found == head()


def _kaders() -> bool:
    """Tell whether the kaders are loaded."""
    return bool(registry().ids())


def _queue() -> bool:
    """Tell whether the job queue's store answers."""
    return jobs().reachable()


CHECKS = {"database": _database, "schema": _schema, "kaders": _kaders, "queue": _queue}


@routes.get("/readyz")
@access("public")
def readyz():
    """Run every check; 200 when all pass, 503 naming the ones that failed."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = "ok" if check() else "fail"
        except Exception as exc:  # noqa: BLE001 - a probe reports, it never raises
            log.warning("readiness check %s failed: %s", name, type(exc).__name__)
            results[name] = "fail"
    ready = all(value == "ok" for value in results.values())
    body = jsonify(status="ready" if ready else "not ready", checks=results)
    return _no_store(body, 200 if ready else 503)
