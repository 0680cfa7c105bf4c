"""Training PDFs: our own template printed with the dossier's renderer, in a render slot.

The template is printed with the dossier's Jinja environment, stylesheet and fonts (the
process's renderer and its ``pdf_from_html``). The render slot and the waiting page are the
app's one way of printing (meldcode.web.printing). A document that is the same for everyone
who asks (the class report in one state) is printed once and kept for the next request.
"""

import threading
from collections import OrderedDict

from flask import Response
from flask import request

from meldcode.dossier.cover import page_words
from meldcode.dossier.render import CSS_FILE
from meldcode.web.printing import Busy
from meldcode.web.printing import TooLarge
from meldcode.web.printing import print_html
from meldcode.web.printing import renderer
from meldcode.web.printing import too_large
from meldcode.web.printing import waiting

RETRY_SECONDS = 2
CACHE_SIZE = 16
_cache: OrderedDict[tuple, bytes] = OrderedDict()
_lock = threading.Lock()


def pdf_response(template: str, filename: str, view, cache_key: tuple | None = None):
    """Print ``template`` with ``view`` as ``v``; a waiting page (202) while all slots are busy."""
    pdf = _cached(cache_key)
    if pdf is None:
        html = (
            renderer()
            .env.get_template(template)
            .render(v=view, stylesheet=CSS_FILE, page_words=page_words())
        )
        try:
            pdf = print_html(html)
        except Busy:
            retry = request.full_path.rstrip("?")
            return waiting("oefenen/wachten.html", RETRY_SECONDS, retry_url=retry)
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


def _cached(key: tuple | None) -> bytes | None:
    """Return a kept document, or None."""
    if key is None:
        return None
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
        return found


def _keep(key: tuple | None, pdf: bytes) -> None:
    """Keep a document that is the same for everyone who asks, the newest few only."""
    if key is None:
        return
    with _lock:
        _cache[key] = pdf
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
