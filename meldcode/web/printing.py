"""Printing a PDF in the app: a render slot and its limits, a page that waits, or a refusal.

Every WeasyPrint render takes one of the machine's render slots (meldcode.dossier.limit:
at most ``PDF_CONCURRENCY`` at once, across every worker, fewer than the web workers) and
runs in a child process within ``PDF_SECONDS`` and ``PDF_MEMORY_MB`` (meldcode.dossier.bounded).
A print has three answers, the same for the case dossier, the training PDFs and the
organisation's meldcode:

- the PDF;
- :class:`Busy` when no slot is free: the caller shows :func:`waiting`, a page that says so
  with ``202 Accepted`` and ``Retry-After`` (understood, not ready yet) and tries again;
- :class:`TooLarge` when the document cannot be made within the limits: the caller shows
  :func:`too_large` (422: trying again at once will not help).
"""

from flask import Flask
from flask import Response
from flask import current_app
from flask import render_template

from meldcode.dossier import render
from meldcode.dossier.build import Dossier
from meldcode.dossier.limit import Busy
from meldcode.dossier.limit import RenderSlots
from meldcode.dossier.limit import TooLarge
from meldcode.dossier.limit import render_slots
from meldcode.web.registry import KEY as REGISTRY_KEY

__all__ = ["Busy", "TooLarge"]
SLOTS_KEY = "meldcode_render_slots"


def init_app(app: Flask) -> None:
    """Set up the render slots, and load WeasyPrint and the fonts now, not on a download."""
    app.extensions[SLOTS_KEY] = render_slots(app.config)
    if app.config.get("PDF_WARM_UP", True):
        render.shared(warm=True, registry=app.extensions.get(REGISTRY_KEY))


def slots() -> RenderSlots:
    """Return the render limit of this instance (shared by every worker)."""
    return current_app.extensions[SLOTS_KEY]


def renderer() -> render.Renderer:
    """Return the process's renderer, made and warmed when the app started."""
    return render.shared(warm=False)


def print_dossier(view: Dossier) -> bytes:
    """Print a dossier in a slot, within the limits; raise Busy or TooLarge."""
    return slots().render(renderer(), view)


def print_html(html: str) -> bytes:
    """Print HTML made with the renderer's templates in a slot, within the limits."""
    return slots().render_html(renderer(), html)


def waiting(template: str, seconds: int, **context):
    """Return the page that asks to wait and tries again after ``seconds``: 202, Retry-After."""
    page = render_template(template, seconds=seconds, **context)
    return page, 202, {"Retry-After": str(seconds), "Cache-Control": "no-store"}


def too_large(problem: TooLarge) -> Response:
    """Return the page that says the document cannot be made within the limits, and why."""
    page = render_template(
        "errors/render_too_large.html",
        reason=problem.reason,
        seconds=int(problem.seconds or current_app.config.get("PDF_SECONDS", 90)),
    )
    return Response(page, 422, headers={"Cache-Control": "no-store"})
