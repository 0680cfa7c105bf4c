"""/<case_id>: the task list of a case, its five steps and where the decision stands.

Also /stap/<n>/klaar, where the professional marks a step done (or open again).
"""

import datetime

from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import url_for

from meldcode.casus.records import StapKlaar
from meldcode.kader.i18n import _
from meldcode.kader.words import Words
from meldcode.storage import cases
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.casework import kader_of
from meldcode.web.casework import label
from meldcode.web.casework import open_case
from meldcode.web.casework import records
from meldcode.web.casework import save_case
from meldcode.web.casework import still_blind
from meldcode.web.casussen.voortgang import case_stand
from meldcode.web.casussen.voortgang import plain_stand
from meldcode.web.database import SaveFailed
from meldcode.web.database import database
from meldcode.web.database import session
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import language
from meldcode.web.routes import Routes

routes = Routes()

STEP_ENDPOINTS = {
    1: "casussen.stap1",
    2: "casussen.stap2",
    3: "casussen.stap3",
    4: "casussen.stap4",
    5: "casussen.stap5",
}


def step_url(case_id: str, number: int) -> str:
    """Return the URL of a step's page."""
    return url_for(STEP_ENDPOINTS[number], case_id=case_id)


@routes.get("/<case_id>")
@access("case")
def overview(case_id: str):
    """Show the five steps, what is done and still open, and the decision so far."""
    found = open_case(case_id)
    kader = kader_of(found)
    everything = records(found)
    blind = still_blind(found)
    if not blind:
        where = case_stand(found, everything)
    else:
        # The owner's weighing stays out of sight until the colleague's own is done.
        kinds = {(r.kind, r.key) for r in everything}
        where = plain_stand(kader, kinds, found.case, datetime.date.today())
    return render_template(
        "casussen/overzicht.html",
        access=found,
        label=label(found),
        kader=kader,
        words=Words(kader.model, language()),
        where=where,
        decision=where.decision,
        stand=where.stand,
        states=where.states,
        steps=dict(kader.model.ordered_steps()),
        # A consulted colleague weighs first: the owner's outcome stays out of their view.
        blind=blind,
        step_url=step_url,
        shared_with=cases.shares(session(), found.case) if found.is_owner else [],
        form=BaseForm(),
    )


@routes.post("/<case_id>/stap/<int:number>/klaar")
@access("case")
def step_done(case_id: str, number: int):
    """Mark a step as done (or not done again); the professional says when it is."""
    if number not in STEP_ENDPOINTS:
        abort(404)
    form = BaseForm()
    if not form.validate():
        abort(400)
    from flask import request

    done = request.form.get("klaar") == "1"

    def work(s, found, user):
        """Mark the step done (or not), version checked."""
        existing = cases.get_record(s, found.case, "stap_klaar", str(number))
        cases.save_record(
            s,
            database().cipher,
            found.case,
            user,
            "stap_klaar",
            str(number),
            StapKlaar(klaar=done),
            existing.version if existing else None,
        )
        audit_in(s, "update", "case", found.case.id)

    try:
        save_case(case_id, work)
    except SaveFailed:
        flash(
            _("Niet opgeslagen: de database was even niet bereikbaar. Probeer het opnieuw."),
            "warning",
        )
        return redirect(url_for("casussen.overview", case_id=case_id), code=303)
    flash(
        _("Stap %(n)d is afgerond.", n=number)
        if done
        else _("Stap %(n)d staat weer open.", n=number),
        "success",
    )
    return redirect(url_for("casussen.overview", case_id=case_id), code=303)
