"""Stap 4 and 5 as the case's kader lays them out: the afwegingen of each step, or the route.

In the basismodel, afwegingen 1–2 are answered in stap 4 and 3–5 in stap 5; in the KNMG
layout stap 4 is consultation with other professionals (and the Verwijsindex) and all five
afwegingen are in stap 5. When a route replaces the afwegingen (the meldplicht for a staff
suspect), both steps show that route's own steps instead.
"""

from dataclasses import dataclass

from flask import render_template
from flask import url_for
from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import Length
from wtforms.validators import Optional

from meldcode.casus.records import OverlegProfessionals
from meldcode.web.access import access
from meldcode.web.casework import decision_of
from meldcode.web.casework import hold_back_weighing
from meldcode.web.casework import kader_of
from meldcode.web.casework import label
from meldcode.web.casework import open_case
from meldcode.web.casework import records
from meldcode.web.casus import bp
from meldcode.web.casus.meldplicht import route_context
from meldcode.web.casus.recordpage import RecordPage
from meldcode.web.casus.recordpage import edit
from meldcode.web.casus.uitkomst import melden_decided
from meldcode.web.casus.uitkomst import saved_decision
from meldcode.web.casus.uitkomst import step_of
from meldcode.web.casus.velden import choice
from meldcode.web.forms import MAX_TEXT
from meldcode.web.forms import BaseForm
from meldcode.web.forms import date_field
from meldcode.web.forms import text_field
from meldcode.web.i18n import language
from meldcode.web.words import Words


@dataclass
class Row:
    """One afweging of a step, with its answer and what the kader does with it."""

    qid: str
    question: object
    record: object
    state: str  # "telt", "aan_de_beurt", "later", "niet_nodig", "niet_gebruikt"
    pad: object


def rows_of(kader, step, decision, answers: dict) -> list[Row]:
    """Return the step's afwegingen in the step's order, with their state in the decision."""
    on_path = {s.vraag: s for s in decision.pad}
    rows = []
    for qid in step.afwegingen:
        record = answers.get(qid)
        if qid in on_path:
            state = "telt"
        elif qid in decision.nog_nodig:
            state = "aan_de_beurt"
        elif decision.compleet:
            state = "niet_gebruikt" if record is not None else "niet_nodig"
        else:
            state = "later"
        rows.append(Row(qid, kader.model.questions[qid], record, state, on_path.get(qid)))
    return rows


def _step(case_id: str, number: int):
    """Render stap 4 or 5: help, duties, the afwegingen (or the route) and what follows."""
    found = open_case(case_id)
    hold_back_weighing(found)
    kader = kader_of(found)
    everything = records(found)
    decision = decision_of(found, everything)
    step = step_of(kader, number)
    answers = {r.key: r for r in everything if r.kind == "antwoord"}
    single = {r.kind: r for r in everything if r.key == "" and r.kind != "antwoord"}
    done = next((r for r in everything if r.kind == "stap_klaar" and r.key == str(number)), None)
    on_route = decision.route != "meldcode"
    return render_template(
        f"cases/stap{number}.html",
        access=found,
        label=label(found),
        kader=kader,
        step=step,
        words=Words(kader.model, language()),
        decision=decision,
        rows=[] if on_route else rows_of(kader, step, decision, answers),
        knmg=kader.model.step_layout == "knmg",
        single=single,
        help_records=[r for r in everything if r.kind == "hulp"],
        saved=saved_decision(everything),
        melden=melden_decided(decision, everything),
        step_done_state=bool(done and done.payload.klaar),
        **route_context(kader, decision, everything),
    )


@bp.get("/<case_id>/stap-4")
@access("case")
def stap4(case_id: str):
    """Show stap 4: weighing (basismodel) or consulting professionals (KNMG)."""
    return _step(case_id, 4)


@bp.get("/<case_id>/stap-5")
@access("case")
def stap5(case_id: str):
    """Show stap 5: the remaining afwegingen, the decision and what follows it."""
    return _step(case_id, 5)


VERWIJSINDEX = [
    ("ja", _l("Ja, ik heb een signaal afgegeven")),
    ("nee", _l("Nee")),
    ("onbekend", _l("Nog niet bekend")),
]


class OverlegProfessionalsForm(BaseForm):
    """KNMG stap 4: consultation with professionals and the Verwijsindex."""

    datum = date_field(_l("Datum van het overleg"), required=False)
    met = StringField(
        _l("Met wie heb je overlegd?"),
        [
            Optional(),
            Length(max=MAX_TEXT, message=_l("Gebruik hoogstens %(max)d tekens.", max=MAX_TEXT)),
        ],
        description=_l("Functies of organisaties, bijvoorbeeld 'jeugdarts', 'wijkteam'."),
    )
    verwijsindex = choice(
        _l("Signaal aan de Verwijsindex risicojongeren"),
        VERWIJSINDEX,
        _l("Kies een van de mogelijkheden."),
        hint=_l("Tandartsen geven geen signaal af in de Verwijsindex."),
    )
    toelichting = text_field(_l("Wat kwam eruit?"), rows=4)


OVERLEG_PROFESSIONALS = RecordPage(
    kind="overleg_professionals",
    form=OverlegProfessionalsForm,
    title=_l("Overleg met betrokken professionals en de Verwijsindex"),
    back=lambda case_id: url_for("cases.stap4", case_id=case_id),
    to_payload=lambda form, _found: OverlegProfessionals(
        datum=form.datum.data,
        met=form.met.data or "",
        verwijsindex=form.verwijsindex.data,
        toelichting=form.toelichting.data or "",
    ),
    intro=_l(
        "Overleg zo nodig met andere professionals die de patiënt of het gezin kennen, en "
        "geef zo nodig een signaal af in de Verwijsindex risicojongeren."
    ),
)


@bp.route("/<case_id>/stap-4/overleg-professionals", methods=["GET", "POST"])
@access("case")
def overleg_professionals(case_id: str):
    """Record the consultation with other professionals (KNMG stap 4)."""
    return edit(OVERLEG_PROFESSIONALS, case_id, "")
