"""The kader's outcome as case pages show it: the route, the saved decision, stap 4 and 5.

Stap 4 and 5, the afwegingen, the decision page, the check page and the meldplicht route
all read the engine's decision through these helpers, so they agree on what the kader says.
"""

from flask import g
from flask import render_template

from meldcode.kader import Decision
from meldcode.kader.layout import rows_of
from meldcode.kader.stand import stand as stand_of
from meldcode.kader.words import Words
from meldcode.storage import cases
from meldcode.web.casework import decision_of
from meldcode.web.casework import hold_back_weighing
from meldcode.web.casework import kader_of
from meldcode.web.casework import label
from meldcode.web.casework import open_case
from meldcode.web.casework import records
from meldcode.web.casussen.stap_common import step_of
from meldcode.web.database import database
from meldcode.web.i18n import language

INSPECTOR = "vertrouwensinspecteur"


def fresh_decision(case_id: str) -> Decision:
    """Return the decision as stored right now.

    The request's reading session holds the snapshot it started with, so a page that just
    saved an answer reads again in a session of its own.
    """
    with database().reader() as reader:
        access = cases.get_case_for_user(reader, case_id, g.user)
        found = cases.records(reader, database().cipher, access.case, "antwoord")
        return decision_of(access, found)


def saved_decision(found: list[cases.RecordView]):
    """Return the professional's saved decision record, or None."""
    return next((r for r in found if r.kind == "beslissing"), None)


def melden_decided(decision: Decision, found: list[cases.RecordView]) -> bool:
    """Tell whether melden is decided: by the professional's decision, else by the kader."""
    saved = saved_decision(found)
    if saved is not None:
        return saved.payload.melden is True
    return decision.melden is True


def ordered_steps(route) -> list:
    """Return a route's steps as (id, step) in number order."""
    return sorted(route.steps.items(), key=lambda item: item[1].number)


def route_context(kader, decision: Decision, everything) -> dict:
    """Return what a page needs to show the route that applies, or an empty route."""
    route = kader.model.routes.get(decision.route)
    if route is None:
        return {"route": None, "route_steps": [], "route_actions": [], "inspector": None}
    done = {r.key: r for r in everything if r.kind == "route_stap"}
    lang = language()
    return {
        "route": route,
        "route_id": decision.route,
        "route_steps": [(sid, step, done.get(sid)) for sid, step in ordered_steps(route)],
        "route_actions": Words(kader.model, lang).action_lines(decision.acties),
        "inspector": kader.model.contacts.get(INSPECTOR),
        "route_warnings": decision.warnings(lang),
    }


def weighing_step(case_id: str, number: int):
    """Render stap 4 or 5: help, duties, the afwegingen (or the route) and what follows."""
    found = open_case(case_id)
    hold_back_weighing(found)
    kader = kader_of(found)
    everything = records(found)
    decision = decision_of(found, everything)
    step = step_of(kader, number)
    answers = {r.key: r for r in everything if r.kind == "antwoord"}
    single = {r.kind: r for r in everything if r.key == "" and r.kind != "antwoord"}
    done = next((r for r in everything if r.kind == "stap_klaar" and r.key == str(number)), None)
    on_route = decision.route != "meldcode"
    return render_template(
        f"casussen/stap{number}.html",
        access=found,
        label=label(found),
        kader=kader,
        step=step,
        words=Words(kader.model, language()),
        decision=decision,
        rows=[] if on_route else rows_of(kader, step, decision, answers),
        stand=stand_of(decision),
        knmg=kader.model.step_layout == "knmg",
        single=single,
        help_records=[r for r in everything if r.kind == "hulp"],
        saved=saved_decision(everything),
        melden=melden_decided(decision, everything),
        step_done_state=bool(done and done.payload.klaar),
        **route_context(kader, decision, everything),
    )
