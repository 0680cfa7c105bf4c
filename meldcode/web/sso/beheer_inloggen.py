"""/beheer/inloggen: the beheerder's single sign-on settings for the organisation.

Who gets an account at a first sign-in through a provider, and whether passwords still
sign in. Switching passwords off can lock an organisation out, so it is allowed only when
a provider serves the organisation and the beheerder is signed in through it right now
(proof that it works).
"""

from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import url_for
from wtforms import RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired
from wtforms.validators import ValidationError

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.kader.words import role_label
from meldcode.storage import identities as store
from meldcode.storage.models import Organisation
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.database import SaveFailed
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.forms import BaseForm
from meldcode.web.routes import Routes
from meldcode.web.sso.client import serving

routes = Routes()
INVITATION_ONLY = "alleen_uitnodiging"


class SettingsForm(BaseForm):
    """Who gets an account at a first sign-in, and whether passwords still sign in."""

    new_role = RadioField(
        _l("Wat gebeurt er als een collega voor het eerst via de inlogdienst inlogt?"),
        [InputRequired(message=_l("Kies wat er gebeurt."))],
        description=_l(
            "Met een uitnodiging komt een collega altijd binnen, met de rol uit de uitnodiging."
        ),
    )
    password_login = RadioField(
        _l("Inloggen met e-mailadres en wachtwoord"),
        [InputRequired(message=_l("Kies aan of uit."))],
        choices=[SelectChoice("aan", _l("Aan")), SelectChoice("uit", _l("Uit"))],
        description=_l(
            "Uit: iedereen van je organisatie logt in via de inlogdienst. Dat kan alleen als "
            "je zelf nu via de inlogdienst bent ingelogd, zodat je jezelf niet buitensluit."
        ),
    )

    def validate_password_login(self, field):
        """Refuse switching passwords off unless this beheerder signed in through SSO."""
        if field.data == "uit" and not g.user_session.provider:
            raise ValidationError(
                _l("Log eerst zelf in via de inlogdienst; daarna kun je wachtwoorden uitzetten.")
            )


@routes.route("/beheer/inloggen", methods=["GET", "POST"])
@access("beheer")
def settings():
    """Show the providers serving the organisation; set first sign-in and password rules."""
    organisation = session().get(Organisation, g.user.organisation_id)
    current = {
        "new_role": organisation.sso_new_role or INVITATION_ONLY,
        "password_login": "aan" if organisation.password_login else "uit",
    }
    form = SettingsForm(data=current)
    form.new_role.choices = [SelectChoice(INVITATION_ONLY, _l("Alleen met een uitnodiging"))] + [
        SelectChoice(role, _l("Een account met de rol %(role)s", role=role_label(role)))
        for role in store.NEW_ACCOUNT_ROLES
    ]
    served = serving(organisation)
    if form.validate_on_submit():

        def work(s):
            """Store the organisation's single sign-on settings."""
            found = s.get(Organisation, organisation.id)
            role = form.new_role.data
            found.sso_new_role = role if role in store.NEW_ACCOUNT_ROLES else None
            found.password_login = form.password_login.data == "aan" or not served
            audit_in(s, "settings", "organisation", found.id)

        try:
            write(work)
        except SaveFailed:
            return render_template("sso/settings.html", form=form, served=served, busy=True), 503
        flash(_("De instellingen zijn opgeslagen."), "success")
        return redirect(url_for("sso.settings"), code=303)
    page = render_template("sso/settings.html", form=form, served=served)
    return page, 400 if form.errors else 200
