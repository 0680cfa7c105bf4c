"""The case's own pages: check every answer, the timeline, and who saw the case.

The timeline and the access report say who did what and when, never what was written:
they are built from the event log and the audit trail, which hold no content.
"""

from flask import render_template
from sqlalchemy import select

from meldcode.storage import audit
from meldcode.storage import cases
from meldcode.storage.models import User
from meldcode.web.access import access
from meldcode.web.casework import decision_of
from meldcode.web.casework import hold_back_weighing
from meldcode.web.casework import kader_of
from meldcode.web.casework import label
from meldcode.web.casework import open_case
from meldcode.web.casework import records
from meldcode.web.casus import bp
from meldcode.web.casus.gebeurtenissen import audit_text
from meldcode.web.casus.gebeurtenissen import event_text
from meldcode.web.casus.gebeurtenissen import local_time
from meldcode.web.casus.gebeurtenissen import subject_text
from meldcode.web.casus.meldplicht import route_context
from meldcode.web.casus.uitkomst import placed_in
from meldcode.web.database import session
from meldcode.web.i18n import language
from meldcode.web.words import Words


def colleagues(organisation_id: str) -> dict[str, str]:
    """Return the names of the organisation's accounts by id (the address when unnamed)."""
    rows = session().scalars(select(User).where(User.organisation_id == organisation_id))
    return {u.id: u.name or u.email for u in rows}


def _page(found, template: str, **context):
    """Render one of the case's own pages with its name plate."""
    kader = kader_of(found)
    return render_template(
        template,
        access=found,
        label=label(found),
        kader=kader,
        words=Words(kader.model, language()),
        **context,
    )


@bp.get("/<case_id>/controleren")
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
    return _page(
        found,
        "cases/controleren.html",
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


@bp.get("/<case_id>/tijdlijn")
@access("case")
def tijdlijn(case_id: str):
    """Show the case's event log: who did what, when (never content)."""
    found = open_case(case_id)
    kader = kader_of(found)
    words = Words(kader.model, language())
    names = colleagues(found.case.organisation_id)
    entries = [
        {
            "when": local_time(e.at),
            "who": names.get(e.actor_id, "—"),
            "what": event_text(e.action),
            "about": subject_text(e.action, e.subject, kader, words, names),
        }
        for e in cases.events(session(), found.case)
    ]
    return _page(found, "cases/tijdlijn.html", entries=list(reversed(entries)))


@bp.get("/<case_id>/toegang")
@access("case")
def toegang(case_id: str):
    """Show the owner who viewed, changed, exported or was refused this case."""
    found = open_case(case_id, owner_only=True)
    names = colleagues(found.case.organisation_id)
    rows = [
        {
            "when": local_time(row.at),
            # Someone outside the organisation is not named to the owner, only counted.
            "who": names.get(row.actor_id) if row.actor_id in names else None,
            "what": audit_text(row.action),
            "result": row.result,
        }
        for row in audit.for_object(session(), found.case.id)
    ]
    return _page(found, "cases/toegang.html", rows=list(reversed(rows)))
