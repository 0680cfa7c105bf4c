"""Training PDFs through the dossier's renderer and its render limit.

This is a thin adapter over meldcode.dossier (owned by the dossier package): it prints our
own template with the dossier's Jinja environment, stylesheet and fonts (the process's
:func:`render.shared` renderer and its :meth:`pdf_from_html`), and takes a slot of the
machine-wide render limit (:class:`RenderSlots`) for every render. When every slot is
taken the browser gets a waiting page that tries again by itself; nothing fails.
"""

import threading
from collections import OrderedDict

from flask import Response
from flask import current_app
from flask import render_template
from flask import request

from meldcode.dossier.cover import page_words
from meldcode.dossier.limit import Busy
from meldcode.dossier.limit import RenderSlots
from meldcode.dossier.limit import TooLarge
from meldcode.dossier.limit import render_slots
from meldcode.dossier.render import CSS_FILE
from meldcode.web.render_refusal import too_large

SLOTS_KEY = "meldcode_training_render_slots"
RETRY_SECONDS = 2
CACHE_SIZE = 16
_cache: OrderedDict[tuple, bytes] = OrderedDict()
_lock = threading.Lock()


def renderer():
    """Return the process's dossier renderer (WeasyPrint, fonts), made on first use."""
    from meldcode.dossier.render import shared  # heavy: only when a PDF is asked for

    return shared()


def slots() -> RenderSlots:
    """Return the render limit shared with the dossier downloads (the instance folder's slots)."""
    found = current_app.extensions.get(SLOTS_KEY)
    if found is None:
        found = render_slots(current_app.config)
        current_app.extensions[SLOTS_KEY] = found
    return found


def pdf_response(template: str, filename: str, view, cache_key: tuple | None = None):
    """Print ``template`` with ``view`` as ``v``; a waiting page (202) while all slots are busy.

    ``cache_key`` names a document that is the same for everyone who asks (the class
    report in one state): it is printed once and kept for the next request.
    """
    pdf = _cached(cache_key)
    if pdf is None:
        html = (
            renderer()
            .env.get_template(template)
            .render(v=view, stylesheet=CSS_FILE, page_words=page_words())
        )
        try:
            pdf = slots().render_html(renderer(), html)
        except Busy:
            return waiting_page()
        except TooLarge as problem:
            return too_large(problem)
        _keep(cache_key, pdf)
    return Response(
        pdf,
        mimetype="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


def waiting_page():
    """Return the page that says the PDF is being made, and that tries again by itself."""
    page = render_template("training/waiting.html", retry_url=request.full_path.rstrip("?"))
    return page, 202, {"Retry-After": str(RETRY_SECONDS), "Cache-Control": "no-store"}


def _cached(key: tuple | None) -> bytes | None:
    if key is None:
        return None
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
        return found


def _keep(key: tuple | None, pdf: bytes) -> None:
    if key is None:
        return
    with _lock:
        _cache[key] = pdf
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
