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

DEFAULTS = {
    "KADERS_DIR": str(paths.KADERS_DIR),
    "LANGUAGES": ("nl", "en"),
    "DEFAULT_LANGUAGE": "nl",
    # The language cookie (and later the session) travel only over HTTPS in production;
    # `make run` serves plain HTTP on localhost, so the default stays off.
    "SESSION_COOKIE_SECURE": False,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    # Nothing uploads yet; a small limit keeps abusive request bodies out.
    "MAX_CONTENT_LENGTH": 1024 * 1024,
}


def create_app(test_config: dict | None = None) -> Flask:
    """Build the web app: config, kaders, i18n, security headers, error pages, pages."""
    app = Flask(
        __name__,
        template_folder=paths.TEMPLATES_DIR,
        static_folder=paths.STATIC_DIR,
        instance_relative_config=True,
    )
    _configure(app, test_config)
    _load_kaders(app)

    # Imported here rather than at the top so that importing meldcode.web stays cheap and
    # free of side effects; each module only defines functions until it is registered.
    from meldcode.web import i18n
    from meldcode.web import kaders
    from meldcode.web import security

    i18n.init_app(app)
    security.init_app(app)
    app.register_blueprint(kaders.bp)
    return app


def _configure(app: Flask, test_config: dict | None) -> None:
    """Apply defaults, then the instance config.py and MELDCODE_* variables, or test_config."""
    app.config.from_mapping(DEFAULTS)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("MELDCODE")
    else:
        app.config.from_mapping(test_config)


def _load_kaders(app: Flask) -> None:
    """Load every kader once at start; a broken kader stops the app before it serves."""
    folder = Path(app.config["KADERS_DIR"])
    app.extensions[REGISTRY_KEY] = Registry.load(folder, paths.DATA_ROOT)


def registry() -> Registry:
    """Return the kaders of the running app."""
    return current_app.extensions[REGISTRY_KEY]
