"""Every blueprint of the app, registered in one place so the URL map is easy to see."""

from flask import Flask


def register_blueprints(app: Flask) -> None:
    """Register the pages: kaders, accounts, beheer, cases and training."""
    from meldcode.web import account
    from meldcode.web import account_security  # noqa: F401 - adds its routes to account.bp
    from meldcode.web import beheer
    from meldcode.web import kaders
    from meldcode.web import oefenen
    from meldcode.web.casus import bp as cases

    app.register_blueprint(kaders.bp)
    app.register_blueprint(account.bp)
    app.register_blueprint(beheer.bp)
    app.register_blueprint(cases)
    oefenen.register(app)
