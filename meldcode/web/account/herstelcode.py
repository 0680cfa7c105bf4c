"""/inloggen/herstelcode and /account/herstelcodes: two-factor recovery codes.

When the authenticator app is lost, one of the recovery codes shown when two-factor login
was switched on lets the person in, once. Wrong codes count as failed logins, as wrong
app codes do. A new set (after the password) replaces the old one and is shown once.
"""

from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from wtforms import StringField
from wtforms.validators import InputRequired

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.kader.i18n import _n
from meldcode.storage import accounts
from meldcode.storage import recovery_codes
from meldcode.storage.models import User
from meldcode.web import login_guard
from meldcode.web.access import access
from meldcode.web.account.common import LOGIN_FAILED
from meldcode.web.account.common import current_user_fresh
from meldcode.web.auditing import audit_in
from meldcode.web.auditing import audit_now
from meldcode.web.auth import complete_second_factor
from meldcode.web.auth import sign_out
from meldcode.web.database import SaveFailed
from meldcode.web.database import write
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import safe_next
from meldcode.web.routes import Routes

routes = Routes()


class RecoveryForm(BaseForm):
    """One recovery code."""

    code = StringField(
        _l("Herstelcode"),
        [InputRequired(message=_l("Vul een herstelcode in."))],
        description=_l(
            "Een code van 16 tekens, zoals abcd-efgh-jkmn-pqrs. Elke code werkt één keer."
        ),
        render_kw={"autocomplete": "off", "spellcheck": "false", "maxlength": 40},
    )


def _check(s, user_id: str, code: str, device: bool) -> tuple[str, int]:
    """Use a recovery code inside a write; return (ok|bad_code|locked, codes left)."""
    now = accounts.now()
    user = s.get(User, user_id)
    if accounts.is_locked(user, now) and not device:
        return "locked", 0
    if not recovery_codes.use(s, user.id, code, now):
        if device:
            return "bad_code", 0  # counted on the device's own budget (the audit row)
        accounts.register_failure(user, now)
        return ("locked" if accounts.is_locked(user, now) else "bad_code"), 0
    accounts.unlock(user)
    audit_in(s, "recovery_code_used", "user", user.id)
    return "ok", recovery_codes.remaining(s, user.id)


@routes.route("/inloggen/herstelcode", methods=["GET", "POST"])
@access("public")  # the half-signed-in session is checked here, as on /inloggen/code
def recovery_login():
    """Sign in with a recovery code instead of the app's code."""
    target = safe_next(request.args.get("next"))
    user = g.get("user")
    if user is None:
        return redirect(url_for("account.login"))
    if user.totp_secret_enc is None or g.user_session.second_factor_done:
        return redirect(url_for("account.home"))
    form = RecoveryForm()
    if request.method == "POST" and login_guard.address_blocked(user.email):
        return render_template("account/recovery_login.html", form=form, blocked=True), 429
    if form.validate_on_submit():
        device = login_guard.trusted(user.id)
        try:
            outcome, left = write(lambda s: _check(s, user.id, form.code.data, device))
        except SaveFailed:
            return render_template("account/recovery_login.html", form=form, busy=True), 503
        if outcome == "ok":
            complete_second_factor()
            flash(_recovery_message(left), "warning")
            return redirect(url_for("account.totp_setup"), code=303)
        audit_now("login_failed", "user", user.id, login_guard.DEVICE_RESULT if device else outcome)
        if outcome == "locked":
            sign_out()
            flash(str(LOGIN_FAILED), "warning")
            return redirect(url_for("account.login"), code=303)
        form.code.errors = [_("Deze herstelcode klopt niet of is al gebruikt.")]
    page = render_template("account/recovery_login.html", form=form, next=target)
    return page, 400 if form.errors else 200


def _recovery_message(left: int) -> str:
    """Say how many codes are left and what to do now."""
    return _n(
        "Je bent ingelogd met een herstelcode. Je hebt nog %(n)d code over. Maak nieuwe "
        "herstelcodes, of stel tweestapsverificatie opnieuw in als je telefoon kwijt is.",
        "Je bent ingelogd met een herstelcode. Je hebt nog %(n)d codes over. Maak nieuwe "
        "herstelcodes, of stel tweestapsverificatie opnieuw in als je telefoon kwijt is.",
        left,
        n=left,
    )


def _password_right(s, user_id: str, password: str) -> bool:
    """Check the current password inside a write (a failure counts as a login failure)."""
    return accounts.check_password(s.get(User, user_id), password, accounts.now())


def new_codes_page(user_id: str, status: int = 200):
    """Make a fresh set of codes for the user, audited, and show them this once."""
    now = accounts.now()

    def work(s):
        """Replace the codes and audit it."""
        codes = recovery_codes.new_codes(s, user_id, now)
        audit_in(s, "recovery_codes", "user", user_id)
        return codes

    codes = write(work)
    page = render_template("account/recovery_codes.html", codes=codes)
    return page, status, {"Cache-Control": "no-store"}


@routes.post("/account/herstelcodes")
@access("authenticated")
def recovery_new():
    """Make a new set of recovery codes, after the current password; the old set stops."""
    from meldcode.web.account.tweestaps import PasswordConfirmForm  # one form, one place
    from meldcode.web.account.tweestaps import on_page

    user = current_user_fresh()
    if user.totp_secret_enc is None:
        return redirect(url_for("account.totp_setup"), code=303)
    form = PasswordConfirmForm(prefix="codes")
    if not form.validate_on_submit():
        return on_page(user, codes_form=form), 400
    try:
        right = write(lambda s: _password_right(s, user.id, form.password.data))
        if not right:
            audit_now("login_failed", "user", user.id, "bad_password")
            form.password.errors = [
                _("Dit wachtwoord klopt niet, of je hebt het te vaak geprobeerd.")
            ]
            return on_page(user, codes_form=form), 400
        return new_codes_page(user.id)
    except SaveFailed:
        return on_page(user, codes_form=form, busy=True), 503
