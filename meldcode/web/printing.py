"""Printing a PDF in the app: a slot of the machine's render limit, or a page that waits.

Every WeasyPrint render takes one of the machine's render slots (meldcode.dossier.limit:
at most ``PDF_CONCURRENCY`` at once, across every worker). When none is free the browser
gets a page that says so, with ``202 Accepted`` and ``Retry-After``: the request was
understood, the document is not ready yet. The page tries again by itself. The case
dossier and the training PDFs both print through :func:`in_a_slot` and :func:`waiting`.
"""

from collections.abc import Callable
from pathlib import Path

from flask import Flask
from flask import current_app
from flask import render_template

from meldcode.dossier import render
from meldcode.dossier.limit import Busy
from meldcode.dossier.limit import RenderSlots
from meldcode.web.registry import KEY as REGISTRY_KEY

SLOTS_KEY = "meldcode_render_slots"


def init_app(app: Flask) -> None:
    """Set up the render slots, and load WeasyPrint and the fonts now, not on a download."""
    folder = Path(app.config["INSTANCE_PATH"])
    app.extensions[SLOTS_KEY] = RenderSlots(folder, app.config.get("PDF_CONCURRENCY", 0))
    if app.config.get("PDF_WARM_UP", True):
        render.shared(warm=True, registry=app.extensions.get(REGISTRY_KEY))


def slots() -> RenderSlots:
    """Return the render limit of this instance (shared by every worker)."""
    return current_app.extensions[SLOTS_KEY]


def renderer() -> render.Renderer:
    """Return the process's renderer, made and warmed when the app started."""
    return render.shared(warm=False)


def in_a_slot(make: Callable[[], bytes]) -> bytes | None:
    """Return ``make()`` run in a free render slot; None when every slot is taken."""
    try:
        with slots().slot():
            return make()
    except Busy:
        return None


def waiting(template: str, seconds: int, **context):
    """Return the page that asks to wait and tries again after ``seconds``: 202, Retry-After."""
    page = render_template(template, seconds=seconds, **context)
    return page, 202, {"Retry-After": str(seconds), "Cache-Control": "no-store"}
