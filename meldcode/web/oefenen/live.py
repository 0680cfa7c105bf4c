"""The live class view: its fragment for live.js, the projector, the QR code and the report.

Without JavaScript the session and projector pages reload themselves every few seconds
(a meta refresh inside <noscript>, which the trainer can switch off); with
static/js/live.js only the fragment is fetched and swapped, so focus and scroll stay put.
"""

import io
from functools import partial

import segno
from flask import Response
from flask import current_app
from flask import render_template
from flask import request
from flask import url_for

from meldcode.storage import training as store
from meldcode.web.access import access
from meldcode.web.auditing import audit_now
from meldcode.web.database import session as db_session
from meldcode.web.i18n import language
from meldcode.web.oefenen import trainer_bp
from meldcode.web.oefenen.cites import Cites
from meldcode.web.oefenen.pdf import pdf_response
from meldcode.web.oefenen.report import answer_words
from meldcode.web.oefenen.report import class_report
from meldcode.web.oefenen.report import outcome_words
from meldcode.web.oefenen.state import case_of
from meldcode.web.oefenen.state import kader_of
from meldcode.web.oefenen.state import now
from meldcode.web.oefenen.state import trainer_session
from meldcode.training.tally import tally
from meldcode.kader.words import Words

REFRESH_SECONDS = 5


def join_url(row: store.TrainingSession, with_code: bool = True) -> str:
    """Return the address participants open: the join page, with the code filled in."""
    base = current_app.config["BASE_URL"].rstrip("/") + url_for("oefenen.join")
    return base + (f"?code={row.code}" if with_code else "")


def spaced(code: str) -> str:
    """Return a code in two groups of three, easier to read from a projector."""
    return f"{code[:3]} {code[3:]}"


def session_context(row: store.TrainingSession) -> dict:
    """Return everything the session, projector and fragment pages show."""
    case, kader = case_of(row), kader_of(row)
    _ids, everyone = store.class_answers(db_session(), row.id)
    counts = tally(case, kader, everyone)
    words = Words(kader.model, language())
    order = [q.qid for q in counts.questions if q.qid in case.model_answers] + ["beslissing"]
    revealed = row.ids("revealed")
    return {
        "row": row,
        "case": case,
        "kader": kader,
        "counts": counts,
        "words": words,
        "cite": Cites(kader, words),
        "join_url": join_url(row),
        "join_base": join_url(row, with_code=False),
        "code": spaced(row.code),
        "revealed": revealed,
        "locked": row.ids("locked"),
        "reveal_order": order,
        "next_reveal": next((item for item in order if item not in revealed), None),
        "is_open": row.is_open(now()),
        "answer_words": partial(answer_words, words),
        "outcome_words": partial(outcome_words, kader, words),
        "refresh_seconds": REFRESH_SECONDS,
    }


def fingerprint(counts) -> tuple:
    """Return what the class report depends on, to print it once per state of the class."""
    return (
        counts.participants,
        counts.done,
        tuple((q.qid, tuple(q.counts.items()), q.answered, q.departing) for q in counts.questions),
        tuple((o.route, o.melden, o.hulp, o.afsluiten, o.acties, o.count) for o in counts.outcomes),
    )


@trainer_bp.get("/<session_id>/live")
@access("trainer")
def fragment(session_id: str):
    """Return the live part of the session or projector page, for live.js to swap in."""
    row = trainer_session(session_id)
    template = (
        "training/_projector_live.html"
        if request.args.get("weergave") == "projector"
        else "training/_live.html"
    )
    page = render_template(template, **session_context(row))
    return page, 200, {"Cache-Control": "no-store", "X-Meldcode-Fragment": "1"}


@trainer_bp.get("/<session_id>/projector")
@access("trainer")
def projector(session_id: str):
    """Show the class view in large type for a projector, with revealed model answers."""
    row = trainer_session(session_id)
    still = request.args.get("vernieuwen") != "uit"
    return render_template("training/projector.html", refresh=still, **session_context(row))


@trainer_bp.get("/<session_id>/qr.svg")
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


@trainer_bp.get("/<session_id>/klasverslag.pdf")
@access("trainer")
def klasverslag(session_id: str):
    """Print the class report: distributions, decisions, model answers, no names."""
    row = trainer_session(session_id)
    context = session_context(row)
    view = class_report(row, context["case"], context["kader"], context["counts"])
    key = ("klasverslag", row.id, language(), fingerprint(context["counts"]))
    response = pdf_response("training/pdf.html", f"klasverslag-{row.oefencasus}.pdf", view, key)
    if isinstance(response, Response):  # printed, not the waiting page
        audit_now("export", "oefensessie", row.id)
    return response
