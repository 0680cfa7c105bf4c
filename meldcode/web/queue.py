"""The app's client of the background job queue (meldcode.jobs): renders and mails to enqueue.

One :class:`meldcode.jobs.service.Jobs` per app, in ``app.extensions``; pages that hand work
to the worker take it with :func:`jobs`. The readiness probe asks it whether the queue's
store answers.
"""

from flask import Flask
from flask import current_app

from meldcode.web.database import KEY as DATABASE_KEY
from meldcode.web.registry import KEY as REGISTRY_KEY

KEY = "meldcode_jobs"


def init_app(app: Flask) -> None:
    """Connect the app to the job queue its settings name (after the database is set up)."""
    from meldcode.jobs.service import Jobs  # Huey loads only when an app is built

    app.extensions[KEY] = Jobs(
        app.config,
        database=app.extensions[DATABASE_KEY],
        registry=app.extensions.get(REGISTRY_KEY),
    )


def jobs():
    """Return the running app's job queue client."""
    return current_app.extensions[KEY]
