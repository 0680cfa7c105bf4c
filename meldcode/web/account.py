"""Signing in and out, the first-start setup, and keeping a session alive.

One generic message for every failed login (no hint whether the address exists); failures
are counted per account in the database and per address in the audit trail.
"""

from flask import Blueprint
from flask import current_app
from flask import flash
from flask import g
from flask import jsonify
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import EmailField
from wtforms import PasswordField
from wtforms import SelectField
from wtforms import StringField
from wtforms.validators import Email
from wtforms.validators import EqualTo
from wtforms.validators import InputRequired
from wtforms.validators import Length
from wtforms.validators import Optional
from wtforms.validators import ValidationError

from meldcode.storage import accounts
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.web import login_guard
from meldcode.web import registry
from meldcode.web.access import access
from meldcode.web.auditing import audit_now
from meldcode.web.auth import session_expires
from meldcode.web.auth import sign_in
from meldcode.web.auth import sign_out
from meldcode.web.database import SaveFailed
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import safe_next

bp = Blueprint("account", __name__)


class LoginForm(BaseForm):
    """E-mail address and password."""

    email = EmailField(
        _l("E-mailadres"),
        [InputRequired(message=_l("Vul je e-mailadres in."))],
        render_kw={"autocomplete": "username", "spellcheck": "false"},
    )
    password = PasswordField(
        _l("Wachtwoord"),
        [InputRequired(message=_l("Vul je wachtwoord in."))],
        render_kw={"autocomplete": "current-password"},
    )


PASSWORD_MESSAGES = {
    "te_kort": _l("Kies een wachtwoord van minstens %(n)d tekens.", n=accounts.MIN_PASSWORD),
    "te_lang": _l("Kies een wachtwoord van hoogstens %(n)d tekens.", n=accounts.MAX_PASSWORD),
    "te_bekend": _l("Dit wachtwoord is te bekend; kies een ander."),
    "bevat_context": _l("Gebruik niet je naam, je organisatie of 'meldcode' in je wachtwoord."),
}


def check_new_password(form, field, context: list[str]) -> None:
    """Add a field error for each problem with a new password."""
    for code in accounts.password_problems(field.data or "", context):
        raise ValidationError(PASSWORD_MESSAGES[code])


