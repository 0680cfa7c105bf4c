"""Gunicorn settings every web start uses (``gunicorn -c python:meldcode.gunicorn_config``).

Only what a deployment should not have to think of lives here; workers, bind address and
timeout stay on the command line. This module imports nothing of the app: gunicorn's
master reads it before any worker loads ``meldcode.web``.
"""

import gc

# A collection of the youngest generation runs after this many new container objects
# (Python's default: 700). A request makes thousands (ORM rows, forms, templates), so the
# default collects several times per request; the garbage it finds is the same either way.
YOUNG_GENERATION_THRESHOLD = 10_000


def post_worker_init(worker) -> None:
    """Freeze what the worker has loaded, then collect less often.

    The app, its kaders, templates and translations live as long as the worker. Frozen,
    the collector stops walking them on every full collection; what a request leaves
    behind is still collected.
    """
    gc.collect()
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, middle, oldest)
