"""/casussen/nieuw: starting a case, once however often its form is sent.

The link to this page carries the id the case will get (``?formulier=…``, as every add-form
has its record's key: meldcode.web.casussen.formulier). Back after "Casus aanmaken" and
sending again lands on the case made the first time; other text in that second form is
shown again with a link to that case and a button to start a second case with it.
"""

from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import url_for
from sqlalchemy.exc import IntegrityError
from wtforms import SelectField

from meldcode.kader import UnknownKader
from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.storage import cases
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.casussen import formulier
from meldcode.web.casussen.beroepen import chosen_kader
from meldcode.web.casussen.beroepen import profession_choices
from meldcode.web.casussen.beroepen import profession_settings
from meldcode.web.casussen.label_form import LabelForm
from meldcode.web.database import SaveFailed
from meldcode.web.database import database
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.fields import date_field
from meldcode.web.forms import build
from meldcode.web.forms import localise_date_errors
from meldcode.web.i18n import language
from meldcode.web.registry import kader_choices
from meldcode.web.registry import registry
from meldcode.web.routes import Routes

routes = Routes()
ALREADY_MADE = _l(
    "Deze casus was al aangemaakt. Er is niets dubbel bewaard: dit is de casus van dat formulier."
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
            return _page(form), 400
        try:
            case_id, made_before = _start(form, kader)
        except SaveFailed:
            return _page(form, not_saved=True), 503
        if made_before is None:
            flash(_("De casus is aangemaakt. Begin met stap 1: de signalen."), "success")
        elif made_before:
            flash(str(ALREADY_MADE), "success")
        else:
            # Other text in the same form: shown again beside a link to the case made first.
            return _page(form, made=case_id, action=formulier.fresh_url()), 409
        return redirect(url_for("casussen.overview", case_id=case_id), code=303)
    localise_date_errors(form)
    return _page(form, rescued=rescued), 400 if form.errors else 200


def _start(form: NewCaseForm, kader) -> tuple[str, bool | None]:
    """Make the case of this form, or find the one it made before.

    Returns the case id and None (made now), True (made before with this text) or False
    (made before with other text).
    """
    key = formulier.form_key()
    label = form.label.data.strip()

    def work(s):
        """Find the case this form made before, else create it and record who created it."""
        owner = s.get(User, g.user.id)
        case, made_before = cases.create_once(
            s, database().cipher, owner, label, form.zorg_sinds.data, kader, key
        )
        if made_before is None:
            audit_in(s, "create", "case", case.id)
        return case.id, made_before

    try:
        return write(work)
    except IntegrityError:
        # Sent twice at once on PostgreSQL: the other one made the case under this id
        # first. Looking again now finds it (SQLite queues the two before they look).
        return write(work)


def _page(form: NewCaseForm, **shown) -> str:
    """Render the new-case page with the form and what else it has to say."""
    return render_template(
        "casussen/nieuw.html", form=form, settings=profession_settings(), **shown
    )
