"""Stap 3 (placeholder until the step's pages are written)."""

from flask import render_template

from meldcode.web.access import access
from meldcode.web.casework import kader_of
from meldcode.web.casework import label
from meldcode.web.casework import open_case
from meldcode.web.casus import bp


@bp.get("/<case_id>/stap-3")
@access("case")
def stap3(case_id: str):
    """Show stap 3."""
    found = open_case(case_id)
    kader = kader_of(found)
    step = [s for _i, s in kader.model.ordered_steps() if s.number == 3][0]
    return render_template(
        "cases/step_stub.html", access=found, label=label(found), kader=kader, step=step
    )
