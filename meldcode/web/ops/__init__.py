"""Operations: the health and readiness probes for load balancers and orchestrators.

One blueprint, ``ops``, without a URL prefix (``/healthz``, ``/readyz``); no templates.
The request log (meldcode.web.requestlog) and the job queue client (meldcode.web.queue)
are app-wide plumbing, set up by the app factory.
"""

from flask import Blueprint
from flask import Flask

from meldcode.web.ops import probes

PAGES = (probes,)


def register(app: Flask) -> None:
    """Add the probes to the app."""
    blueprint = Blueprint("ops", __name__)
    for page in PAGES:
        page.routes.register(blueprint)
    app.register_blueprint(blueprint)