class SetupForm(BaseForm):
    """The first organisation and its beheerder."""

    organisation = StringField(
        _l("Naam van je organisatie"),
        [InputRequired(message=_l("Vul de naam van je organisatie in.")), Length(max=120)],
    )
    kader = SelectField(_l("Afwegingskader dat jullie meestal gebruiken"))
    name = StringField(
        _l("Je naam"),
        [InputRequired(message=_l("Vul je naam in.")), Length(max=120)],
        description=_l("Zo herkennen collega's je; gebruik geen gegevens van cliënten."),
    )
    email = EmailField(
        _l("E-mailadres"),
        [
            InputRequired(message=_l("Vul je e-mailadres in.")),
            Email(message=_l("Vul een geldig e-mailadres in.")),
            Length(max=254),
        ],
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

    def validate_password(self, field):
        """Refuse short, common or guessable passwords."""
        check_new_password(
            self,
            field,
            [
                self.name.data or "",
                self.organisation.data or "",
                (self.email.data or "").split("@")[0],
            ],
        )


@bp.get("/")
@access("public")
def home():
    """Send a visitor to their start page: cases, training sessions, or sign in."""
    user = g.get("user")
    if user is None:
        return redirect(url_for("account.login"))
    if user.role == "trainer":
        return redirect(url_for("training.sessions"))
    return redirect(url_for("cases.index"))


def _too_many_from_here(email: str | None = None) -> bool:
    """Tell whether this address had too many failed logins (not for a known device)."""
    return login_guard.address_blocked(email)


@bp.route("/inloggen", methods=["GET", "POST"])
@access("public")
def login():
    """Sign in with e-mail and password; then the second factor when the account has one."""
    form = LoginForm()
    target = safe_next(request.args.get("next"))
    if g.get("user") is not None and request.method == "GET":
        return redirect(target if target != "/" else url_for("account.home"))
    if request.method == "POST" and _too_many_from_here(request.form.get("email")):
        return render_template("account/login.html", form=form, blocked=True), 429
    if form.validate_on_submit():
        try:
            user, _known, reason = login_guard.check(form.email.data, form.password.data)
        except SaveFailed:
            return render_template("account/login.html", form=form, busy=True), 503
        if user is None:  # the failure and its audit row are already written
            form.password.errors = [
                _(
                    "Dat e-mailadres en wachtwoord horen niet bij elkaar, of het account "
                    "is na te veel pogingen even geblokkeerd (hoogstens een uur). Probeer "
                    "het later opnieuw of vraag je beheerder het account te ontgrendelen."
                )
            ]
            if reason == "password_off":  # said only after the right password
                form.password.errors = [
                    _("Je organisatie logt in via single sign-on: kies hieronder je organisatie.")
                ]
            return render_template("account/login.html", form=form), 400
        has_totp = user.totp_secret_enc is not None
        sign_in(user, second_factor_done=not has_totp)
        audit_now("login", "user", user.id, user=user)
        if has_totp:
            return redirect(url_for("account.second_factor", next=target), code=303)
        return redirect(target if target != "/" else url_for("account.home"), code=303)
    status = 400 if form.errors else 200
    # First start: no organisation yet, so nobody can sign in; say where the setup link is.
    first_start = accounts.needs_setup(session())
    return render_template("account/login.html", form=form, first_start=first_start), status


@bp.post("/uitloggen")
@access("public")
def logout():
    """End this session; the browser is told to clear what it kept."""
    provider = g.user_session.provider if g.get("user") is not None else None
    if g.get("user") is not None:
        audit_now("logout", "user", g.user.id)
    sign_out()
    flash(_("Je bent uitgelogd."), "success")
    # After a single sign-on, the next page offers to sign out at the provider as well.
    landing = url_for("sso.signed_out", provider=provider) if provider else url_for("account.login")
    response = redirect(landing, code=303)
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response


@bp.post("/sessie/verlengen")
@access("authenticated")
def ping():
    """Keep the session alive (the timeout warning's button); answer the new end time."""
    now = accounts.now()
    token_hash = g.user_session.token_hash
    from meldcode.storage.models import UserSession

    def work(s):
        """Restart the idle timer of the session."""
        s.get(UserSession, token_hash).last_seen_at = now

    write(work)
    g.user_session.last_seen_at = now
    return jsonify(expires=session_expires().isoformat() + "Z")


@bp.route("/setup/<token>", methods=["GET", "POST"])
@access("public")
def setup(token: str):
    """First start: create the first organisation and its beheerder with the one-time link."""
    now = accounts.now()
    if not accounts.needs_setup(session()):
        flash(_("Deze installatie is al ingericht. Log in."), "info")
        return redirect(url_for("account.login"))
    form = SetupForm()
    form.kader.choices = [(k, registry().get(k).model.title.get(_lang())) for k in registry().ids()]
    if form.validate_on_submit():

        def work(s):
            """Create the first organisation and its beheerder with a valid setup token."""
            if not accounts.needs_setup(s) or not accounts.use_setup_token(s, token, now):
                return None
            organisation = Organisation(
                name=form.organisation.data.strip(), default_kader=form.kader.data
            )
            s.add(organisation)
            s.flush()
            user = accounts.create_user(
                s,
                organisation,
                form.email.data,
                "beheerder",
                form.password.data,
                form.name.data,
                _lang(),
            )
            return user

        try:
            user = write(work)
        except SaveFailed:
            return render_template("account/setup.html", form=form, busy=True), 503
        if user is None:
            return render_template("account/setup_invalid.html"), 404
        audit_now("setup", "organisation", user.organisation_id, user=user)
        sign_in(user, second_factor_done=True)
        flash(_("Je organisatie is aangemaakt. Nodig nu je collega's uit."), "success")
        return redirect(url_for("beheer.users"), code=303)
    return render_template("account/setup.html", form=form), 400 if form.errors else 200


def _lang() -> str:
    """Return the language of the page."""
    from meldcode.web.i18n import language

    return language()


def current_user_fresh() -> User:
    """Return the signed-in user as stored now (for pages that change it)."""
    return session().get(User, g.user.id)


def session_minutes() -> int:
    """Return the idle timeout in minutes."""
    return int(current_app.config["SESSION_IDLE_MINUTES"])
