"""/inloggen/code: the second factor (TOTP) at login.

Wrong codes count as failed logins (the same lockout as passwords) and a code works once:
its time step is stored, so a code seen over someone's shoulder is useless afterwards.
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
from meldcode.storage import accounts
from meldcode.storage import totp
from meldcode.storage.models import User
from meldcode.web import login_guard
from meldcode.web.access import access
from meldcode.web.account.common import LOGIN_FAILED
from meldcode.web.auditing import audit_now
from meldcode.web.auth import complete_second_factor
from meldcode.web.auth import sign_out
from meldcode.web.database import SaveFailed
from meldcode.web.database import database
from meldcode.web.database import write
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import safe_next
from meldcode.web.routes import Routes

routes = Routes()


class CodeForm(BaseForm):
    """The six-digit code from the authenticator app."""

    code = StringField(
        _l("Code uit je authenticator-app"),
        [InputRequired(message=_l("Vul de code van 6 cijfers in."))],
        description=_l("De code bestaat uit 6 cijfers en verandert elke 30 seconden."),
        render_kw={
            "autocomplete": "one-time-code",
            "inputmode": "numeric",
            "spellcheck": "false",
            "maxlength": 12,
        },
    )


def _landing(target: str) -> str:
    """Return where to go after login: the asked page, else the start page."""
    return target if target != "/" else url_for("account.home")


def _check_code(s, user_id: str, code: str, device: bool = False) -> str:
    """Check a login code inside a write; return ok, bad_totp or locked.

    A known ``device`` is not held by the account's lock (meldcode.web.login_guard).
    """
    now = accounts.now()
    user = s.get(User, user_id)
    if accounts.is_locked(user, now) and not device:
        return "locked"
    secret = totp.user_totp_secret(database().cipher, user)
    step = totp.check_totp(secret, code, user.totp_last_step, now)
    # A code another login used a moment ago is a replay: it fails like a wrong code.
    if step is None or not accounts.second_factor_passed(user, step):
        if device:
            return "bad_totp"  # counted on the device's own budget (the audit row)
        accounts.register_failure(user, now)
        return "locked" if accounts.is_locked(user, now) else "bad_totp"
    return "ok"


@routes.route("/inloggen/code", methods=["GET", "POST"])
@access("public")  # the half-signed-in session is checked here; require() would loop
def second_factor():
    """Ask for the six-digit code from the authenticator app."""
    target = safe_next(request.args.get("next"))
    user = g.get("user")
    if user is None:
        return redirect(url_for("account.login", next=target if target != "/" else None))
    if user.totp_secret_enc is None or g.user_session.second_factor_done:
        return redirect(_landing(target))
    form = CodeForm()
    if request.method == "POST" and login_guard.address_blocked(user.email):
        return render_template("account/second_factor.html", form=form, blocked=True), 429
    if form.validate_on_submit():
        device = login_guard.trusted(user.id)
        try:
            outcome = write(lambda s: _check_code(s, user.id, form.code.data, device))
        except SaveFailed:
            return render_template("account/second_factor.html", form=form, busy=True), 503
        if outcome == "ok":
            complete_second_factor()
            return redirect(_landing(target), code=303)
        audit_now("login_failed", "user", user.id, login_guard.DEVICE_RESULT if device else outcome)
        if outcome == "locked":
            # Locked out: end the half-open session; the login page says no more than usual.
            sign_out()
            flash(str(LOGIN_FAILED), "warning")
            return redirect(url_for("account.login"), code=303)
        form.code.errors = [
            _(
                "Deze code klopt niet of is al gebruikt. Wacht op een nieuwe code en "
                "probeer het opnieuw."
            )
        ]
    status = 400 if form.errors else 200
    return render_template("account/second_factor.html", form=form), status
