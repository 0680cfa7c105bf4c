"""The meldcode web app: an application factory that reads like a table of contents.

Everything is wired up inside :func:`create_app`, so importing this package has no side
effects: tests and the command line build as many apps as they like, each with its config.
App-wide plumbing sits in this folder; each area of pages is a package that registers its
own routes (docs/wizard-internals.md has the URL → module table).
"""

from flask import Flask

from meldcode import paths

# Web-only settings; everything shared with the command line is in meldcode.settings.
WEB_DEFAULTS = {
    "LANGUAGES": ("nl", "en"),
    "DEFAULT_LANGUAGE": "nl",
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_NAME": "meldcode",
    # A long answer typed slowly must still save: the CSRF token lives as long as the
    # browser session; the login session's own timeouts do the limiting.
    "WTF_CSRF_TIME_LIMIT": None,
    "WTF_CSRF_SSL_STRICT": False,
    # Answers are capped at 20,000 characters per field; this bounds a whole form.
    "MAX_CONTENT_LENGTH": 1024 * 1024,
}


def create_app(test_config: dict | None = None) -> Flask:
    """Build the web app: settings, kaders, plumbing, then the areas of pages."""
    # Imported here rather than at the top so that importing meldcode.web stays cheap.
    from meldcode.web import account
    from meldcode.web import auth
    from meldcode.web import beheer
    from meldcode.web import casussen
    from meldcode.web import database
    from meldcode.web import eigen_meldcode
    from meldcode.web import i18n
    from meldcode.web import kaders
    from meldcode.web import maintenance
    from meldcode.web import oefenen
    from meldcode.web import ops
    from meldcode.web import queue
    from meldcode.web import registry
    from meldcode.web import requestlog
    from meldcode.web import rescue
    from meldcode.web import security
    from meldcode.web import sso

    app = Flask(__name__, template_folder=paths.TEMPLATES_DIR, static_folder=paths.STATIC_DIR)
    _configure(app, test_config)
    registry.init_app(app)
    database.init_app(app)
    auth.init_app(app)  # before i18n: a signed-in user's language decides the locale
    i18n.init_app(app)
    security.init_app(app)
    rescue.init_app(app)
    maintenance.init_app(app)
    queue.init_app(app)  # the job queue: every PDF and mail is made by the worker, never here
    requestlog.init_app(app)  # a request id on every response; JSON lines when asked

    kaders.register(app)
    account.register(app)
    beheer.register(app)
    casussen.register(app)
    oefenen.register(app)
    eigen_meldcode.register(app)
    sso.register(app)
    ops.register(app)
    return app


def _configure(app: Flask, test_config: dict | None) -> None:
    """Apply web defaults, then the shared settings (instance folder, MELDCODE_*, tests)."""
    from meldcode import settings

    app.config.from_mapping(WEB_DEFAULTS)
    app.config.from_mapping(settings.load(test_config))
    app.config["SESSION_COOKIE_SECURE"] = bool(app.config["HTTPS"])
    if app.config["HTTPS"]:
        # The __Host- prefix pins the cookie to this host and path, over HTTPS only.
        app.config["SESSION_COOKIE_NAME"] = "__Host-meldcode"
    if app.debug and not app.testing and not app.config.get("ALLOW_DEBUG"):
        raise RuntimeError("debug mode is not allowed outside development (set ALLOW_DEBUG)")
    if app.config["TRUSTED_PROXIES"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        count = int(app.config["TRUSTED_PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)
