"""/route/<step>: a route that replaces the afwegingen, such as the meldplicht for staff.

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
from meldcode.web.casussen.uitkomst import route_context
from meldcode.web.fields import date_field
from meldcode.web.fields import ja_nee
from meldcode.web.fields import text_field
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import language
from meldcode.web.routes import Routes

routes = Routes()


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
        back=lambda cid: url_for("casussen.stap5", case_id=cid),
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
        template="casussen/route.html",
        context=_context(step_id),
    )
    return edit(page, case_id, step_id)
