"""/account: your name and language, your password, and logging out everywhere."""

from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import url_for
from wtforms import PasswordField
from wtforms import RadioField
from wtforms import StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired
from wtforms.validators import Length

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.kader.words import role_label
from meldcode.storage import accounts
from meldcode.storage import passwords
from meldcode.storage import sessions
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.web.access import access
from meldcode.web.account.common import check_new_password
from meldcode.web.account.common import current_user_fresh
from meldcode.web.account.common import new_password_fields
from meldcode.web.auditing import audit_in
from meldcode.web.auditing import audit_now
from meldcode.web.auth import sign_in
from meldcode.web.auth import sign_out
from meldcode.web.database import SaveFailed
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.forms import BaseForm
from meldcode.web.routes import Routes

routes = Routes()
# Each language is named in itself, as in the language switch, so never translated.
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]


class DetailsForm(BaseForm):
    """Your name and the language of the pages."""

    name = StringField(
        _l("Je naam"),
        [InputRequired(message=_l("Vul je naam in.")), Length(max=120)],
        description=_l("Zo herkennen collega's je; gebruik geen gegevens van cliënten."),
        render_kw={"autocomplete": "name"},
    )
    language = RadioField(
        _l("Taal van de pagina's"),
        [InputRequired(message=_l("Kies een taal."))],
        choices=[SelectChoice(code, name) for code, name in LANGUAGES],
    )


class PasswordForm(BaseForm):
    """The current password and a new one, twice."""

    current = PasswordField(
        _l("Je huidige wachtwoord"),
        [InputRequired(message=_l("Vul je huidige wachtwoord in."))],
        render_kw={"autocomplete": "current-password"},
    )
    password, password_again = new_password_fields(
        _l("Nieuw wachtwoord"), _l("Nieuw wachtwoord nog een keer")
    )

    def validate_password(self, field):
        """Refuse short, common or guessable passwords."""
        user = g.user
        organisation = session().get(Organisation, user.organisation_id)
        context = [user.name, organisation.name if organisation else "", user.email.split("@")[0]]
        check_new_password(self, field, context)


@routes.get("/account")
@access("authenticated")
def profile():
    """Show the account: who you are, your language, password and two-factor state."""
    user = current_user_fresh()
    return render_template(
        "account/profile.html",
        user=user,
        role=role_label(user.role),
        language_name=dict(LANGUAGES).get(user.language, user.language),
    )


@routes.route("/account/gegevens", methods=["GET", "POST"])
@access("authenticated")
def details():
    """Change your name and the language of the pages."""
    user = current_user_fresh()
    form = DetailsForm(data={"name": user.name, "language": user.language})
    if form.validate_on_submit():

        def work(s):
            """Store the new name and language."""
            fresh = s.get(User, user.id)
            fresh.name = form.name.data.strip()
            fresh.language = form.language.data
            audit_in(s, "update", "user", fresh.id)

        try:
            write(work)
        except SaveFailed:
            return render_template("account/details.html", form=form, busy=True), 503
        flash(_("Je gegevens zijn opgeslagen."), "success")
        return redirect(url_for("account.profile"), code=303)
    return render_template("account/details.html", form=form), 400 if form.errors else 200


@routes.route("/account/wachtwoord", methods=["GET", "POST"])
@access("authenticated")
def password():
    """Change your password; every other session of yours ends."""
    form = PasswordForm()
    if form.validate_on_submit():
        now = accounts.now()

        def work(s):
            """Change the password when the current one is right."""
            fresh = s.get(User, g.user.id)
            if not accounts.check_password(fresh, form.current.data, now):
                return False
            fresh.password_hash = passwords.hash_password(form.password.data)
            # A new password shuts out whoever may have known the old one.
            sessions.revoke_all(s, fresh.id, now)
            audit_in(s, "update", "password", fresh.id)
            return True

        try:
            changed = write(work)
        except SaveFailed:
            return render_template("account/password.html", form=form, busy=True), 503
        if changed:
            sign_in(g.user, second_factor_done=True)  # a fresh session for this browser only
            flash(
                _("Je wachtwoord is gewijzigd. Je bent op andere apparaten uitgelogd."), "success"
            )
            return redirect(url_for("account.profile"), code=303)
        audit_now("login_failed", "user", g.user.id, "bad_password")
        form.current.errors = [_("Dit wachtwoord klopt niet, of je hebt het te vaak geprobeerd.")]
    return render_template("account/password.html", form=form), 400 if form.errors else 200


@routes.post("/account/overal-uitloggen")
@access("authenticated")
def logout_all():
    """End every session of this account, on every device, this one included."""
    user_id = g.user.id

    def work(s):
        """End every session of the user and audit it."""
        sessions.revoke_all(s, user_id, accounts.now())
        audit_in(s, "logout_all", "user", user_id)

    try:
        write(work)
    except SaveFailed:
        flash(
            _("Uitloggen lukte even niet. Probeer het over een paar seconden opnieuw."), "warning"
        )
        return redirect(url_for("account.profile"), code=303)
    sign_out()
    flash(_("Je bent overal uitgelogd."), "success")
    response = redirect(url_for("account.login"), code=303)
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response
