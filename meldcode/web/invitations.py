"""Invitations: a beheerder invites a colleague; the colleague sets a name and password.

There is no mail server: the beheerder copies the one-time link and sends it themselves.
Only a hash of the token is stored, so the link is shown once, right after inviting.
"""

import datetime

from flask import current_app
from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import request
from flask import session as cookie
from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import EmailField
from wtforms import PasswordField
from wtforms import RadioField
from wtforms import StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email
from wtforms.validators import EqualTo
from wtforms.validators import InputRequired
from wtforms.validators import Length
from wtforms.validators import Optional
from wtforms.validators import ValidationError

from meldcode.storage import accounts
from meldcode.storage import audit
from meldcode.storage.models import Organisation
from meldcode.web.access import access
from meldcode.web.account import bp as account_bp
from meldcode.web.account import check_new_password
from meldcode.web.auditing import audit_in
from meldcode.web.auditing import origin
from meldcode.web.auth import sign_in
from meldcode.web.beheer import ROLE_LABELS
from meldcode.web.beheer import bp as beheer_bp
from meldcode.web.database import SaveFailed
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import language

SHOWN_ONCE = "uitnodiging"  # cookie key: the new link, kept only until it is shown


class InviteForm(BaseForm):
    """The colleague's e-mail address and role."""

    email = EmailField(
        _l("E-mailadres van je collega"),
        [
            InputRequired(message=_l("Vul het e-mailadres in.")),
            Email(message=_l("Vul een geldig e-mailadres in.")),
            Length(max=254),
        ],
        render_kw={"spellcheck": "false", "autocomplete": "off"},
    )
    role = RadioField(
        _l("Rol"),
        [InputRequired(message=_l("Kies een rol."))],
        choices=[SelectChoice(value, label) for value, label in ROLE_LABELS.items()],
    )

    def validate_email(self, field):
        """Refuse an address with an account here; another organisation's is not revealed."""
        found = accounts.find_by_email(session(), field.data or "")
        if found is not None and found.organisation_id == g.user.organisation_id:
            raise ValidationError(_l("Er is al een account met dit e-mailadres."))


class AcceptForm(BaseForm):
    """The new colleague's name and password."""

    name = StringField(
        _l("Je naam"),
        [InputRequired(message=_l("Vul je naam in.")), Length(max=120)],
        description=_l("Zo herkennen collega's je; gebruik geen gegevens van cliënten."),
        render_kw={"autocomplete": "name"},
    )
    password = PasswordField(
        _l("Wachtwoord"),
        [InputRequired(message=_l("Kies een wachtwoord."))],
        description=_l(
            "Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden."
        ),
        render_kw={"autocomplete": "new-password"},
    )
    password_again = PasswordField(
        _l("Wachtwoord nog een keer"),
        # Optional, as the label says: left empty it is not compared; typed, it must match.
        [Optional(), EqualTo("password", message=_l("De wachtwoorden zijn niet gelijk."))],
        render_kw={"autocomplete": "new-password"},
    )

    def __init__(self, context: list[str], *args, **kwargs):
        """Keep the words a password may not contain (organisation, address)."""
        super().__init__(*args, **kwargs)
        self.context = context

    def validate_password(self, field):
        """Refuse short, common or guessable passwords."""
        check_new_password(self, field, [self.name.data or "", *self.context])


@beheer_bp.route("/uitnodigen", methods=["GET", "POST"])
@access("beheer")
def invite():
    """Invite a colleague by e-mail address and role; the link is shown on the next page."""
    form = InviteForm()
    if form.validate_on_submit():
        days = int(current_app.config["INVITATION_DAYS"])
        now = accounts.now()

        def work(s):
            """Create the invitation and audit it."""
            token = accounts.create_invitation(
                s, g.user, form.email.data, form.role.data, now, datetime.timedelta(days=days)
            )
            s.flush()
            found = accounts.find_invitation(s, token, now)
            audit_in(s, "invite", "invitation", found.id)
            return token

        try:
            token = write(work)
        except SaveFailed:
            return render_template(
                "beheer/invite.html", form=form, roles=ROLE_LABELS, busy=True
            ), 503
        cookie[SHOWN_ONCE] = token
        return redirect(url_for("beheer.invited"), code=303)
    page = render_template("beheer/invite.html", form=form, roles=ROLE_LABELS)
    return page, 400 if form.errors else 200


@beheer_bp.get("/uitnodigen/link")
@access("beheer")
def invited():
    """Show the new invitation link once; a reload says to make a new one if it was lost."""
    token = cookie.pop(SHOWN_ONCE, None)
    found = accounts.find_invitation(session(), token, accounts.now()) if token else None
    if found is None or found.organisation_id != g.user.organisation_id:
        return render_template("beheer/invited.html", link=None)
    base = current_app.config["BASE_URL"].rstrip("/")
    return render_template(
        "beheer/invited.html",
        link=f"{base}/uitnodiging/{token}",
        invitation=found,
        role=ROLE_LABELS.get(found.role, found.role),
    )


@account_bp.route("/uitnodiging/<token>", methods=["GET", "POST"])
@access("public")
def invitation(token: str):
    """Accept an invitation: choose a name and password; the account joins the organisation."""
    now = accounts.now()
    found = accounts.find_invitation(session(), token, now) if len(token) <= 100 else None
    if found is None or accounts.email_taken(session(), found.email):
        return render_template("account/invitation_invalid.html"), 404
    if g.get("user") is not None:
        return render_template("account/invitation_signed_in.html")
    organisation = session().get(Organisation, found.organisation_id)
    form = AcceptForm([organisation.name, found.email.split("@")[0]])
    if not organisation.password_login:  # single sign-on only: no password account is made
        page = render_template(
            "account/invitation.html", form=form, organisation=organisation, invitation=found
        )
        return page, 400 if request.method == "POST" else 200
    if form.validate_on_submit():
        try:
            user = write(lambda s: _accept(s, token, form, now))
        except SaveFailed:
            page = render_template(
                "account/invitation.html",
                form=form,
                organisation=organisation,
                invitation=found,
                busy=True,
            )
            return page, 503
        if user is None:  # used or expired meanwhile, or the address got an account
            return render_template("account/invitation_invalid.html"), 404
        sign_in(user, second_factor_done=True)
        flash(_("Welkom! Je account is aangemaakt."), "success")
        return redirect(url_for("account.home"), code=303)
    page = render_template(
        "account/invitation.html", form=form, organisation=organisation, invitation=found
    )
    return page, 400 if form.errors else 200


def _accept(s, token: str, form: AcceptForm, now: datetime.datetime):
    """Create the account and use up the invitation, in one transaction; None if too late."""
    found = accounts.find_invitation(s, token, now)
    if found is None or accounts.email_taken(s, found.email):
        return None
    organisation = s.get(Organisation, found.organisation_id)
    user = accounts.create_user(
        s, organisation, found.email, found.role, form.password.data, form.name.data, language()
    )
    found.used_at = now
    # The new colleague is the actor: the row says who joined, never their name or address.
    audit.record(s, user, "create", "user", user.id, "ok", origin())
    return user
