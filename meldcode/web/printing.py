"""A PDF from a page: ask the background worker for it, wait on a page, serve what it made.

No web worker ever prints: the worker does (meldcode.jobs.printing, in one of the machine's
render slots and a child within the render limits). A page only makes HTML, with the
process's renderer (Jinja, no WeasyPrint). A PDF URL answers in one of four ways, the same
for the case dossier, the training PDFs and the organisation's meldcode (:func:`answer`):

- the PDF, once the worker made it (kept encrypted for ``RENDER_KEEP_MINUTES``);
- a page that waits (:func:`waiting`): ``202 Accepted`` with ``Retry-After``, reloading
  itself without JavaScript (``?vanzelf=nee`` turns that off, WCAG 2.2.1);
- once a page that waited finds the PDF ready (``?gewacht=1``), a page that says so and
  starts the download (:func:`ready`): a download leaves the browser on the page it came
  from, which must not go on saying "even geduld";
- a page that says the render failed and why, with a button that tries again: a POST to
  the same URL (:func:`failed`);
- 422 when a case is larger than the worker prints, before anything is queued
  (:func:`too_large`).

A second request for the same version of a document finds the first one's render.
"""

import datetime
import hashlib
import hmac

from flask import current_app
from flask import g
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for

from meldcode.dossier import render
from meldcode.jobs.renders import RenderState
from meldcode.storage.models import utcnow
from meldcode.web.queue import jobs

RETRY_SECONDS = 3
# A page far back in the queue reloads less often, about once per render ahead of it (at
# most every MOST_SECONDS): 200 pages that wait cost the web a few requests a second, not 67.
MOST_SECONDS = 30
# A render still waiting after this long gets a word on its page: busy, or no worker; after
# STOP the page no longer reloads itself (nor keeps an idle session alive for ever).
LATE = datetime.timedelta(minutes=2)
STOP = datetime.timedelta(minutes=10)
# Why a render failed (meldcode.jobs.printing) and the status its page answers with: the
# document cannot be made within the limits (422), or something broke (500).
FAILURE_STATUS = {"omvang": 422, "tijd": 422, "geheugen": 422, "fout": 500}


def renderer() -> render.Renderer:
    """Return the process's renderer, for HTML only (WeasyPrint stays unloaded here)."""
    return render.shared(warm=False)


def page_version(html: str) -> str:
    """Return the version of a page to print: a keyed digest of its HTML (never the text)."""
    key = str(current_app.config["SECRET_KEY"]).encode()
    return hmac.new(key, html.encode(), hashlib.sha256).hexdigest()[:40]


def _asker() -> str | None:
    """Return the signed-in user's id, or None (a training participant)."""
    user = g.get("user")
    return user.id if user is not None else None


class TooLargeCase(Exception):
    """The case is larger than the worker prints: nothing was queued."""


def ask_dossier(case_id: str, language: str, too_large=None) -> RenderState:
    """Ask for the dossier of a case as it is now (the caller checked access).

    ``too_large()``, checked only before a new render is queued, raises TooLargeCase.
    """
    queue = jobs()
    version = queue.case_version(case_id)
    # A page that waits asks again every few seconds: a read finds the render it asked for,
    # and only a new version is measured and takes the database's write lock.
    found = queue.render_state(case_id, version, language)
    if found is not None:
        return found
    if too_large is not None and too_large():
        raise TooLargeCase()
    return queue.request_render(case_id, version, language, _asker())


def ask_page(kind: str, subject_id: str, html: str, language: str) -> RenderState:
    """Ask for a PDF of ``html``, a page made for ``subject_id`` (whose access was checked)."""
    queue, version = jobs(), page_version(html)
    found = queue.render_state(subject_id, version, language, kind)
    return found or queue.request_page_render(kind, subject_id, version, language, html, _asker())


# Query words of the waiting pages themselves, never passed on to the document's URL.
OWN_ARGS = ("vanzelf", "gewacht")


def here(**args) -> str:
    """Return this URL with its query, without the waiting page's own words, plus ``args``."""
    query = {k: v for k, v in request.args.items() if k not in OWN_ARGS}
    query.update(args)
    return url_for(request.endpoint, **(request.view_args or {}), **query)


def answer(ask, serve, template: str, **context):
    """Answer a PDF URL: GET the PDF, the waiting or the failure page; POST retries.

    ``ask()`` returns the render of the document as it is now (asking for it if new);
    ``serve(pdf)`` returns the download (and audits it); ``template`` is the area's
    waiting page, given ``context``.
    """
    state = ask()
    if request.method == "POST":
        if state.failed:
            jobs().retry_render(state.id)
        return redirect(here(), code=303)
    if state.ready:
        pdf = jobs().fetch_pdf(state.id)
        if pdf is not None and request.args.get("gewacht") == "1":
            return ready(template, **context)
        if pdf is not None:
            return serve(pdf)
        state = ask()  # deleted a moment ago: a new render
    if state.failed:
        return failed(state.failure)
    return waiting(template, state, **context)


def waiting(template: str, state: RenderState | None = None, **context):
    """Return the page that asks to wait and tries again by itself: 202, Retry-After."""
    waited = utcnow() - state.asked_at if state is not None and state.asked_at else None
    seconds = pace(state)
    page = render_template(
        template,
        seconds=seconds,
        refresh=request.args.get("vanzelf") != "nee" and not (waited and waited > STOP),
        status=state.status if state is not None else "",
        late=bool(waited and waited > LATE),
        reload=here(gewacht="1"),
        retry=here(gewacht="1"),
        manual=here(vanzelf="nee", gewacht="1"),
        **context,
    )
    return page, 202, {"Retry-After": str(seconds), "Cache-Control": "no-store"}


def ready(template: str, **context):
    """Return the page that says the PDF is ready and fetches it at once (its URL, plain)."""
    page = render_template(template, ready=True, download=here(), **context)
    return page, 200, {"Cache-Control": "no-store"}


def pace(state: RenderState | None) -> int:
    """Return how many seconds a waiting page waits before it asks again."""
    if state is None or state.status != "wachtrij":
        return RETRY_SECONDS
    return max(RETRY_SECONDS, min(MOST_SECONDS, jobs().renders_ahead(state.id)))


def failed(reason: str):
    """Return the page that says the render failed and why; a button tries it again."""
    page = render_template(
        "errors/render_too_large.html",
        reason=reason if reason in FAILURE_STATUS else "fout",
        seconds=int(current_app.config["RENDER_SECONDS"]),
        retry=None if reason == "omvang" else here(),
    )
    return page, FAILURE_STATUS.get(reason, 500), {"Cache-Control": "no-store"}


def too_large():
    """Return the page that says a case is larger than the app prints (422, nothing queued)."""
    return failed("omvang")
