"""/stap-1: the signals, facts kept apart from interpretation, with what contradicts them.

The page also lists stap 1's input questions (meldcode.web.casussen.stap1_vraag), the
checks the kader asks for (stap1_check) and what the answers set in motion.
"""

from flask import render_template
from flask import url_for
from wtforms import BooleanField
from wtforms import SelectField
from wtforms import StringField
from wtforms.validators import Optional

from meldcode.casus.records import Signaal
from meldcode.kader.i18n import _l
from meldcode.web.access import access
from meldcode.web.casework import decision_of
from meldcode.web.casework import kader_of
from meldcode.web.casework import label
from meldcode.web.casework import open_case
from meldcode.web.casework import records
from meldcode.web.casework import still_blind
from meldcode.web.casussen.recordpage import RecordPage
from meldcode.web.casussen.recordpage import delete
from meldcode.web.casussen.recordpage import edit
from meldcode.web.casussen.stap_common import step_done
from meldcode.web.casussen.stap_common import step_of
from meldcode.web.casussen.vragen import question_rows
from meldcode.web.casussen.waarschuwingen import alerts
from meldcode.web.fields import date_field
from meldcode.web.fields import text_field
from meldcode.web.fields import too_long
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import language
from meldcode.web.routes import Routes

routes = Routes()

# Our own words, and no maxlength attribute that would cut pasted text off unsaid.
TOO_LONG = too_long(200)


class SignaalForm(BaseForm):
    """One observation."""

    datum = date_field(_l("Datum van de waarneming"))
    waarneming = text_field(
        _l("Wat is er gezien of gehoord? (feiten)"),
        required=True,
        hint=_l("Beschrijf zo feitelijk mogelijk: wat, waar, wie. Bij een uitspraak: letterlijk."),
    )
    interpretatie = text_field(
        _l("Jouw interpretatie"),
        hint=_l("Wat denk je dat het betekent? Houd dit apart van de feiten hierboven."),
        rows=3,
    )
    waargenomen_door = StringField(
        _l("Waargenomen door"),
        [Optional(), TOO_LONG],
        description=_l("Een functie of rol, bijvoorbeeld 'mentor'."),
    )
    categorie = SelectField(_l("Soort signaal"), [Optional()])
    tegenindicatie = text_field(
        _l("Wat spreekt het vermoeden tegen?"),
        hint=_l("Informatie die een andere verklaring geeft of het vermoeden zwakker maakt."),
        rows=3,
    )
    letsel = BooleanField(_l("Er is letsel gezien"))
    letsel_plaats = StringField(_l("Waar op het lichaam?"), [Optional(), TOO_LONG])
    letsel_aard = text_field(_l("Wat voor letsel (kleur, vorm, grootte)?"), rows=2)


def _categories(form, found) -> None:
    """Offer the kader's signal categories in the page's language."""
    kader = kader_of(found)
    form.categorie.choices = [("", _l("Kies een soort (optioneel)"))] + [
        (cid, cat.label.get(language())) for cid, cat in kader.model.signal_categories.items()
    ]


def _payload(form, _found) -> Signaal:
    """Build the signal's payload from the form."""
    return Signaal(
        **{
            name: form[name].data if form[name].data is not None else ""
            for name in (
                "datum",
                "waarneming",
                "interpretatie",
                "waargenomen_door",
                "categorie",
                "tegenindicatie",
                "letsel_plaats",
                "letsel_aard",
            )
        },
        letsel=bool(form.letsel.data),
    )


SIGNAAL = RecordPage(
    kind="signaal",
    form=SignaalForm,
    title=_l("Signaal"),
    back=lambda case_id: url_for("casussen.stap1", case_id=case_id),
    to_payload=_payload,
    prepare=_categories,
    intro=_l(
        "Een signaal is iets wat je hebt gezien of gehoord. Een signaal bewijst niets: "
        "bijna elk signaal kan ook een andere oorzaak hebben."
    ),
    save_label=_l("Signaal opslaan"),
)


def stap1_context(found, kader, all_records) -> dict:
    """Return what the stap 1 page shows beyond the signals: questions, checks, warnings."""
    checks = {r.key: r for r in all_records if r.kind == "check"}
    step = step_of(kader, 1)
    return {
        "question_rows": question_rows(kader, all_records, 1),
        "check_rows": [
            {"id": cid, "check": kader.model.checks[cid], "record": checks.get(cid)}
            for cid in step.checks
            if cid in kader.model.checks
        ],
        # What the answers set in motion is the owner's outcome: a consulted colleague
        # sees it once their own weighing is done (meldcode.web.casework.still_blind).
        "alerts": [] if still_blind(found) else alerts(decision_of(found, all_records)),
        "step_done_state": step_done(all_records, 1),
    }


@routes.get("/<case_id>/stap-1")
@access("case")
def stap1(case_id: str):
    """Show stap 1: the signals and the questions about the forms of violence."""
    found = open_case(case_id)
    kader = kader_of(found)
    all_records = records(found)
    signals = sorted(
        (r for r in all_records if r.kind == "signaal"),
        key=lambda r: (r.payload.datum, r.updated_at),
    )
    answers = {r.key: r for r in all_records if r.kind == "antwoord"}
    checks = {r.key: r for r in all_records if r.kind == "check"}
    step = dict(kader.model.ordered_steps())["stap_1"]
    return render_template(
        "casussen/stap1.html",
        access=found,
        label=label(found),
        kader=kader,
        step=step,
        signals=signals,
        answers=answers,
        checks=checks,
        **stap1_context(found, kader, all_records),
    )


@routes.route("/<case_id>/stap-1/signaal/nieuw", methods=["GET", "POST"])
@access("case")
def signaal_new(case_id: str):
    """Add a signal."""
    return edit(SIGNAAL, case_id, None)


@routes.route("/<case_id>/stap-1/signaal/<key>", methods=["GET", "POST"])
@access("case")
def signaal_edit(case_id: str, key: str):
    """Change a signal."""
    return edit(SIGNAAL, case_id, key)


@routes.route("/<case_id>/stap-1/signaal/<key>/verwijderen", methods=["GET", "POST"])
@access("case")
def signaal_delete(case_id: str, key: str):
    """Delete a signal, after asking."""
    return delete(SIGNAAL, case_id, key)
