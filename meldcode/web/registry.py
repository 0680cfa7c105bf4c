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


def kader_choices(language: str) -> list[tuple[str, str]]:
    """Return (id, title) of every kader, for a form's list of kaders to choose from."""
    return [(k, registry().get(k).model.title.get(language)) for k in registry().ids()]
