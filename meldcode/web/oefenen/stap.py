"""/oefenen/stap/<n>: a step of the training case, its facts and the questions it asks.

The questions are the real wizard's (meldcode.training.walk); a participant opens a step
once the questions before it are answered.
"""

from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import url_for

from meldcode.kader.i18n import _
from meldcode.kader.layout import step_of
from meldcode.web.access import access
from meldcode.web.oefenen.state import common
from meldcode.web.oefenen.state import facts_of
from meldcode.web.oefenen.state import place
from meldcode.web.routes import Routes

routes = Routes()


@routes.get("/stap/<int:number>")
@access("oefenen")
def stap(number: int):
    """Show a step: its facts, then its questions with what the engine does with them."""
    if number not in range(1, 6):
        abort(404)
    here = place()
    walk = here.walk
    if number > walk.open_until():
        if number > here.row.open_step:
            flash(_("De trainer heeft stap %(number)s nog niet geopend.", number=number))
        else:
            flash(_("Beantwoord eerst de vragen van deze stap."))
        return redirect(url_for("oefenen.stap", number=walk.open_until()), code=303)
    return render_template(
        "oefenen/stap.html",
        step=step_of(here.kader, number),
        number=number,
        facts=facts_of(here, number),
        items=walk.items(number),
        walk=walk,
        **common(here),
    )
