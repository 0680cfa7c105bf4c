"""Accounts: signing in and out, the first start, your own account, accepting an invitation.

One blueprint, ``account``, without a URL prefix (/inloggen, /account, /uitnodiging …),
over one module per page; templates are in ``templates/account/``.
"""

from flask import Blueprint
from flask import Flask

from meldcode.web.account import gegevens
from meldcode.web.account import herstelcode
from meldcode.web.account import herstellen
from meldcode.web.account import inloggen
from meldcode.web.account import inloggen_code
from meldcode.web.account import setup
from meldcode.web.account import tweestaps
from meldcode.web.account import uitnodiging

PAGES = (
    inloggen,
    inloggen_code,
    herstelcode,
    setup,
    gegevens,
    herstellen,
    tweestaps,
    uitnodiging,
)


def register(app: Flask) -> None:
    """Add the account pages to the app."""
    blueprint = Blueprint("account", __name__)
    for page in PAGES:
        page.routes.register(blueprint)
    app.register_blueprint(blueprint)
