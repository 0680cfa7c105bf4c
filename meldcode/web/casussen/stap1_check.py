"""/stap-1/check/<key>: a check of stap 1 (kindcheck, mantelzorgverleningscheck) if listed."""

from flask import abort
from flask import url_for
from wtforms import IntegerField
from wtforms import RadioField
from wtforms import StringField
from wtforms.validators import InputRequired
from wtforms.validators import NumberRange
from wtforms.validators import Optional
from wtforms.validators import ValidationError

from meldcode.casus.records import Check
from meldcode.kader.i18n import _l
from meldcode.web.access import access
from meldcode.web.casework import kader_of
from meldcode.web.casework import open_case
from meldcode.web.casussen.recordpage import RecordPage
from meldcode.web.casussen.recordpage import edit
from meldcode.web.casussen.stap_common import step_of
from meldcode.web.fields import options
from meldcode.web.fields import text_field
from meldcode.web.fields import too_long
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import language
from meldcode.web.routes import Routes

routes = Routes()

JA_NEE_ONBEKEND = [("ja", _l("Ja")), ("nee", _l("Nee")), ("onbekend", _l("Weet ik (nog) niet"))]
PICK = _l("Kies ja, nee of weet ik (nog) niet.")


class CountField(IntegerField):
    """A whole number, with our own message when it is not one."""

    def process_formdata(self, valuelist):
        """Read the number; say in the page language when it is not a number."""
        try:
            super().process_formdata(valuelist)
        except ValueError as exc:
            raise ValueError(_l("Vul een getal in, bijvoorbeeld 2.")) from exc


class CheckForm(BaseForm):
    """Whether children or adults depend on the client, and who cares for them."""

    afhankelijken = RadioField(
        _l("Zijn er kinderen of volwassenen die afhankelijk zijn van de zorg van je cliënt?"),
        [InputRequired(message=PICK)],
        choices=options(JA_NEE_ONBEKEND),
        invalid_choice_message=PICK,
    )
    aantal = CountField(
        _l("Hoeveel?"),
        [
            Optional(),
            NumberRange(min=0, max=30, message=_l("Vul een aantal van 0 tot en met 30 in.")),
        ],
        render_kw={"inputmode": "numeric"},
    )
    leeftijden = StringField(
        _l("Leeftijden"),
        [Optional(), too_long(200)],
        description=_l("Bijvoorbeeld: 3 en 7 jaar."),
    )
    zorgt_alleen = RadioField(
        _l("Zorgt je cliënt alleen voor hen?"),
        [InputRequired(message=PICK)],
        choices=options(JA_NEE_ONBEKEND),
        default="onbekend",
        invalid_choice_message=PICK,
    )
    toelichting = text_field(_l("Toelichting"), rows=3)

    def validate_aantal(self, field):
        """Refuse a number of dependants after answering that there are none."""
        if self.afhankelijken.data == "nee" and field.data:
            raise ValidationError(_l("Je koos 'nee': laat het aantal leeg of kies 'ja'."))


def _payload(form, _found) -> Check:
    """Build the check's payload from the form."""
    return Check(
        afhankelijken=form.afhankelijken.data,
        aantal=form.aantal.data,
        leeftijden=(form.leeftijden.data or "").strip(),
        zorgt_alleen=form.zorgt_alleen.data,
        toelichting=form.toelichting.data or "",
    )


@routes.route("/<case_id>/stap-1/check/<key>", methods=["GET", "POST"])
@access("case")
def check(case_id: str, key: str):
    """Record a check the kader asks for in stap 1 (e.g. the kindcheck)."""
    found = open_case(case_id, owner_only=True)
    kader = kader_of(found)
    if key not in step_of(kader, 1).checks or key not in kader.model.checks:
        abort(404)
    item = kader.model.checks[key]
    page = RecordPage(
        kind="check",
        form=CheckForm,
        title=item.label.get(language()),
        back=lambda cid: url_for("casussen.stap1", case_id=cid),
        to_payload=_payload,
        intro=item.text.get(language()),
        save_label=_l("Check opslaan"),
    )
    return edit(page, case_id, key)
