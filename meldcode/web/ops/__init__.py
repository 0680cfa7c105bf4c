"""Operations: health and readiness probes, request logs, and the app's job queue client.

``register(app)`` is the one call the app factory makes: it adds the probe routes, the
request log (JSON lines when ``LOG_FORMAT = "json"``) and a :class:`meldcode.jobs.service.Jobs`
in ``app.extensions`` for the pages that enqueue renders and mails.
"""

from flask import Flask
from flask import current_app

JOBS_KEY = "meldcode_jobs"


def register(app: Flask) -> None:
    """Add the probes, the request log and the job queue client to ``app``."""
    from meldcode.jobs.service import Jobs
    from meldcode.web.database import KEY as DATABASE_KEY
    from meldcode.web.ops import probes
    from meldcode.web.ops import requestlog

    app.register_blueprint(probes.bp)
    requestlog.init_app(app)
    app.extensions[JOBS_KEY] = Jobs(
        app.config,
        database=app.extensions[DATABASE_KEY],
        registry=app.extensions.get("meldcode_registry"),
    )


def jobs():
    """Return the running app's job queue client."""
    return current_app.extensions[JOBS_KEY]
