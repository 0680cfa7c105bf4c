"""/uitnodiging/<token>: a colleague accepts an invitation, choosing a name and password.

A beheerder makes the invitation (/beheer/uitnodigen); only a hash of the token is stored,
and the account joins the inviting organisation with the role the beheerder chose.
"""

import datetime

from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from wtforms import StringField
from wtforms.validators import InputRequired
from wtforms.validators import Length

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.storage import accounts
from meldcode.storage import audit
from meldcode.storage import invitations
from meldcode.storage.models import Organisation
from meldcode.web.access import access
from meldcode.web.account.common import check_new_password
from meldcode.web.account.common import new_password_fields
from meldcode.web.auditing import origin
from meldcode.web.auth import sign_in
from meldcode.web.database import SaveFailed
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import language
from meldcode.web.routes import Routes

routes = Routes()


class AcceptForm(BaseForm):
    """The new colleague's name and password."""

    name = StringField(
        _l("Je naam"),
        [InputRequired(message=_l("Vul je naam in.")), Length(max=120)],
        description=_l("Zo herkennen collega's je; gebruik geen gegevens van cliënten."),
        render_kw={"autocomplete": "name"},
    )
    password, password_again = new_password_fields(_l("Wachtwoord"), _l("Wachtwoord nog een keer"))

    def __init__(self, context: list[str], *args, **kwargs):
        """Keep the words a password may not contain (organisation, address)."""
        super().__init__(*args, **kwargs)
        self.context = context

    def validate_password(self, field):
        """Refuse short, common or guessable passwords."""
        check_new_password(self, field, [self.name.data or "", *self.context])


@routes.route("/uitnodiging/<token>", methods=["GET", "POST"])
@access("public")
def invitation(token: str):
    """Accept an invitation: choose a name and password; the account joins the organisation."""
    now = accounts.now()
    found = invitations.find_invitation(session(), token, now) if len(token) <= 100 else None
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
    found = invitations.find_invitation(s, token, now)
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
