"""The meldcode web app: an application factory that reads like a table of contents.

Everything is wired up inside :func:`create_app`, so importing this package has no side
effects: tests and the command line build as many apps as they like, each with its config.
"""

from pathlib import Path

from flask import Flask
from flask import current_app

from meldcode import paths
from meldcode.kader import Registry

REGISTRY_KEY = "meldcode_registry"

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
    """Build the web app: settings, kaders, database, i18n, security, sessions, pages."""
    app = Flask(
        __name__,
        template_folder=paths.TEMPLATES_DIR,
        static_folder=paths.STATIC_DIR,
    )
    _configure(app, test_config)
    _load_kaders(app)

    # Imported here rather than at the top so that importing meldcode.web stays cheap and
    # free of side effects; each module only defines functions until it is registered.
    from meldcode.web import auth
    from meldcode.web import database
    from meldcode.web import eigen_meldcode
    from meldcode.web import i18n
    from meldcode.web import maintenance
    from meldcode.web import ops
    from meldcode.web import rescue
    from meldcode.web import security
    from meldcode.web import sso
    from meldcode.web.blueprints import register_blueprints

    database.init_app(app)
    auth.init_app(app)  # before i18n: a signed-in user's language decides the locale
    i18n.init_app(app)
    security.init_app(app)
    rescue.init_app(app)
    maintenance.init_app(app)
    register_blueprints(app)
    eigen_meldcode.register(app)
    sso.register(app)
    ops.register(app)  # probes, request log, job queue client
    # WeasyPrint and the dossier fonts load now, so the first download is not the slow one.
    from meldcode.web.casus import dossier

    dossier.init_app(app)
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


def _load_kaders(app: Flask) -> None:
    """Load every kader once at start; a broken kader stops the app before it serves."""
    folder = Path(app.config["KADERS_DIR"])
    app.extensions[REGISTRY_KEY] = Registry.load(folder, paths.DATA_ROOT)


def registry() -> Registry:
    """Return the kaders of the running app."""
    return current_app.extensions[REGISTRY_KEY]
