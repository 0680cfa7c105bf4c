"""Signing in and out, and keeping a session alive: /, /inloggen, /uitloggen, /sessie/verlengen.

One generic message for every failed login (no hint whether the address exists); failures
are counted per account in the database and per address in the audit trail, and a browser
the account signed in from before has a budget of its own (meldcode.web.login_guard). The
second factor is asked on /inloggen/code.
"""

from flask import flash
from flask import g
from flask import jsonify
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from wtforms import EmailField
from wtforms import PasswordField
from wtforms.validators import InputRequired

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.storage import accounts
from meldcode.storage import first_start
from meldcode.storage.models import UserSession
from meldcode.web import login_guard
from meldcode.web.access import access
from meldcode.web.account.common import LOGIN_FAILED
from meldcode.web.auditing import audit_now
from meldcode.web.auth import session_expires
from meldcode.web.auth import sign_in
from meldcode.web.auth import sign_out
from meldcode.web.database import SaveFailed
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import safe_next
from meldcode.web.routes import Routes

routes = Routes()


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


@routes.get("/")
@access("public")
def home():
    """Send a visitor to their start page: cases, training sessions, or sign in."""
    user = g.get("user")
    if user is None:
        return redirect(url_for("account.login"))
    if user.role == "trainer":
        return redirect(url_for("oefensessies.sessions"))
    return redirect(url_for("casussen.index"))


@routes.route("/inloggen", methods=["GET", "POST"])
@access("public")
def login():
    """Sign in with e-mail and password; then the second factor when the account has one."""
    form = LoginForm()
    target = safe_next(request.args.get("next"))
    if g.get("user") is not None and request.method == "GET":
        return redirect(target if target != "/" else url_for("account.home"))
    if request.method == "POST" and login_guard.address_blocked(request.form.get("email")):
        return render_template("account/login.html", form=form, blocked=True), 429
    if form.validate_on_submit():
        try:
            user, _known, reason = login_guard.check(form.email.data, form.password.data)
        except SaveFailed:
            return render_template("account/login.html", form=form, busy=True), 503
        if user is None:  # the failure and its audit row are already written
            form.password.errors = [str(LOGIN_FAILED)]
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
    unset = first_start.needs_setup(session())
    return render_template("account/login.html", form=form, first_start=unset), status


@routes.post("/uitloggen")
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


@routes.post("/sessie/verlengen")
@access("authenticated")
def ping():
    """Keep the session alive (the timeout warning's button); answer the new end time."""
    now = accounts.now()
    token_hash = g.user_session.token_hash

    def work(s):
        """Restart the idle timer of the session."""
        s.get(UserSession, token_hash).last_seen_at = now

    write(work)
    g.user_session.last_seen_at = now
    return jsonify(expires=session_expires().isoformat() + "Z")
