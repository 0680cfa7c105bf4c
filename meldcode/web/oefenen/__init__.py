"""Training mode: the trainer's sessions (/oefensessies) and the participants' pages (/oefenen).

Two blueprints, one area: ``oefensessies`` (role trainer) starts a session on a case from
the library, shows its code and QR code, follows the class live, reveals model answers,
locks questions and prints the class report; ``oefenen`` (no account) joins with the code
and walks the case through the same questions as a real case. Templates are in
``templates/oefenen/``; every page and PDF says OEFENEN.
"""

from flask import Blueprint
from flask import Flask
from flask_wtf.csrf import CSRFError

from meldcode.web.oefenen import bediening
from meldcode.web.oefenen import export
from meldcode.web.oefenen import klasbeheer
from meldcode.web.oefenen import klasverslag
from meldcode.web.oefenen import live
from meldcode.web.oefenen import meedoen
from meldcode.web.oefenen import muur
from meldcode.web.oefenen import sessies
from meldcode.web.oefenen import stap
from meldcode.web.oefenen import uitkomst
from meldcode.web.oefenen import vergelijken
from meldcode.web.oefenen import vraag

TRAINER_PAGES = (sessies, vergelijken, live, klasverslag, bediening, klasbeheer, muur, export)
PARTICIPANT_PAGES = (meedoen, stap, vraag, uitkomst)


def register(app: Flask) -> None:
    """Add the trainer's and the participants' pages to the app."""
    trainer = Blueprint("oefensessies", __name__, url_prefix="/oefensessies")
    for page in TRAINER_PAGES:
        page.routes.register(trainer)
    participant = Blueprint("oefenen", __name__, url_prefix="/oefenen")
    for page in PARTICIPANT_PAGES:
        page.routes.register(participant)
    # A participant's form whose security check expired comes back with the text kept.
    participant.register_error_handler(CSRFError, vraag.stale_form)
    app.register_blueprint(trainer)
    app.register_blueprint(participant)
