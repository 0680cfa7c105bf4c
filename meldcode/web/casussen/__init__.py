"""The case wizard (/casussen): the case list, the five steps and every page of a case.

One blueprint, ``casussen``, over one module per page (named after its URL; the URL →
module table is in docs/wizard-internals.md). Every view is marked ``case`` and reaches
cases only through meldcode.web.casework. Templates are in ``templates/casussen/``.
"""

from flask import Blueprint
from flask import Flask

from meldcode.web.casussen import afweging
from meldcode.web.casussen import beslissing
from meldcode.web.casussen import consultatie
from meldcode.web.casussen import controleren
from meldcode.web.casussen import delen
from meldcode.web.casussen import dossier
from meldcode.web.casussen import evaluatie
from meldcode.web.casussen import formulier
from meldcode.web.casussen import hulp
from meldcode.web.casussen import informeren
from meldcode.web.casussen import instellingen
from meldcode.web.casussen import lijst
from meldcode.web.casussen import melding
from meldcode.web.casussen import nieuw
from meldcode.web.casussen import overzicht
from meldcode.web.casussen import route
from meldcode.web.casussen import sluiten
from meldcode.web.casussen import stap1
from meldcode.web.casussen import stap1_check
from meldcode.web.casussen import stap1_vraag
from meldcode.web.casussen import stap2
from meldcode.web.casussen import stap2_overnemen
from meldcode.web.casussen import stap2_vergelijking
from meldcode.web.casussen import stap2_vraag
from meldcode.web.casussen import stap3
from meldcode.web.casussen import stap4
from meldcode.web.casussen import stap5
from meldcode.web.casussen import tijdlijn
from meldcode.web.casussen import toegang
from meldcode.web.casussen.voortgang import later_words

PAGES = (
    lijst,
    nieuw,
    overzicht,
    stap1,
    stap1_vraag,
    stap1_check,
    stap2,
    stap2_vraag,
    stap2_vergelijking,
    stap2_overnemen,
    delen,
    consultatie,
    stap3,
    stap4,
    stap5,
    afweging,
    beslissing,
    route,
    informeren,
    melding,
    hulp,
    evaluatie,
    controleren,
    tijdlijn,
    toegang,
    dossier,
    instellingen,
    sluiten,
)


def register(app: Flask) -> None:
    """Add the case pages to the app, under /casussen."""
    blueprint = Blueprint("casussen", __name__, url_prefix="/casussen")
    for page in PAGES:
        page.routes.register(blueprint)
    blueprint.url_defaults(formulier.add_key)  # links to an add-form carry its record's key
    app.register_blueprint(blueprint)
    # The case list, the task list and stap 5 word what a decision still waits for.
    app.add_template_global(later_words, "stand_words")
