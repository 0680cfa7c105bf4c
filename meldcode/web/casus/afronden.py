"""Check answers, the timeline, case settings, closing and deleting (placeholder)."""

from flask import render_template

from meldcode.web.access import access
from meldcode.web.casework import kader_of
from meldcode.web.casework import label
from meldcode.web.casework import open_case
from meldcode.web.casus import bp


def _stub(case_id: str):
    found = open_case(case_id)
    kader = kader_of(found)
    return render_template(
        "cases/step_stub.html",
        access=found,
        label=label(found),
        kader=kader,
        step=kader.model.steps["stap_5"],
    )


@bp.get("/<case_id>/controleren")
@access("case")
def controleren(case_id: str):
    """Show every answer with change links (placeholder)."""
    return _stub(case_id)


@bp.get("/<case_id>/tijdlijn")
@access("case")
def tijdlijn(case_id: str):
    """Show the case's event log (placeholder)."""
    return _stub(case_id)


@bp.route("/<case_id>/instellingen", methods=["GET", "POST"])
@access("case")
def instellingen(case_id: str):
    """Change the label, close or delete the case (placeholder)."""
    return _stub(case_id)
