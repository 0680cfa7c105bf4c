"""/consultatie: a colleague's advice and own, independent afwegingen on a shared case.

The colleague reads the signals, consultations and conversations, and answers each
afweging without seeing the owner's answers; those show only after the colleague marks the
consultation as done, so the two judgements stay independent. Once done, it stays done.
"""

from flask import abort
from flask import g
from flask import request
from flask import url_for
from wtforms import BooleanField
from wtforms import RadioField
from wtforms.validators import Optional

from meldcode.casus.records import Consultatie
from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.kader.words import OVERLEG_MET
from meldcode.storage import cases
from meldcode.web.access import access
from meldcode.web.casework import kader_of
from meldcode.web.casework import open_case
from meldcode.web.casework import records
from meldcode.web.casussen.recordpage import RecordPage
from meldcode.web.casussen.recordpage import edit
from meldcode.web.casussen.stap_common import by_date
from meldcode.web.fields import JA_NEE
from meldcode.web.fields import options
from meldcode.web.fields import text_field
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import language
from meldcode.web.routes import Routes

routes = Routes()

NOTHING_YET = _l(
    "Vul je advies in of beantwoord minstens één afweging voordat je je meedenken afrondt."
)


class ConsultBase(BaseForm):
    """A consultation may only be marked done when it says something."""

    afwegingen: tuple = ()

    def validate(self, extra_validators=None):
        """Validate the fields, then refuse an empty consultation marked as done."""
        valid = super().validate(extra_validators)
        said = (self.advies.data or "").strip() or any(self[q].data for q in self.afwegingen)
        if self.klaar.data and not said:
            self.klaar.errors = [*self.klaar.errors, NOTHING_YET]
            return False
        return valid


def consult_form(kader) -> type[BaseForm]:
    """Return the form: the advice, ja/nee and a motivation per afweging, and done."""
    lang = language()
    fields = {
        "advies": text_field(
            _l("Jouw advies"),
            hint=_l("Wat raad je de eigenaar van de casus aan, en waarom?"),
        )
    }
    ids = kader.model.afwegingen()
    for qid in ids:
        question = kader.model.questions[qid]
        fields[qid] = RadioField(
            question.text.get(lang),
            [Optional()],
            choices=options(JA_NEE),
            description=question.help.get(lang) if question.help else "",
            invalid_choice_message=_l("Kies ja of nee."),
        )
        fields[f"{qid}_motivatie"] = text_field(
            _("Motivatie bij afweging %(n)d", n=question.number or 0), rows=3
        )
    fields["klaar"] = BooleanField(
        _l("Ik ben klaar met meedenken. Laat me nu de afwegingen van de eigenaar zien.")
    )
    fields["afwegingen"] = tuple(ids)
    return type("ConsultForm", (ConsultBase,), fields)


def _page(kader, done: bool) -> RecordPage:
    """Return the record page of the colleague's own consultation."""
    ids = kader.model.afwegingen()

    def to_payload(form, _found) -> Consultatie:
        """Build the consultation's payload from the form."""
        return Consultatie(
            advies=form.advies.data or "",
            antwoorden={q: form[q].data for q in ids if form[q].data in ("ja", "nee")},
            motivaties={q: form[f"{q}_motivatie"].data for q in ids if form[f"{q}_motivatie"].data},
            klaar=done or bool(form.klaar.data),  # seen the owner's answers: no way back
        )

    def to_data(payload: Consultatie) -> dict:
        """Fill the form from a saved consultation."""
        data = {"advies": payload.advies, "klaar": payload.klaar}
        for q in ids:
            data[q] = payload.antwoorden.get(q)
            data[f"{q}_motivatie"] = payload.motivaties.get(q, "")
        return data

    def after_save(case_id: str) -> str:
        """Go to the comparison once the consultation is done, else to the case."""
        if done or request.form.get("klaar"):
            return url_for("casussen.vergelijking", case_id=case_id)
        return url_for("casussen.overview", case_id=case_id)

    return RecordPage(
        kind="consultatie",
        form=consult_form(kader),
        title=_l("Meedenken over deze casus"),
        back=lambda case_id: url_for("casussen.overview", case_id=case_id),
        to_payload=to_payload,
        to_data=to_data,
        template="casussen/consultatie.html",
        context=lambda found: _read_only(found, kader, done),
        save_label=_l("Opslaan"),
        after_save=after_save,
        owner_only=False,
    )


def _read_only(found: cases.Access, kader, done: bool) -> dict:
    """Return what the colleague reads: signals, consultations, conversations."""
    all_records = records(found)
    skipped = [r for r in all_records if r.kind == "gesprek_overslaan"]
    return {
        "signals": by_date(all_records, "signaal"),
        "overleggen": by_date(all_records, "overleg"),
        "gesprekken": by_date(all_records, "gesprek"),
        "overslaan": skipped[0] if skipped else None,
        "afwegingen": [(q, kader.model.questions[q]) for q in kader.model.afwegingen()],
        "met_labels": OVERLEG_MET,
        "reasons": kader.model.gesprek.skip_reasons,
        "done": done,
    }


@routes.route("/<case_id>/consultatie", methods=["GET", "POST"])
@access("case")
def consultatie(case_id: str):
    """Let a colleague the case is shared with record their advice and own afwegingen."""
    found = open_case(case_id)
    if found.is_owner:
        abort(403)  # the owner weighs in stap 4 and 5; this page is for the colleague
    mine = [r for r in records(found, "consultatie") if r.key == g.user.id]
    done = bool(mine and mine[0].payload.klaar)
    return edit(_page(kader_of(found), done), case_id, g.user.id)
