"""The account's linked sign-ins, and the beheerder's single sign-on settings.

Switching passwords off can lock an organisation out, so it is allowed only when a provider
serves the organisation and the beheerder is signed in through it right now (proof that it
works). An account without a password keeps at least one linked sign-in.
"""

from flask import abort
from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired
from wtforms.validators import ValidationError

from meldcode.storage import identities as store
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.beheer import ROLE_LABELS
from meldcode.web.database import SaveFailed
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.forms import BaseForm
from meldcode.web.sso import bp
from meldcode.web.sso.client import providers

INVITATION_ONLY = "alleen_uitnodiging"


def serving(organisation: Organisation) -> list:
    """Return the providers whose settings name this organisation (by id or name)."""
    refs = {organisation.id, organisation.name}
    return [p for p in providers().values() if refs & set(p.organisations.values())]


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


@bp.route("/beheer/inloggen", methods=["GET", "POST"])
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
        SelectChoice(role, _l("Een account met de rol %(role)s", role=ROLE_LABELS[role]))
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


@bp.get("/account/inloggen-via")
@access("authenticated")
def identities():
    """Show the sign-ins linked to your account, and the providers you can link."""
    linked = store.of_user(session(), g.user.id)
    organisation = session().get(Organisation, g.user.organisation_id)
    names = {p.key: p.name for p in providers().values()}
    return render_template(
        "sso/identities.html", linked=linked, names=names, available=serving(organisation)
    )


@bp.post("/account/inloggen-via/<identity_id>/ontkoppelen")
@access("authenticated")
def unlink(identity_id: str):
    """Remove a linked sign-in, unless it is the only way left to sign in."""
    user_id = g.user.id

    def work(s):
        """Remove the link when another way to sign in remains."""
        user = s.get(User, user_id)
        others = [i for i in store.of_user(s, user_id) if i.id != identity_id]
        password_works = (
            user.password_hash != store.NO_PASSWORD
            and s.get(Organisation, user.organisation_id).password_login
        )
        if not others and not password_works:
            return "last"
        if not store.unlink(s, user_id, identity_id[:32]):
            return "missing"
        audit_in(s, "delete", "identity", identity_id[:32])
        return "ok"

    try:
        result = write(work)
    except SaveFailed:
        flash(_("Opslaan lukte even niet. Probeer het over een paar seconden opnieuw."), "warning")
        return redirect(url_for("sso.identities"), code=303)
    if result == "missing":
        abort(404)
    if result == "last":
        flash(_("Dit is je enige manier om in te loggen; die blijft gekoppeld."), "warning")
    else:
        flash(_("De koppeling is verwijderd."), "success")
    return redirect(url_for("sso.identities"), code=303)
