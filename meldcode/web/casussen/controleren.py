"""/controleren: every answer of the case, step by step, with links to change it."""

from meldcode.kader.layout import placed_in
from meldcode.web.access import access
from meldcode.web.casework import decision_of
from meldcode.web.casework import hold_back_weighing
from meldcode.web.casework import kader_of
from meldcode.web.casework import open_case
from meldcode.web.casework import records
from meldcode.web.casussen.stap_common import case_page
from meldcode.web.casussen.stap_common import colleagues
from meldcode.web.casussen.uitkomst import route_context
from meldcode.web.routes import Routes

routes = Routes()


@routes.get("/<case_id>/controleren")
@access("case")
def controleren(case_id: str):
    """Show every answer of the case, step by step, with links to change it."""
    found = open_case(case_id)
    hold_back_weighing(found)
    kader = kader_of(found)
    everything = records(found)
    decision = decision_of(found, everything)
    by_kind: dict[str, list] = {}
    for record in everything:
        by_kind.setdefault(record.kind, []).append(record)
    answers = {r.key: r for r in by_kind.get("antwoord", [])}
    placed = placed_in(kader)
    return case_page(
        found,
        "casussen/controleren.html",
        decision=decision,
        by_kind=by_kind,
        single={r.kind: r for r in everything if r.key == "" and r.kind != "antwoord"},
        inputs=[r for qid, r in answers.items() if kader.kinds.get(qid) != "afweging"],
        afwegingen={
            n: [(q, answers.get(q)) for q in kader.model.afwegingen() if placed.get(q) == n]
            for n in (4, 5)
        },
        signals=sorted(by_kind.get("signaal", []), key=lambda r: r.payload.datum),
        names=colleagues(found.case.organisation_id),
        **route_context(kader, decision, everything),
    )
