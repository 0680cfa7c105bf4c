"""/beslissing: what the kader concludes and why, and what the professional decides.

The page shows the engine's decision in full (Beslissing 1 and 2, route, actions, the trace
with every rule id and source, norms, special cases, warnings, the kader version). The
professional confirms it or departs from it with a motivation; both are kept, with a
snapshot of the outcome decided on, so a later change of the answers is visible.
"""

import datetime

from flask import render_template
from flask import request
from flask import url_for

from meldcode.casus.records import Beslissing
from meldcode.kader.i18n import _l
from meldcode.kader.stand import stand as stand_of
from meldcode.kader.words import Words
from meldcode.kader.words.labels import norm_kind
from meldcode.web.access import access
from meldcode.web.casework import decision_of
from meldcode.web.casework import hold_back_weighing
from meldcode.web.casework import kader_of
from meldcode.web.casework import label
from meldcode.web.casework import open_case
from meldcode.web.casework import records
from meldcode.web.casussen.beslissing_form import BeslissingForm
from meldcode.web.casussen.recordpage import RecordPage
from meldcode.web.casussen.recordpage import edit
from meldcode.web.casussen.uitkomst import saved_decision
from meldcode.web.casussen.voortgang import saved_state
from meldcode.web.i18n import language
from meldcode.web.routes import Routes

routes = Routes()


def _prepare(form, found) -> None:
    """Give the form the kader's decision, and today as the date of a new decision."""
    form.decision = decision_of(found)
    if request.method == "GET" and form.datum.data is None:
        form.datum.data = datetime.date.today()


def _payload(form, _found) -> Beslissing:
    """Return the decision record: own choices, motivation, and the outcome decided on."""
    decision = form.decision
    where = stand_of(decision)  # what the kader has decided now; Beslissing 2 may be open
    follows = form.keuze.data == "volgen"
    return Beslissing(
        volgt_uitkomst=follows,
        melden=where.melden if follows else form.melden.data == "ja",
        hulp=where.hulp if follows else _own(form.hulp.data),
        motivatie=(form.motivatie.data or "").strip(),
        datum=form.datum.data,
        uitkomst=decision.snapshot(),
    )


def _data(payload: Beslissing) -> dict:
    """Return a saved decision as the form's data."""
    follows = payload.volgt_uitkomst
    return {
        "keuze": "volgen" if follows else "afwijken",
        # Own choices are only asked when departing; when following they are the kader's.
        "melden": None if follows else _ja_nee(payload.melden),
        "hulp": None if follows else _ja_nee(payload.hulp),
        "motivatie": payload.motivatie,
        "datum": payload.datum,
    }


def _own(value: str | None) -> bool | None:
    """Return an own ja/nee choice as a boolean; None while it is left open."""
    return None if not value else value == "ja"


def _ja_nee(value: bool | None) -> str | None:
    """Return a stored yes/no as the form's ja/nee."""
    return None if value is None else ("ja" if value else "nee")


def _context(found) -> dict:
    """Return the outcome in full, and the saved decision next to it."""
    kader = kader_of(found)
    lang = language()
    everything = records(found)
    decision = decision_of(found, everything)
    saved = saved_decision(everything)
    words = Words(kader.model, lang)
    where = stand_of(decision)
    return {
        "decision": decision,
        "stand": where,
        "norm_kind": norm_kind,
        "departing": request.form.get("keuze") == "afwijken"
        or (saved is not None and not saved.payload.volgt_uitkomst),
        "contract": decision.to_contract(lang),
        "words": words,
        "acties": words.action_lines(decision.acties),
        "saved": saved,
        "changed": saved is not None and saved.payload.uitkomst != decision.snapshot(),
        "how": saved_state(saved, decision, where) if saved is not None else "geen",
        "route": kader.model.routes.get(decision.route),
    }


BESLISSING = RecordPage(
    kind="beslissing",
    form=BeslissingForm,
    title=_l("Beslissen"),
    back=lambda case_id: url_for("casussen.stap5", case_id=case_id),
    to_payload=_payload,
    to_data=_data,
    template="casussen/beslissing.html",
    prepare=_prepare,
    context=_context,
    save_label=_l("Beslissing vastleggen"),
)


@routes.route("/<case_id>/beslissing", methods=["GET", "POST"])
@access("case")
def beslissing(case_id: str):
    """Show the kader's outcome with its trace; the owner confirms it or departs from it."""
    found = open_case(case_id)
    hold_back_weighing(found)
    if not found.is_owner and request.method == "GET":
        # A consulted colleague reads the outcome and its reasons, but does not decide.
        return render_template(
            BESLISSING.template,
            page=BESLISSING,
            form=None,
            access=found,
            label=label(found),
            kader=kader_of(found),
            back_url=url_for("casussen.overview", case_id=case_id),
            **_context(found),
        )
    return edit(BESLISSING, case_id, "")
