"""One log line per request: id, route pattern, method, status, duration, user id.

The route is the URL rule (``/casussen/<case_id>``), never the path or query string, so
an invitation token in a URL never reaches the log. Every response carries its request
id in ``X-Request-ID``; a well-formed id from a proxy in front is kept, so lines of the
proxy and the app can be matched.
"""

import logging
import re
import time
import uuid

from flask import Flask
from flask import g
from flask import request

log = logging.getLogger("meldcode.request")
INCOMING_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def init_app(app: Flask) -> None:
    """Time every request, give it an id, and log it when LOG_FORMAT is json."""
    as_json = app.config.get("LOG_FORMAT") == "json"
    if as_json:
        from meldcode import logs

        logs.configure("json", app.config.get("LOG_STREAM"))

    def _start():
        """Remember when the request started and give it an id."""
        g.request_started = time.perf_counter()
        given = request.headers.get("X-Request-ID", "")
        g.request_id = given if INCOMING_ID.match(given) else uuid.uuid4().hex

    # First of all hooks, so the duration includes signing in and the daily purge check.
    app.before_request_funcs.setdefault(None, []).insert(0, _start)

    @app.after_request
    def _finish(response):
        """Add the id to the response and log the request (JSON mode)."""
        request_id = g.get("request_id") or uuid.uuid4().hex
        response.headers["X-Request-ID"] = request_id
        if as_json:
            started = g.get("request_started", time.perf_counter())
            user = g.get("user")
            log.info(
                "request",
                extra={
                    "request_id": request_id,
                    "route": request.url_rule.rule if request.url_rule else "-",
                    "method": request.method,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "user_id": getattr(user, "id", None),
                },
            )
        return response
