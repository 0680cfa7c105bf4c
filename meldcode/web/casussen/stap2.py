"""/stap-2: consultations (a colleague, the aandachtsfunctionaris, Veilig Thuis, an expert).

A consultation with Veilig Thuis also answers the question ``advies_veilig_thuis`` with ja,
in the same transaction, so a kader with an adviesplicht sees that the advice was asked.
"""

from flask import render_template
from flask import url_for
from wtforms import BooleanField
from wtforms import RadioField
from wtforms import StringField
from wtforms.validators import InputRequired
from wtforms.validators import Optional

from meldcode.casus.records import Antwoord
from meldcode.casus.records import Overleg
from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.kader.words import OVERLEG_MET
from meldcode.storage import cases
from meldcode.web.access import access
from meldcode.web.casework import kader_of
from meldcode.web.casework import label
from meldcode.web.casework import open_case
from meldcode.web.casework import records
from meldcode.web.casussen.recordpage import RecordPage
from meldcode.web.casussen.recordpage import delete
from meldcode.web.casussen.recordpage import edit
from meldcode.web.casussen.stap2_overnemen import adopted_key
from meldcode.web.casussen.stap_common import by_date
from meldcode.web.casussen.stap_common import names
from meldcode.web.casussen.stap_common import step_done
from meldcode.web.casussen.stap_common import step_of
from meldcode.web.casussen.vragen import question_rows
from meldcode.web.database import database
from meldcode.web.database import session
from meldcode.web.fields import date_field
from meldcode.web.fields import options
from meldcode.web.fields import text_field
from meldcode.web.fields import too_long
from meldcode.web.forms import BaseForm
from meldcode.web.routes import Routes

routes = Routes()

VT_QUESTION = "advies_veilig_thuis"


class OverlegForm(BaseForm):
    """One consultation and the advice it gave."""

    datum = date_field(_l("Datum van het overleg"))
    met = RadioField(
        _l("Met wie heb je overlegd?"),
        [InputRequired(message=_l("Kies met wie je hebt overlegd."))],
        choices=options(OVERLEG_MET.items()),
        invalid_choice_message=_l("Kies met wie je hebt overlegd."),
    )
    wie = StringField(
        _l("Wie precies?"),
        [Optional(), too_long(200)],
        description=_l(
            "Een functie of rol, bijvoorbeeld 'intern begeleider'. Een naam is niet nodig."
        ),
    )
    anoniem = BooleanField(
        _l("Het overleg was anoniem: zonder namen of gegevens waaraan iemand te herkennen is")
    )
    advies = text_field(
        _l("Welk advies heb je gekregen?"),
        required=True,
        hint=_l("Schrijf het advies zo precies mogelijk op, met de afspraken die je maakte."),
    )


def _payload(form, _found) -> Overleg:
    """Build the consultation record's payload from the form."""
    return Overleg(
        datum=form.datum.data,
        met=form.met.data,
        wie=(form.wie.data or "").strip(),
        anoniem=bool(form.anoniem.data),
        advies=form.advies.data,
    )


def _advice_asked(s, found, user, payload: Overleg) -> None:
    """Record that Veilig Thuis was asked for advice, within the consultation's own save."""
    if payload.met != "veilig_thuis" or VT_QUESTION not in kader_of(found).kinds:
        return
    cipher = database().cipher
    saved = [r for r in cases.records(s, cipher, found.case, "antwoord") if r.key == VT_QUESTION]
    current = saved[0] if saved else None
    if current is not None and current.payload.antwoord == "ja":
        return
    answer = Antwoord(
        antwoord="ja",
        motivatie=(current.payload.motivatie if current else "")
        or _("Volgt uit het vastgelegde overleg met Veilig Thuis."),
    )
    version = current.version if current else None
    cases.save_record(s, cipher, found.case, user, "antwoord", VT_QUESTION, answer, version)


OVERLEG = RecordPage(
    kind="overleg",
    form=OverlegForm,
    title=_l("Overleg"),
    back=lambda case_id: url_for("casussen.stap2", case_id=case_id),
    to_payload=_payload,
    intro=_l(
        "Leg vast met wie je overlegde, wanneer, en welk advies je kreeg. Noem de betrokkenen "
        "niet bij naam als dat niet nodig is."
    ),
    save_label=_l("Overleg opslaan"),
    on_save=_advice_asked,
)


def colleague_rows(found: cases.Access, all_records: list[cases.RecordView]) -> list[dict]:
    """Return the colleagues asked to think along, with how far their consultation is."""
    consults = {r.key: r for r in all_records if r.kind == "consultatie"}
    overleg_keys = {r.key for r in all_records if r.kind == "overleg"}
    shared = cases.shares(session(), found.case)
    ids = list(dict.fromkeys(shared + list(consults)))
    known = names(found, ids)
    rows = []
    for user_id in ids:
        record = consults.get(user_id)
        state = (
            "klaar" if record and record.payload.klaar else "bezig" if record else "niet_begonnen"
        )
        rows.append(
            {
                "id": user_id,
                "name": known.get(user_id, _("onbekende collega")),
                "state": state,
                "shared": user_id in shared,
                # A finished advice can become a consultation of this step with one button.
                "advies": record.payload.advies if state == "klaar" else "",
                "adopted": adopted_key(user_id) if adopted_key(user_id) in overleg_keys else None,
            }
        )
    return rows


@routes.get("/<case_id>/stap-2")
@access("case")
def stap2(case_id: str):
    """Show stap 2: the step's duties, the consultations, and the colleagues who think along."""
    found = open_case(case_id, owner_only=True)
    kader = kader_of(found)
    all_records = records(found)
    contacts = kader.model.contacts
    return render_template(
        "casussen/stap2.html",
        access=found,
        label=label(found),
        kader=kader,
        step=step_of(kader, 2),
        overleggen=by_date(all_records, "overleg"),
        met_labels=OVERLEG_MET,
        question_rows=question_rows(kader, all_records, 2),
        colleagues=colleague_rows(found, all_records),
        contacts=[contacts[c] for c in ("veilig_thuis", "leck") if c in contacts],
        step_done_state=step_done(all_records, 2),
    )


@routes.route("/<case_id>/stap-2/overleg/nieuw", methods=["GET", "POST"])
@access("case")
def overleg_new(case_id: str):
    """Add a consultation."""
    return edit(OVERLEG, case_id, None)


@routes.route("/<case_id>/stap-2/overleg/<key>", methods=["GET", "POST"])
@access("case")
def overleg_edit(case_id: str, key: str):
    """Change a consultation."""
    return edit(OVERLEG, case_id, key)


@routes.route("/<case_id>/stap-2/overleg/<key>/verwijderen", methods=["GET", "POST"])
@access("case")
def overleg_delete(case_id: str, key: str):
    """Delete a consultation, after asking."""
    return delete(OVERLEG, case_id, key)
