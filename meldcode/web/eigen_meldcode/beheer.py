"""/meldcode/beheer: the beheerder's overview of the concept meldcode.

Each part with its state, what art. 2 still misses (each missing element links to its
part), and the versions adopted so far.
"""

from flask import g
from flask import render_template

from meldcode.storage import eigen_meldcode as store
from meldcode.web.access import access
from meldcode.web.database import session
from meldcode.web.eigen_meldcode import data
from meldcode.web.eigen_meldcode.delen import DELEN
from meldcode.web.eigen_meldcode.delen import ELEMENT_DEEL
from meldcode.web.i18n import language
from meldcode.web.routes import Routes

routes = Routes()


@routes.get("/beheer")
@access("beheer")
def overview():
    """Show the concept part by part, what art. 2 still misses, and the adopted versions."""
    meldcode, row_version = data.editable()
    result = data.result_of(meldcode)
    missing = {b.id for b in result.ontbreekt} | {b.id for b in result.aanbevolen}
    required = {b.id for b in result.ontbreekt}
    states = {
        d.id: (
            "ontbreekt"
            if required & set(d.elements)
            else "aanbevolen"
            if missing & set(d.elements)
            else "klaar"
        )
        for d in DELEN
    }
    return render_template(
        "eigen_meldcode/beheer.html",
        delen=DELEN,
        states=states,
        result=result,
        element_deel=ELEMENT_DEEL,
        lang=language(),
        has_concept=row_version > 0,
        versions=store.versions(session(), g.user.organisation_id),
    )
