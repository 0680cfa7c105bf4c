"""Single sign-on with OpenID Connect: sign in through the organisation's own accounts.

One blueprint, ``sso``, without a URL prefix (its pages sit where a user looks for them:
/inloggen/sso/…, /uitgelogd/…, /account/inloggen-via, /beheer/inloggen), over one module
per page; templates are in ``templates/sso/``. ``register(app)`` also reads the providers
from the settings (``OIDC_PROVIDERS``) and sets up an Authlib client for each.
"""

from flask import Blueprint
from flask import Flask

from meldcode.storage.identities import has_email
from meldcode.web.sso import beheer_inloggen
from meldcode.web.sso import client
from meldcode.web.sso import inloggen
from meldcode.web.sso import inloggen_via

PAGES = (inloggen, inloggen_via, beheer_inloggen)


def register(app: Flask) -> None:
    """Add single sign-on to the app: the providers' clients, the pages, two template helpers."""
    client.init_app(app)
    blueprint = Blueprint("sso", __name__)
    for page in PAGES:
        page.routes.register(blueprint)
    app.register_blueprint(blueprint)
    app.add_template_global(lambda: list(client.providers().values()), "sso_providers")
    app.add_template_filter(lambda user: user.email if has_email(user) else "", "real_email")
