"""/stap-3: the conversations with the person(s) involved, or why there was none.

Skipping is allowed only with one of the kader's reason codes and an explanation, and can be
undone. Special forms of violence that change the conversation (eergerelateerd geweld,
huwelijksdwang) are shown on the step page and on the conversation form itself.
"""

from flask import render_template
from flask import url_for
from wtforms import RadioField
from wtforms import StringField
from wtforms.validators import DataRequired
from wtforms.validators import InputRequired

from meldcode.casus.records import Gesprek
from meldcode.casus.records import GesprekOverslaan
from meldcode.kader.i18n import _l
from meldcode.web.access import access
from meldcode.web.casework import decision_of
from meldcode.web.casework import kader_of
from meldcode.web.casework import label
from meldcode.web.casework import open_case
from meldcode.web.casework import records
from meldcode.web.casussen.recordpage import RecordPage
from meldcode.web.casussen.recordpage import delete
from meldcode.web.casussen.recordpage import edit
from meldcode.web.casussen.stap_common import by_date
from meldcode.web.casussen.stap_common import step_done
from meldcode.web.casussen.stap_common import step_of
from meldcode.web.casussen.waarschuwingen import gesprek_warnings
from meldcode.web.fields import date_field
from meldcode.web.fields import options
from meldcode.web.fields import text_field
from meldcode.web.fields import too_long
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import language
from meldcode.web.routes import Routes

routes = Routes()


class GesprekForm(BaseForm):
    """One conversation: with whom, what was said, the reaction, the agreements."""

    datum = date_field(_l("Datum van het gesprek"))
    met = StringField(
        _l("Met wie heb je gesproken?"),
        [
            DataRequired(message=_l("Vul in met wie je hebt gesproken.")),
            too_long(200),
        ],
        filters=[lambda value: value.strip() if isinstance(value, str) else value],
        description=_l("Een rol, bijvoorbeeld 'moeder' of 'de leerling en vader'. Geen namen."),
    )
    gezegd = text_field(
        _l("Wat heb je verteld en wat is er gezegd?"),
        required=True,
        hint=_l(
            "Wat je zag en waarom je je zorgen maakt, en wat de ander vertelde. Uitspraken zo "
            "letterlijk mogelijk."
        ),
    )
    reactie = text_field(_l("Hoe reageerde de ander?"), rows=3)
    afspraken = text_field(_l("Welke afspraken hebben jullie gemaakt?"), rows=3)


class OverslaanForm(BaseForm):
    """Why the conversation is not held: one of the kader's reasons, and an explanation."""

    reden = RadioField(
        _l("Waarom voer je het gesprek niet?"),
        [InputRequired(message=_l("Kies een reden."))],
        invalid_choice_message=_l("Kies een van de genoemde redenen."),
    )
    toelichting = text_field(
        _l("Toelichting"),
        required=True,
        hint=_l("Beschrijf waarom een gesprek de veiligheid in gevaar zou brengen."),
    )


def _reasons(form, found) -> None:
    """Offer the kader's reasons to skip the conversation."""
    reasons = kader_of(found).model.gesprek.skip_reasons
    form.reden.choices = options((code, r.label.get(language())) for code, r in reasons.items())


def _warnings(found) -> dict:
    """Return the kader's warnings for the conversation (special cases)."""
    return {"gesprek_warnings": gesprek_warnings(decision_of(found))}


def _back(case_id: str) -> str:
    """Return the URL of stap 3."""
    return url_for("casussen.stap3", case_id=case_id)


GESPREK = RecordPage(
    kind="gesprek",
    form=GesprekForm,
    title=_l("Gesprek"),
    back=_back,
    to_payload=lambda form, _found: Gesprek(
        datum=form.datum.data,
        met=form.met.data,
        gezegd=form.gezegd.data,
        reactie=form.reactie.data or "",
        afspraken=form.afspraken.data or "",
    ),
    template="casussen/stap3_gesprek.html",
    context=_warnings,
    intro=_l(
        "Leg uit waarom je het gesprek voert, vertel wat je hebt gezien en nodig de ander uit "
        "om te reageren."
    ),
    save_label=_l("Gesprek opslaan"),
)

OVERSLAAN = RecordPage(
    kind="gesprek_overslaan",
    form=OverslaanForm,
    title=_l("Het gesprek overslaan"),
    back=_back,
    to_payload=lambda form, _found: GesprekOverslaan(
        reden=form.reden.data, toelichting=form.toelichting.data
    ),
    prepare=_reasons,
    intro=_l(
        "Sla het gesprek alleen over als het de veiligheid van de cliënt of het kind, van jou "
        "of van anderen in gevaar brengt. Leg vast waarom."
    ),
    save_label=_l("Opslaan"),
)


@routes.get("/<case_id>/stap-3")
@access("case")
def stap3(case_id: str):
    """Show stap 3: warnings, the conversations, or why there was none."""
    found = open_case(case_id, owner_only=True)
    kader = kader_of(found)
    all_records = records(found)
    skipped = [r for r in all_records if r.kind == "gesprek_overslaan"]
    return render_template(
        "casussen/stap3.html",
        access=found,
        label=label(found),
        kader=kader,
        step=step_of(kader, 3),
        gesprekken=by_date(all_records, "gesprek"),
        overslaan=skipped[0] if skipped else None,
        reasons=kader.model.gesprek.skip_reasons,
        gesprek_warnings=gesprek_warnings(decision_of(found, all_records)),
        step_done_state=step_done(all_records, 3),
    )


@routes.route("/<case_id>/stap-3/gesprek/nieuw", methods=["GET", "POST"])
@access("case")
def gesprek_new(case_id: str):
    """Add a conversation."""
    return edit(GESPREK, case_id, None)


@routes.route("/<case_id>/stap-3/gesprek/<key>", methods=["GET", "POST"])
@access("case")
def gesprek_edit(case_id: str, key: str):
    """Change a conversation."""
    return edit(GESPREK, case_id, key)


@routes.route("/<case_id>/stap-3/gesprek/<key>/verwijderen", methods=["GET", "POST"])
@access("case")
def gesprek_delete(case_id: str, key: str):
    """Delete a conversation, after asking."""
    return delete(GESPREK, case_id, key)


@routes.route("/<case_id>/stap-3/overslaan", methods=["GET", "POST"])
@access("case")
def overslaan(case_id: str):
    """Skip the conversation, with one of the kader's reasons."""
    return edit(OVERSLAAN, case_id, "")


@routes.route("/<case_id>/stap-3/overslaan/ongedaan", methods=["GET", "POST"])
@access("case")
def overslaan_undo(case_id: str):
    """Undo skipping the conversation, after asking."""
    return delete(OVERSLAAN, case_id, "")
