"""/wachtwoord-vergeten and /wachtwoord-herstellen/<token>: a new password with a one-time link.

A beheerder makes a link for a colleague (meldcode.web.beheer.wachtwoord); with e-mail set
up, anyone can ask for one here. The answer never says whether the address has an account:
the same page follows every request, and the mail is handed to the queue after the reply.
Without e-mail the page says to ask the beheerder. Using the link sets the password once
(meldcode.storage.password_resets); two-factor login still asks for its code afterwards.
"""

import datetime
import hashlib

from flask import current_app
from flask import flash
from flask import redirect
from flask import render_template
from flask import url_for
from wtforms import EmailField
from wtforms.validators import InputRequired
from wtforms.validators import Length

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.mail import notify
from meldcode.storage import accounts
from meldcode.storage import audit
from meldcode.storage import password_resets
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.web import mailing
from meldcode.web import ratelimit
from meldcode.web.access import access
from meldcode.web.account.common import check_new_password
from meldcode.web.account.common import new_password_fields
from meldcode.web.auditing import origin
from meldcode.web.database import SaveFailed
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.forms import BaseForm
from meldcode.web.routes import Routes

routes = Routes()


class ForgotForm(BaseForm):
    """The address to send the link to."""

    email = EmailField(
        _l("E-mailadres"),
        [InputRequired(message=_l("Vul je e-mailadres in.")), Length(max=254)],
        render_kw={"autocomplete": "username", "spellcheck": "false"},
    )


class NewPasswordForm(BaseForm):
    """The new password, twice."""

    password, password_again = new_password_fields(
        _l("Nieuw wachtwoord"), _l("Nieuw wachtwoord nog een keer")
    )

    def __init__(self, context: list[str], *args, **kwargs):
        """Keep the words the password may not contain (name, address, organisation)."""
        super().__init__(*args, **kwargs)
        self.context = context

    def validate_password(self, field):
        """Refuse short, common or guessable passwords."""
        check_new_password(self, field, self.context)


def _mail_link(s, email: str, now: datetime.datetime) -> str | None:
    """Make a link for the account of ``email`` and add its mail; None when there is none."""
    user = accounts.find_by_email(s, email)
    if user is None or not user.active:
        return None
    if not s.get(Organisation, user.organisation_id).password_login:
        return None  # the organisation signs in through single sign-on only
    minutes = int(current_app.config["PASSWORD_RESET_MAIL_MINUTES"])
    token, row = password_resets.start(s, user, now, datetime.timedelta(minutes=minutes))
    link = mailing.link("account.reset", token=token)
    mail_id = notify.password_reset(s, mailing.cipher(), mailing.settings(), user, link, row.id)
    # The person themselves is the actor: the row says a link was mailed, not to where.
    audit.record(s, user, "password_reset_mail", "user", user.id, "ok", origin())
    return mail_id


@routes.route("/wachtwoord-vergeten", methods=["GET", "POST"])
@access("public")
def forgot():
    """Ask for a link by mail; the answer is the same whether or not the address is known."""
    if not mailing.enabled():
        return render_template("account/forgot.html", form=None)
    form = ForgotForm()
    if not form.validate_on_submit():
        page = render_template("account/forgot.html", form=form)
        return page, 400 if form.errors else 200
    if ratelimit.reached("vergeten"):
        return render_template("account/forgot.html", form=form, blocked=True), 429
    ratelimit.count("vergeten")
    address = form.email.data.strip().lower()
    # Per address: at most a few mails an hour, so nobody's inbox can be flooded.
    per_address = "adres:" + hashlib.sha256(address.encode()).hexdigest()[:32]
    mail_id = None
    if not ratelimit.reached(per_address, "vergeten_adres"):
        ratelimit.count(per_address, "vergeten_adres")
        try:
            mail_id = write(lambda s: _mail_link(s, address, accounts.now()))
        except SaveFailed:
            return render_template("account/forgot.html", form=form, busy=True), 503
    mailing.deliver_after_response([mail_id])
    return render_template("account/forgot_sent.html")


def _new_password(s, token: str, password: str) -> User | None:
    """Use the link and audit it; None when it was used, ended or expired meanwhile."""
    user = password_resets.use(s, token, password, accounts.now())
    if user is not None:
        audit.record(s, user, "password_reset", "user", user.id, "ok", origin())
    return user


@routes.route("/wachtwoord-herstellen/<token>", methods=["GET", "POST"])
@access("public")
def reset(token: str):
    """Choose a new password with a one-time link; then sign in as usual."""
    found = password_resets.find(session(), token, accounts.now())
    user = session().get(User, found.user_id) if found else None
    if user is None or not user.active:
        return render_template("account/reset_invalid.html"), 404
    organisation = session().get(Organisation, user.organisation_id)
    form = NewPasswordForm([user.name, user.email, organisation.name])
    if form.validate_on_submit():
        try:
            done = write(lambda s: _new_password(s, token, form.password.data))
        except SaveFailed:
            return render_template("account/reset.html", form=form, account=user, busy=True), 503
        if done is None:  # the other tab, or a second click, was first
            return render_template("account/reset_invalid.html"), 404
        flash(_("Je wachtwoord is gewijzigd. Log in met je nieuwe wachtwoord."), "success")
        return redirect(url_for("account.login"), code=303)
    page = render_template("account/reset.html", form=form, account=user)
    return page, 400 if form.errors else 200
