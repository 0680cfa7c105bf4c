"""Beheer (/beheer): the organisation's accounts, invitations, settings and audit log.

One blueprint, ``beheer``, over one module per page; templates in ``templates/beheer/``.
A beheerder manages people and settings, never reads case content.
"""

from flask import Blueprint
from flask import Flask

from meldcode.web.beheer import gebruikers
from meldcode.web.beheer import instellingen
from meldcode.web.beheer import logboek
from meldcode.web.beheer import organisaties
from meldcode.web.beheer import uitnodigen
from meldcode.web.beheer import wachtwoord

PAGES = (gebruikers, uitnodigen, wachtwoord, organisaties, instellingen, logboek)


def register(app: Flask) -> None:
    """Add the beheer pages to the app, under /beheer."""
    blueprint = Blueprint("beheer", __name__, url_prefix="/beheer")
    for page in PAGES:
        page.routes.register(blueprint)
    app.register_blueprint(blueprint)
