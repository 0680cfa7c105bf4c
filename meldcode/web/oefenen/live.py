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
from meldcode.web.auth import session_expires
from meldcode.web.oefenen.klas import join_url
from meldcode.web.oefenen.klas import session_context
from meldcode.web.oefenen.muur import wall
from meldcode.web.oefenen.state import trainer_session
from meldcode.web.routes import Routes

routes = Routes()


@routes.get("/<session_id>/live")
@access("trainer")
def fragment(session_id: str):
    """Return the live part of the session or projector page, for live.js to swap in."""
    row = trainer_session(session_id)
    if request.args.get("weergave") == "projector":
        page = render_template("oefenen/_projector_live.html", **projector_context(row))
    else:
        page = render_template("oefenen/_live.html", **session_context(row))
    headers = {"Cache-Control": "no-store", "X-Meldcode-Fragment": "1"}
    ends = session_expires()  # the fetch restarted the idle timer: live.js tells session.js
    if ends is not None:
        headers["X-Meldcode-Session-Expires"] = ends.isoformat() + "Z"
    return page, 200, headers


@routes.get("/<session_id>/projector")
@access("trainer")
def projector(session_id: str):
    """Show the class view in large type for a projector, with revealed model answers."""
    row = trainer_session(session_id)
    still = request.args.get("vernieuwen") != "uit"
    return render_template("oefenen/projector.html", refresh=still, **projector_context(row))


def projector_context(row) -> dict:
    """Return the class context with the one question the projector shows, and its wall."""
    context = session_context(row)
    order = context["reveal_order"]
    asked = request.args.get("vraag", "")
    focus = asked if asked in order else context["next_reveal"] or order[0]
    at = order.index(focus)
    context.update(
        focus=focus,
        focus_tally=context["counts"].question(focus),
        previous=order[at - 1] if at > 0 else None,
        following=order[at + 1] if at + 1 < len(order) else None,
        position=(at + 1, len(order)),
        wall=[m for m in wall(row) if not m[3]],
        projector=True,
    )
    return context


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
