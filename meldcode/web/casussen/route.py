"""A route that replaces the afwegingen: the meldplicht when a staff member is the suspect.

In onderwijs and kinderopvang the staff member does not weigh: they report at once, and
the board or provider consults the vertrouwensinspecteur. Stap 4 and 5 then show the
route's own steps; each is recorded as done (or not) with a date and an explanation.
"""

from flask import abort
from flask import url_for

from meldcode.casus.records import RouteStap
from meldcode.kader.i18n import _l
from meldcode.kader.words import Words
from meldcode.web.access import access
from meldcode.web.casework import decision_of
from meldcode.web.casework import kader_of
from meldcode.web.casework import open_case
from meldcode.web.casework import records
from meldcode.web.casussen.recordpage import RecordPage
from meldcode.web.casussen.recordpage import edit
from meldcode.web.casussen.uitkomst import actions
from meldcode.web.fields import date_field
from meldcode.web.fields import ja_nee
from meldcode.web.fields import text_field
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import language
from meldcode.web.routes import Routes

routes = Routes()

INSPECTOR = "vertrouwensinspecteur"


def ordered_steps(route) -> list:
    """Return a route's steps as (id, step) in number order."""
    return sorted(route.steps.items(), key=lambda item: item[1].number)


def route_context(kader, decision, everything) -> dict:
    """Return what a page needs to show the route that applies, or an empty route."""
    route = kader.model.routes.get(decision.route)
    if route is None:
        return {"route": None, "route_steps": [], "route_actions": [], "inspector": None}
    done = {r.key: r for r in everything if r.kind == "route_stap"}
    return {
        "route": route,
        "route_id": decision.route,
        "route_steps": [(sid, step, done.get(sid)) for sid, step in ordered_steps(route)],
        "route_actions": actions(kader, decision.acties, language()),
        "inspector": kader.model.contacts.get(INSPECTOR),
        "route_warnings": decision.warnings(language()),
    }


class RouteStapForm(BaseForm):
    """One step of the route: done or not, when, and what happened."""

    gedaan = ja_nee(_l("Is deze stap gedaan?"))
    datum = date_field(_l("Wanneer?"), required=False)
    toelichting = text_field(
        _l("Toelichting"),
        hint=_l("Wat heb je gedaan, aan wie heb je het gemeld, wat gebeurde daarna?"),
        rows=4,
    )


def _context(step_id: str):
    """Return the route step with its source, and the route's actions and phone numbers."""

    def context(found) -> dict:
        """Return the route step and the route around it."""
        kader = kader_of(found)
        shown = route_context(kader, decision_of(found), records(found, "route_stap"))
        return {
            **shown,
            "step_id": step_id,
            "route_step": shown["route"].steps[step_id],
            "words": Words(kader.model, language()),
        }

    return context


@routes.route("/<case_id>/route/<step_id>", methods=["GET", "POST"])
@access("case")
def route_stap(case_id: str, step_id: str):
    """Record one step of the route that applies to the case."""
    found = open_case(case_id, owner_only=True)
    kader = kader_of(found)
    route = kader.model.routes.get(decision_of(found).route)
    if route is None or step_id not in route.steps:
        abort(404)
    step = route.steps[step_id]
    page = RecordPage(
        kind="route_stap",
        form=RouteStapForm,
        title=_l(
            "Stap %(number)s: %(title)s", number=step.number, title=step.title.get(language())
        ),
        back=lambda cid: url_for("cases.stap5", case_id=cid),
        to_payload=lambda form, _found: RouteStap(
            gedaan=form.gedaan.data == "ja",
            datum=form.datum.data,
            toelichting=form.toelichting.data or "",
        ),
        to_data=lambda payload: {
            "gedaan": "ja" if payload.gedaan else "nee",
            "datum": payload.datum,
            "toelichting": payload.toelichting,
        },
        template="cases/meldplicht_stap.html",
        context=_context(step_id),
    )
    return edit(page, case_id, step_id)
