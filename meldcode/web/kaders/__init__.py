"""The kader browser (/kaders): every kader version, rule by rule, with its flow diagram.

One blueprint, ``kaders``; the page is in ``views``, the server-drawn SVG diagram in
``diagram`` and ``svg``; templates in ``templates/kaders/``. Open to everyone.
"""

from flask import Blueprint
from flask import Flask

from meldcode.web.kaders import views


def register(app: Flask) -> None:
    """Add the kader browser to the app, under /kaders."""
    blueprint = Blueprint("kaders", __name__, url_prefix="/kaders")
    views.routes.register(blueprint)
    app.register_blueprint(blueprint)
