"""Single sign-on with OpenID Connect: sign in through the organisation's own accounts.

``register(app)`` reads the providers from the settings (``OIDC_PROVIDERS``), sets up an
Authlib client for each, and adds the pages: the sign-in start and the provider's redirect
back (``views``), the account's linked sign-ins and the beheerder's settings (``manage``).
"""

from flask import Blueprint
from flask import Flask

bp = Blueprint("sso", __name__)


def register(app: Flask) -> None:
    """Add single sign-on to the app."""
    from meldcode.storage.identities import has_email
    from meldcode.web.sso import client
    from meldcode.web.sso import manage  # noqa: F401 - the modules add their routes
    from meldcode.web.sso import views  # noqa: F401

    client.init_app(app)
    app.register_blueprint(bp)
    app.add_template_global(lambda: list(client.providers().values()), "sso_providers")
    app.add_template_filter(lambda user: user.email if has_email(user) else "", "real_email")
