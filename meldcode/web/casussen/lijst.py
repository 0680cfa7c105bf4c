"""/casussen and /casussen/nieuw: the case list, and starting a case."""

import datetime

from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import url_for
from wtforms import BooleanField
from wtforms import SelectField
from wtforms import StringField
from wtforms.validators import InputRequired
from wtforms.validators import Length
from wtforms.validators import ValidationError

from meldcode.casus.pseudonym import looks_personal
from meldcode.kader import UnknownKader
from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.storage import cases
from meldcode.storage.models import Organisation
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.casussen.beroepen import chosen_kader
from meldcode.web.casussen.beroepen import profession_choices
from meldcode.web.casussen.beroepen import profession_settings
from meldcode.web.casussen.voortgang import list_stand
from meldcode.web.database import SaveFailed
from meldcode.web.database import database
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.fields import date_field
from meldcode.web.forms import BaseForm
from meldcode.web.forms import build
from meldcode.web.forms import localise_date_errors
from meldcode.web.i18n import language
from meldcode.web.registry import kader_choices
from meldcode.web.registry import registry
from meldcode.web.routes import Routes

routes = Routes()

PERSONAL = {
    "bsn": _l("een BSN"),
    "email": _l("een e-mailadres"),
    "telefoon": _l("een telefoonnummer"),
    "naam": _l("een naam"),
    "adres": _l("een adres"),
    "postcode": _l("een postcode"),
    "geboortedatum": _l("een volledige geboortedatum"),
}


class LabelForm(BaseForm):
    """A pseudonymous case label, warned when it looks like personal data."""

    label = StringField(
        _l("Label van de casus"),
        [
            InputRequired(message=_l("Geef de casus een label.")),
            Length(max=60, message=_l("Gebruik hoogstens 60 tekens.")),
        ],
        description=_l(
            "Alleen initialen en geboortejaar of leeftijd, bijvoorbeeld 'J.B., 2016'. "
            "Geen naam, geen BSN, geen adres."
        ),
    )
    toch_opslaan = BooleanField(_l("Dit is geen persoonsgegeven; toch zo opslaan"))
    personal = False  # the label looked personal: the page offers "toch opslaan" only then

    def validate_label(self, field):
        """Warn when the label looks like a name, address, date of birth or other identifier."""
        found = looks_personal(field.data or "")
        self.personal = bool(found)
        if found and not self.toch_opslaan.data:
            what = ", ".join(str(PERSONAL[code]) for code in found)
            raise ValidationError(
                _l(
                    "Dit lijkt op %(what)s. Gebruik alleen initialen en geboortejaar of "
                    "leeftijd, of vink hieronder aan dat het geen persoonsgegeven is.",
                    what=what,
                )
            )


class NewCaseForm(LabelForm):
    """A new case: profession or kader, pseudonymous label, the date the worry started."""

    beroep = SelectField(
        _l("Je beroep"),
        description=_l(
            "Kies je beroep: dan kiest de tool het afwegingskader dat daarbij hoort. Laat dit "
            "leeg om zelf een afwegingskader te kiezen."
        ),
        # An unknown or missing profession falls back to the kader chosen below.
        validate_choice=False,
    )

    kader = SelectField(
        _l("Afwegingskader"),
        description=_l(
            "Het kader van je organisatie staat al gekozen. Kies een ander als je in een "
            "andere rol werkt."
        ),
    )
    zorg_sinds = date_field(
        _l("Sinds wanneer maak je je zorgen?"),
        hint=_l("Deze datum bepaalt welke versie van het afwegingskader geldt."),
    )


@routes.get("", strict_slashes=False)
@access("case")
def index():
    """List the cases the user owns or was asked to consult on."""
    found = cases.visible_cases(session(), g.user)
    kinds = cases.record_kinds(session(), [a.case.id for a in found])
    today = datetime.date.today()
    rows = []
    for item in found:
        case = item.case
        try:
            kader = registry().get(case.kader_id, case.kader_version)
        except UnknownKader:
            kader = None
        # None: this server's keys cannot open it; the row says so, the list goes on.
        readable = cases.readable_label(database().cipher, case)
        where = (
            list_stand(item, kader, kinds[case.id], readable is not None, today) if kader else None
        )
        rows.append(
            {
                "access": item,
                "case": case,
                "kader": kader,
                "where": where,
                "states": where.states if where else [],
                "label": readable,
                "next": where.next if where else ("gesloten", {}),
                "due": case.evaluation_date is not None and case.evaluation_date <= today,
            }
        )
    return render_template("casussen/lijst.html", rows=rows, today=today)


@routes.route("/nieuw", methods=["GET", "POST"])
@access("case")
def new():
    """Start a case; the kader version valid on the date the worry started is stored with it."""
    organisation = session().get(Organisation, g.user.organisation_id)
    form, rescued = build(NewCaseForm, {"kader": organisation.default_kader})
    form.kader.choices = kader_choices(language())
    form.beroep.choices = profession_choices(language())
    if form.validate_on_submit():
        try:
            kader = registry().valid_on(chosen_kader(form), form.zorg_sinds.data)
        except UnknownKader:
            form.zorg_sinds.errors = [
                _(
                    "Op die datum gold er nog geen versie van dit "
                    "afwegingskader. Controleer de datum."
                )
            ]
            return render_template(
                "casussen/nieuw.html", form=form, settings=profession_settings()
            ), 400

        def work(s):
            """Create the case and record who created it."""
            from meldcode.storage.models import User

            created = cases.create_case(
                s,
                database().cipher,
                s.get(User, g.user.id),
                form.label.data.strip(),
                form.zorg_sinds.data,
                kader,
            )
            audit_in(s, "create", "case", created.id)
            return created.id

        try:
            case_id = write(work)
        except SaveFailed:
            page = render_template(
                "casussen/nieuw.html", form=form, not_saved=True, settings=profession_settings()
            )
            return page, 503
        flash(_("De casus is aangemaakt. Begin met stap 1: de signalen."), "success")
        return redirect(url_for("casussen.overview", case_id=case_id), code=303)
    localise_date_errors(form)
    page = render_template(
        "casussen/nieuw.html", form=form, rescued=rescued, settings=profession_settings()
    )
    return page, 400 if form.errors else 200
