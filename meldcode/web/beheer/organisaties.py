"""/beheer/organisaties/nieuw: a beheerder creates another organisation, where that is allowed.

Only with the setting ``ALLOW_NEW_ORGANISATIONS`` (off by default: one installation, one
school board); otherwise the page says so. The new organisation starts empty and gets its
own beheerder by a one-time invitation (mailed with e-mail set up, always shown once): the
beheerder who made it does not join it and never sees its cases.
"""

import datetime

from flask import current_app
from flask import g
from flask import render_template
from sqlalchemy import func
from sqlalchemy import select
from wtforms import EmailField
from wtforms import SelectField
from wtforms import StringField
from wtforms.validators import Email
from wtforms.validators import InputRequired
from wtforms.validators import Length
from wtforms.validators import ValidationError

from meldcode.kader.i18n import _l
from meldcode.mail import notify
from meldcode.storage import accounts
from meldcode.storage import invitations
from meldcode.storage.models import Organisation
from meldcode.web import mailing
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.database import SaveFailed
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import language
from meldcode.web.registry import kader_choices
from meldcode.web.routes import Routes

routes = Routes()


class NewOrganisationForm(BaseForm):
    """The new organisation and the address of its first beheerder."""

    organisation = StringField(
        _l("Naam van de nieuwe organisatie"),
        [InputRequired(message=_l("Vul de naam van de organisatie in.")), Length(max=120)],
    )
    kader = SelectField(_l("Afwegingskader dat de organisatie meestal gebruikt"))
    email = EmailField(
        _l("E-mailadres van de eerste beheerder"),
        [
            InputRequired(message=_l("Vul het e-mailadres in.")),
            Email(message=_l("Vul een geldig e-mailadres in.")),
            Length(max=254),
        ],
        description=_l("Deze persoon krijgt een uitnodiging en richt de organisatie verder in."),
        render_kw={"spellcheck": "false", "autocomplete": "off"},
    )

    def validate_organisation(self, field):
        """Refuse a name another organisation has."""
        name = (field.data or "").strip().lower()
        if session().scalar(select(Organisation.id).where(func.lower(Organisation.name) == name)):
            raise ValidationError(_l("Er is al een organisatie met deze naam."))

    def validate_email(self, field):
        """Refuse an address that has an account (it cannot be invited again)."""
        if accounts.find_by_email(session(), field.data or "") is not None:
            raise ValidationError(_l("Er is al een account met dit e-mailadres."))


def allowed() -> bool:
    """Tell whether this installation lets a beheerder create another organisation."""
    return bool(current_app.config.get("ALLOW_NEW_ORGANISATIONS"))


def _create(s, form: NewOrganisationForm, now: datetime.datetime):
    """Create the organisation and its beheerder's invitation, audited; return link and mail."""
    organisation = Organisation(name=form.organisation.data.strip(), default_kader=form.kader.data)
    s.add(organisation)
    s.flush()
    days = datetime.timedelta(days=int(current_app.config["INVITATION_DAYS"]))
    email = form.email.data.strip()
    token = invitations.create_invitation(
        s, g.user, email, "beheerder", now, days, organisation_id=organisation.id
    )
    s.flush()
    found = invitations.find_invitation(s, token, now)
    audit_in(s, "organisation_create", "organisation", organisation.id)
    link = mailing.link("account.invitation", token=token)
    cipher, settings = mailing.cipher(), mailing.settings()
    mail_id = notify.invitation(s, cipher, settings, found.id, email, link, g.user.language)
    return link, found.expires_at, mail_id


@routes.route("/organisaties/nieuw", methods=["GET", "POST"])
@access("beheer")
def new_organisation():
    """Create another organisation with an invitation for its beheerder, if allowed here."""
    if not allowed():
        return render_template("beheer/new_organisation.html", form=None)
    form = NewOrganisationForm()
    form.kader.choices = kader_choices(language())
    if not form.validate_on_submit():
        page = render_template("beheer/new_organisation.html", form=form)
        return page, 400 if form.errors else 200
    try:
        link, expires, mail_id = write(lambda s: _create(s, form, accounts.now()))
    except SaveFailed:
        return render_template("beheer/new_organisation.html", form=form, busy=True), 503
    mailing.deliver([mail_id])
    page = render_template(
        "beheer/organisation_made.html",
        name=form.organisation.data.strip(),
        email=form.email.data.strip(),
        link=link,
        expires=expires,
        mailed=mail_id is not None,
    )
    return page, 200, {"Cache-Control": "no-store"}
