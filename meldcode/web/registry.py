"""The kaders of the running app: loaded once at start, read by every page."""

from pathlib import Path

from flask import Flask
from flask import current_app

from meldcode import paths
from meldcode.kader import Registry

KEY = "meldcode_registry"


def init_app(app: Flask) -> None:
    """Load every kader once at start; a broken kader stops the app before it serves."""
    app.extensions[KEY] = Registry.load(Path(app.config["KADERS_DIR"]), paths.DATA_ROOT)


def registry() -> Registry:
    """Return the kaders of the running app."""
    return current_app.extensions[KEY]
