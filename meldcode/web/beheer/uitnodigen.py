"""/beheer/uitnodigen: a beheerder invites a colleague by e-mail address and role.

With e-mail set up, the invitation is mailed; either way the one-time link is shown in full
once, right after inviting (with a copy button), so the beheerder can also pass it on.
Only a hash of the token is stored; the colleague accepts it at /uitnodiging/<token>
(meldcode.web.account.uitnodiging).
"""

import datetime

from flask import current_app
from flask import g
from flask import redirect
from flask import render_template
from flask import session as cookie
from flask import url_for
from wtforms import EmailField
from wtforms import RadioField
from wtforms.validators import Email
from wtforms.validators import InputRequired
from wtforms.validators import Length
from wtforms.validators import ValidationError

from meldcode.kader.i18n import _l
from meldcode.kader.words import ROLES
from meldcode.kader.words import role_label
from meldcode.mail import notify
from meldcode.storage import accounts
from meldcode.storage import invitations
from meldcode.web import mailing
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.database import SaveFailed
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.fields import options
from meldcode.web.forms import BaseForm
from meldcode.web.routes import Routes

routes = Routes()
SHOWN_ONCE = "uitnodiging"  # cookie key: the new link, kept only until it is shown
MAILED = "uitnodiging_gemaild"  # cookie key: the invitation was mailed as well


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
        choices=options(ROLES.items()),
    )

    def validate_email(self, field):
        """Refuse an address with an account here; another organisation's is not revealed."""
        found = accounts.find_by_email(session(), field.data or "")
        if found is not None and found.organisation_id == g.user.organisation_id:
            raise ValidationError(_l("Er is al een account met dit e-mailadres."))


@routes.route("/uitnodigen", methods=["GET", "POST"])
@access("beheer")
def invite():
    """Invite a colleague by e-mail address and role; the link is shown on the next page."""
    form = InviteForm()
    if form.validate_on_submit():
        days = int(current_app.config["INVITATION_DAYS"])
        now = accounts.now()

        def work(s):
            """Create the invitation and audit it."""
            token = invitations.create_invitation(
                s, g.user, form.email.data, form.role.data, now, datetime.timedelta(days=days)
            )
            s.flush()
            found = invitations.find_invitation(s, token, now)
            audit_in(s, "invite", "invitation", found.id)
            link = mailing.link("account.invitation", token=token)
            language = g.user.language  # the invitee has none yet
            mail_id = notify.invitation(
                s, mailing.cipher(), mailing.settings(), found.id, found.email, link, language
            )
            return token, mail_id

        try:
            token, mail_id = write(work)
        except SaveFailed:
            return render_template(
                "beheer/invite.html", form=form, roles=ROLES, mail_on=mailing.enabled(), busy=True
            ), 503
        mailing.deliver([mail_id])
        cookie[SHOWN_ONCE] = token
        cookie[MAILED] = mail_id is not None
        return redirect(url_for("beheer.invited"), code=303)
    page = render_template("beheer/invite.html", form=form, roles=ROLES, mail_on=mailing.enabled())
    return page, 400 if form.errors else 200


@routes.get("/uitnodigen/link")
@access("beheer")
def invited():
    """Show the new invitation link once; a reload says to make a new one if it was lost."""
    token = cookie.pop(SHOWN_ONCE, None)
    mailed = cookie.pop(MAILED, False)
    found = invitations.find_invitation(session(), token, accounts.now()) if token else None
    if found is None or found.organisation_id != g.user.organisation_id:
        return render_template("beheer/invited.html", link=None)
    return (
        render_template(
            "beheer/invited.html",
            link=mailing.link("account.invitation", token=token),
            invitation=found,
            role=role_label(found.role),
            mailed=mailed,
        ),
        200,
        {"Cache-Control": "no-store"},
    )
