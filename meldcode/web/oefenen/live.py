"""/oefensessies/<id>/live, /projector and /qr.svg: the class view, live, and its QR code.

Without JavaScript the session and projector pages reload themselves every few seconds
(a meta refresh inside <noscript>, which the trainer can switch off); with
static/js/live.js only the fragment is fetched and swapped, so focus and scroll stay put.
"""

import io

import segno
from flask import Response
from flask import render_template
from flask import request

from meldcode.web.access import access
from meldcode.web.oefenen.klas import join_url
from meldcode.web.oefenen.klas import session_context
from meldcode.web.oefenen.state import trainer_session
from meldcode.web.routes import Routes

routes = Routes()


@routes.get("/<session_id>/live")
@access("trainer")
def fragment(session_id: str):
    """Return the live part of the session or projector page, for live.js to swap in."""
    row = trainer_session(session_id)
    template = (
        "oefenen/_projector_live.html"
        if request.args.get("weergave") == "projector"
        else "oefenen/_live.html"
    )
    page = render_template(template, **session_context(row))
    return page, 200, {"Cache-Control": "no-store", "X-Meldcode-Fragment": "1"}


@routes.get("/<session_id>/projector")
@access("trainer")
def projector(session_id: str):
    """Show the class view in large type for a projector, with revealed model answers."""
    row = trainer_session(session_id)
    still = request.args.get("vernieuwen") != "uit"
    return render_template("oefenen/projector.html", refresh=still, **session_context(row))


@routes.get("/<session_id>/qr.svg")
@access("trainer")
def qr(session_id: str):
    """Return the QR code of the join address as SVG, made here (no outside service)."""
    row = trainer_session(session_id)
    out = io.BytesIO()
    segno.make(join_url(row), error="m").save(
        out,
        kind="svg",
        scale=8,
        border=2,
        xmldecl=False,
        svgclass="qr",
        lineclass=None,
        omitsize=True,
        light="#fff",
    )
    return Response(out.getvalue(), mimetype="image/svg+xml", headers={"Cache-Control": "no-store"})
