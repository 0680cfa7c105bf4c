"""/casussen: the list of cases the user owns or was asked to consult on."""

import datetime

from flask import g
from flask import render_template

from meldcode.kader import UnknownKader
from meldcode.storage import cases
from meldcode.web.access import access
from meldcode.web.casussen.voortgang import list_stand
from meldcode.web.database import database
from meldcode.web.database import session
from meldcode.web.registry import registry
from meldcode.web.routes import Routes

routes = Routes()


@routes.get("", strict_slashes=False)
@access("case")
def index():
    """List the cases the user owns or was asked to consult on."""
    found = cases.visible_cases(session(), g.user)
    kinds = cases.record_kinds(session(), [a.case.id for a in found])
    today = datetime.date.today()
    rows = []
    for item in found:
        case = item.case
        try:
            kader = registry().get(case.kader_id, case.kader_version)
        except UnknownKader:
            kader = None
        # None: this server's keys cannot open it; the row says so, the list goes on.
        readable = cases.readable_label(database().cipher, case)
        where = (
            list_stand(item, kader, kinds[case.id], readable is not None, today) if kader else None
        )
        rows.append(
            {
                "access": item,
                "case": case,
                "kader": kader,
                "where": where,
                "states": where.states if where else [],
                "label": readable,
                "next": where.next if where else ("gesloten", {}),
                "due": case.evaluation_date is not None and case.evaluation_date <= today,
            }
        )
    return render_template("casussen/lijst.html", rows=rows, today=today)
