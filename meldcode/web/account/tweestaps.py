"""/account/tweestaps: set up two-factor login with a QR code drawn here, and switch it off again.

The new secret travels in the form sealed with the data key and bound to the user, so it
never sits readable in a cookie and cannot be swapped for one of someone else's choosing.
"""

import base64
import io

import segno
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from wtforms import HiddenField
from wtforms import PasswordField
from wtforms.validators import InputRequired

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.storage import accounts
from meldcode.storage import recovery_codes
from meldcode.storage import totp
from meldcode.storage.crypto import DecryptionFailed
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.web.access import access
from meldcode.web.account.common import current_user_fresh
from meldcode.web.account.inloggen_code import CodeForm
from meldcode.web.auditing import audit_in
from meldcode.web.auditing import audit_now
from meldcode.web.auth import complete_second_factor
from meldcode.web.database import SaveFailed
from meldcode.web.database import database
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.forms import BaseForm
from meldcode.web.routes import Routes

routes = Routes()


class SetupForm(CodeForm):
    """A new secret (sealed, so it cannot be swapped) and the first code it produced."""

    geheim = HiddenField()


class PasswordConfirmForm(BaseForm):
    """The current password, to confirm a change to how you log in."""

    password = PasswordField(
        _l("Je huidige wachtwoord"),
        [InputRequired(message=_l("Vul je huidige wachtwoord in."))],
        render_kw={"autocomplete": "current-password"},
    )


def _qr_image(uri: str) -> str:
    """Return the QR code of ``uri`` as an SVG data URI, drawn here (no outside service)."""
    buffer = io.BytesIO()
    segno.make(uri, error="m").save(
        buffer, kind="svg", scale=5, border=4, xmldecl=False, dark="#000", light="#fff"
    )
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def _seal(secret: str, user_id: str) -> str:
    """Encrypt a pending secret for the form; bound to this user, so it cannot be swapped."""
    blob = database().cipher.encrypt(secret, f"totp.pending:{user_id}")
    return base64.urlsafe_b64encode(blob).decode()


def _unseal(sealed: str | None, user_id: str) -> str | None:
    """Return the pending secret of the form, or None when it is missing or changed."""
    if not sealed or len(sealed) > 400:
        return None
    try:
        blob = base64.urlsafe_b64decode(sealed.encode())
        return database().cipher.decrypt(blob, f"totp.pending:{user_id}")
    except (ValueError, DecryptionFailed):
        return None


def _required(user: User) -> bool:
    """Tell whether the user's organisation requires two-factor login."""
    organisation = session().get(Organisation, user.organisation_id)
    return bool(organisation and organisation.require_totp)


@routes.route("/account/tweestaps", methods=["GET", "POST"])
@access("authenticated")
def totp_setup():
    """Set up two-factor login: scan the QR code, then confirm with a first code."""
    user = current_user_fresh()
    if user.totp_secret_enc is not None:
        return on_page(user)
    form = SetupForm()
    secret = _unseal(form.geheim.data, user.id) if request.method == "POST" else None
    if secret is None:
        secret = totp.new_totp_secret()
    elif form.validate_on_submit():
        step = totp.check_totp(secret, form.code.data, 0, accounts.now())
        if step is not None:

            def work(s):
                """Store the confirmed secret and mark the confirming code used."""
                fresh = s.get(User, user.id)
                totp.set_totp_secret(database().cipher, fresh, secret)
                accounts.second_factor_passed(fresh, step)  # the confirming code is used
                audit_in(s, "totp_enable", "user", fresh.id)
                codes = recovery_codes.new_codes(s, fresh.id, accounts.now())
                audit_in(s, "recovery_codes", "user", fresh.id)
                return codes

            try:
                codes = write(work)
            except SaveFailed:
                return _setup_page(form, user, secret, busy=True), 503
            complete_second_factor()
            flash(_("Tweestapsverificatie staat aan. Je logt voortaan in met een code."), "success")
            # Shown in this answer only: the codes are stored as hashes and never again readable.
            page = render_template("account/recovery_codes.html", codes=codes, new=True)
            return page, 200, {"Cache-Control": "no-store"}
        form.code.errors = [_("Deze code klopt niet. Controleer de tijd op je telefoon.")]
    if request.method == "POST" and not form.errors:
        form.code.errors = [_("Scan de nieuwe QR-code en vul de code in die je app dan geeft.")]
    return _setup_page(form, user, secret), 400 if form.errors else 200


def on_page(user: User, form=None, codes_form=None, busy: bool = False) -> str:
    """Render the page of two-factor login that is on: new recovery codes, switching off."""
    return render_template(
        "account/totp_on.html",
        form=form or PasswordConfirmForm(formdata=None),
        codes_form=codes_form or PasswordConfirmForm(formdata=None, prefix="codes"),
        required=_required(user),
        left=recovery_codes.remaining(session(), user.id),
        busy=busy,
    )


def _setup_page(form: SetupForm, user: User, secret: str, busy: bool = False) -> str:
    """Render the setup page for ``secret``."""
    form.geheim.data = _seal(secret, user.id)
    grouped = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
    return render_template(
        "account/totp_setup.html",
        form=form,
        qr=_qr_image(totp.totp_uri(secret, user.email)),
        secret=grouped,
        required=_required(user),
        busy=busy,
    )


@routes.post("/account/tweestaps/uitzetten")
@access("authenticated")
def totp_disable():
    """Switch two-factor login off, after the current password (not when it is required)."""
    user = current_user_fresh()
    if user.totp_secret_enc is None:
        return redirect(url_for("account.totp_setup"), code=303)
    form = PasswordConfirmForm()
    required = _required(user)
    if required or not form.validate_on_submit():
        return on_page(user, form=form), 400

    def work(s):
        """Switch two-factor login off when the password is right."""
        fresh = s.get(User, user.id)
        if not accounts.check_password(fresh, form.password.data, accounts.now()):
            return False
        totp.set_totp_secret(database().cipher, fresh, None)
        audit_in(s, "totp_disable", "user", fresh.id)
        return True

    try:
        done = write(work)
    except SaveFailed:
        return on_page(user, form=form, busy=True), 503
    if not done:
        audit_now("login_failed", "user", user.id, "bad_password")
        form.password.errors = [_("Dit wachtwoord klopt niet, of je hebt het te vaak geprobeerd.")]
        return on_page(user, form=form), 400
    flash(_("Tweestapsverificatie staat uit."), "success")
    return redirect(url_for("account.profile"), code=303)
