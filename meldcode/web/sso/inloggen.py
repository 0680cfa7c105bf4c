"""/inloggen/sso/<provider> (and …/terug), /uitgelogd/<provider>: signing in through a provider.

The start sends the browser to the provider, the provider sends it back to …/terug, and
after signing out here /uitgelogd/<provider> offers to sign out at the provider too.

The sign-in ends in the same server-side session as a password login (``auth.sign_in``),
marked with the provider and whether it vouched for multi-factor authentication.
"""

from flask import abort
from flask import current_app
from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for

from meldcode.kader.i18n import _
from meldcode.storage import accounts
from meldcode.web.access import access
from meldcode.web.auditing import audit_now
from meldcode.web.auditing import origin
from meldcode.web.auth import sign_in
from meldcode.web.database import SaveFailed
from meldcode.web.database import write
from meldcode.web.i18n import language
from meldcode.web.i18n import safe_next
from meldcode.web.routes import Routes
from meldcode.web.sso import client
from meldcode.web.sso import decide
from meldcode.web.sso.providers import Provider
from meldcode.web.sso.words import REFUSALS

routes = Routes()


def provider_or_404(key: str) -> Provider:
    """Return a configured provider, else answer 404."""
    found = client.providers().get(key) if len(key) <= 40 else None
    if found is None:
        abort(404)
    return found


def redirect_uri(provider: Provider) -> str:
    """Return the redirect URI registered at the provider (from BASE_URL, not the request)."""
    base = current_app.config["BASE_URL"].rstrip("/")
    return base + url_for("sso.callback", provider=provider.key)


def refusal(provider: Provider, code: str, organisation_id: str | None = None):
    """Log a refused sign-in (the reason, never a claim) and show what to do."""
    audit_now("login_failed", "sso", provider.key, code, organisation_id=organisation_id)
    status, title, text = REFUSALS[code]
    page = render_template("sso/refused.html", provider=provider, title=title, text=text)
    return page, status


@routes.get("/inloggen/sso/<provider>")
@access("public")
def start(provider: str):
    """Send the browser to the provider; ``koppelen`` links it to the signed-in account."""
    found = provider_or_404(provider)
    intent = {"purpose": "inloggen", "next": safe_next(request.args.get("next"))}
    if request.args.get("koppelen"):
        if g.get("user") is None:
            return redirect(url_for("account.login"))
        intent = {"purpose": "koppelen"}
    elif g.get("user") is not None:
        return redirect(url_for("account.home"))
    token = request.args.get("uitnodiging") or ""
    if token and len(token) <= 100:
        intent["uitnodiging"] = token
    try:
        url = client.authorization_url(found, redirect_uri(found), intent, language())
    except client.Refused as refused:
        return refusal(found, refused.code)
    return redirect(url)


@routes.get("/inloggen/sso/<provider>/terug")
@access("public")
def callback(provider: str):
    """Check the provider's answer, find or make the account, and sign in."""
    found = provider_or_404(provider)
    try:
        verified = client.finish(found)
    except client.Refused as refused:
        return refusal(found, refused.code)
    signed_in = g.user.id if g.get("user") is not None else None
    now = accounts.now()
    try:
        outcome = write(lambda s: decide.resolve(s, verified, signed_in, now, language(), origin()))
    except SaveFailed:
        return render_template("sso/busy.html"), 503
    if outcome.refusal:
        return refusal(found, outcome.refusal, outcome.organisation_id)
    if outcome.linked:
        flash(_("Je account is gekoppeld aan %(name)s.", name=found.name), "success")
        return redirect(url_for("sso.identities"), code=303)
    return _signed_in(found, outcome, verified)


def _signed_in(found: Provider, outcome, verified):
    """Start the session; the provider's multi-factor sign-in counts as the second factor."""
    user = outcome.user
    mfa = found.vouches_mfa(verified.claims)
    has_totp = user.totp_secret_enc is not None
    sign_in(user, second_factor_done=mfa or not has_totp, provider=found.key, provider_mfa=mfa)
    audit_now("login", "user", user.id, "sso", user=user)
    target = safe_next(verified.intent.get("next"))
    if has_totp and not mfa:
        return redirect(url_for("account.second_factor", next=target), code=303)
    if outcome.created:
        flash(_("Welkom! Je account is aangemaakt."), "success")
        if not user.name:  # the provider sent no name: colleagues must be able to find you
            flash(_("Vul je naam in, zodat collega's je herkennen."), "info")
            return redirect(url_for("account.details"), code=303)
    return redirect(target if target != "/" else url_for("account.home"), code=303)


@routes.get("/uitgelogd/<provider>")
@access("public")
def signed_out(provider: str):
    """After signing out here: offer to sign out at the provider as well."""
    found = provider_or_404(provider)
    return render_template("sso/signed_out.html", provider=found, end=client.end_session_url(found))
