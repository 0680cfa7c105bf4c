"""Stap 2 (placeholder until the step's pages are written)."""

from flask import render_template

from meldcode.web.access import access
from meldcode.web.casework import kader_of
from meldcode.web.casework import label
from meldcode.web.casework import open_case
from meldcode.web.casus import bp


@bp.get("/<case_id>/stap-2")
@access("case")
def stap2(case_id: str):
    """Show stap 2."""
    found = open_case(case_id)
    kader = kader_of(found)
    step = [s for _i, s in kader.model.ordered_steps() if s.number == 2][0]
    return render_template(
        "cases/step_stub.html", access=found, label=label(found), kader=kader, step=step
    )


@bp.route("/<case_id>/delen", methods=["GET", "POST"])
@access("case")
def delen(case_id: str):
    """Share the case with a colleague for consultation (placeholder)."""
    found = open_case(case_id, owner_only=True)
    return render_template(
        "cases/step_stub.html",
        access=found,
        label=label(found),
        kader=kader_of(found),
        step=kader_of(found).model.steps["stap_2"],
    )


@bp.route("/<case_id>/consultatie", methods=["GET", "POST"])
@access("case")
def consultatie(case_id: str):
    """Record a consulted colleague's own advice and answers (placeholder)."""
    found = open_case(case_id)
    return render_template(
        "cases/step_stub.html",
        access=found,
        label=label(found),
        kader=kader_of(found),
        step=kader_of(found).model.steps["stap_2"],
    )
