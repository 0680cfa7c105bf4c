"""Stap 2: the owner's afwegingen beside those of each colleague who finished thinking along.

The owner sees where they differ before deciding. A colleague sees the owner's answers only
after finishing their own consultation; only finished consultations are compared.
"""

from flask import g
from flask import render_template

from meldcode.storage import cases
from meldcode.web.access import access
from meldcode.web.casework import kader_of
from meldcode.web.casework import label
from meldcode.web.casework import open_case
from meldcode.web.casework import records
from meldcode.web.casussen.stap_common import names
from meldcode.web.database import session
from meldcode.web.routes import Routes

routes = Routes()

ANSWERS = ("ja", "nee")


def _compare(kader, owner: dict, consults: list[cases.RecordView], known: dict) -> list[dict]:
    """Return one row per afweging: the owner's answer and each colleague's, with differences."""
    rows = []
    for qid in kader.model.afwegingen():
        own = owner.get(qid)
        own_value = own.antwoord if own is not None and own.antwoord in ANSWERS else None
        cells = []
        for record in consults:
            value = record.payload.antwoorden.get(qid)
            cells.append(
                {
                    "id": record.key,
                    "name": known.get(record.key, ""),
                    "value": value,
                    "motivatie": record.payload.motivaties.get(qid, ""),
                    "differs": own_value is not None and value is not None and value != own_value,
                }
            )
        rows.append(
            {
                "id": qid,
                "question": kader.model.questions[qid],
                "owner_value": own_value,
                "owner_motivatie": own.motivatie if own is not None else "",
                "cells": cells,
                "differs": any(c["differs"] for c in cells),
            }
        )
    return rows


@routes.get("/<case_id>/stap-2/vergelijking")
@access("case")
def vergelijking(case_id: str):
    """Compare the owner's afwegingen with the colleagues' independent ones."""
    found = open_case(case_id)
    kader = kader_of(found)
    all_records = records(found)
    consults = [r for r in all_records if r.kind == "consultatie"]
    finished = [r for r in consults if r.payload.klaar]
    context = {"access": found, "label": label(found), "kader": kader}
    if not found.is_owner and g.user.id not in {r.key for r in finished}:
        # The colleague's own judgement comes first; the owner's answers stay hidden.
        return render_template("casussen/stap2_vergelijking.html", hidden=True, **context)
    owner = {r.key: r.payload for r in all_records if r.kind == "antwoord"}
    shared = cases.shares(session(), found.case)
    known = names(found, [found.case.owner_id, *shared, *(r.key for r in consults)])
    rows = _compare(kader, owner, finished, known)
    return render_template(
        "casussen/stap2_vergelijking.html",
        hidden=False,
        rows=rows,
        owner_name=known.get(found.case.owner_id, ""),
        finished=[(known.get(r.key, ""), r) for r in finished],
        waiting=[known.get(u, "") for u in shared if u not in {r.key for r in finished}],
        differing=[row for row in rows if row["differs"]],
        me=g.user.id,
        **context,
    )
