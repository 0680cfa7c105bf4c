"""Training mode on the web: the trainer's sessions and the participants' own pages.

``trainer_bp`` (/oefensessies, role trainer): start a session on a case from the library,
show its code and QR code, follow the class live, reveal model answers, lock questions,
print the class report. ``bp`` (/oefenen, no account): join with the code and walk the case
through the same step pages as a real case. Every page and PDF says OEFENEN.
"""

from flask import Blueprint
from flask import Flask

trainer_bp = Blueprint("training", __name__, url_prefix="/oefensessies")
bp = Blueprint("oefenen", __name__, url_prefix="/oefenen")


def register(app: Flask) -> None:
    """Add the training pages to the app."""
    from meldcode.web.oefenen import controls  # noqa: F401 - the modules add their routes
    from meldcode.web.oefenen import join  # noqa: F401
    from meldcode.web.oefenen import live  # noqa: F401
    from meldcode.web.oefenen import outcome  # noqa: F401
    from meldcode.web.oefenen import steps  # noqa: F401
    from meldcode.web.oefenen import trainer  # noqa: F401

    app.register_blueprint(trainer_bp)
    app.register_blueprint(bp)
