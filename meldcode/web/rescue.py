"""Nothing typed is lost, even when the session ran out or the CSRF token went stale.

Such text is kept (encrypted, for a few hours) and put back in the form after signing in.
It is kept only for a request that carries a session of a known user (valid, or run out
within the stash period), and only that user gets it back: a link with someone else's
token restores nothing. Forms with a password (sign-in, password change …) are never kept.
Per user and in total the stashes are capped (meldcode.storage.stash), so a flood of
posts cannot fill the disk; anonymous posts are never stored at all.
"""

import datetime
import re
from urllib.parse import urlencode

from flask import Flask
from flask import current_app
from flask import flash
from flask import g
from flask import redirect
from flask import request
from flask import url_for
from flask_wtf.csrf import CSRFError
from flask_wtf.csrf import CSRFProtect
from werkzeug.datastructures import MultiDict

from meldcode.kader.i18n import _
from meldcode.storage import accounts
from meldcode.storage import stash
from meldcode.storage import tokens
from meldcode.web.database import SaveFailed
from meldcode.web.database import database
from meldcode.web.database import write

PARAM = "herstel"
KEPT_ARG = "formulier"
csrf = CSRFProtect()


def init_app(app: Flask) -> None:
    """Protect every state change with CSRF, and keep the text when the check fails."""
    csrf.init_app(app)
    app.register_error_handler(CSRFError, _csrf_failed)
    app.after_request(_forget_when_saved)


# A form with any of these fields holds a secret: it is never kept, not even in part.
SECRET_FIELD = re.compile(r"password|wachtwoord|^current$|^geheim$|^code$", re.IGNORECASE)


def author() -> str | None:
    """Return the id of the user this request's text belongs to: signed in, or just run out."""
    user = g.get("user")
    return user.id if user is not None else g.get("stale_user_id")


def _stash() -> str | None:
    """Keep the posted form of this request for its author; return the token to bring it back."""
    user_id = author()
    fields = {k: v for k, v in request.form.lists() if k != "csrf_token"}
    if user_id is None or not fields or _has_secret():
        return None
    token = tokens.new_token()
    hours = int(current_app.config["STASH_HOURS"])
    expires = accounts.now() + datetime.timedelta(hours=hours)
    cipher = database().cipher

    def work(s):
        """Stash the posted text, encrypted, for its author (within the caps)."""
        return stash.keep(s, cipher, user_id, token, request.path, fields, expires, stash.Caps())

    try:
        return token if write(work) else None
    except SaveFailed:
        return None


def _return_path(token: str | None) -> str:
    """Return the page to come back to, with the stash token when there is one."""
    adapter = current_app.url_map.bind("")
    try:
        adapter.match(request.path, method="GET")
        target = request.path
    except Exception:  # noqa: BLE001 - a POST-only address: go back to the start page
        target = url_for("casussen.index")
    # An add-form's record key (meldcode.web.casussen.formulier) stays, so that saving the
    # text brought back still adds its record only once.
    kept = {k: v for k, v in request.args.items() if k == KEPT_ARG}
    if token:
        kept[PARAM] = token
    return target + (f"?{urlencode(kept)}" if kept else "")


def _forget_when_saved(response):
    """Delete a brought-back text once the form it came back in has been saved.

    A save answers its post with a redirect (303); a failed one shows the form again (4xx,
    5xx), or keeps the text anew after a stale CSRF token. Once the text is saved, the
    notice that it is "nog niet opgeslagen" must go: Back to the old address brings nothing.
    """
    token = request.args.get(PARAM)
    user = g.get("user")
    saved = request.method == "POST" and response.status_code == 303 and not g.get("unsaved")
    if not saved or not token or len(token) > 100 or user is None:
        return response

    def work(s):
        """Delete the stash of this user under the token of the page's address."""
        stash.forget(s, token, user.id)

    try:
        write(work, quick=True)
    except SaveFailed:
        pass  # the text is saved; a stash left over expires within STASH_HOURS anyway
    return response


def stash_and_login():
    """Keep the text of a post whose session ran out, then ask to sign in again."""
    token = _stash()
    if token:
        flash(
            _("Je sessie was verlopen. Je tekst is bewaard: log opnieuw in en sla hem op."),
            "warning",
        )
    elif author() is not None and not _has_secret():
        flash(
            _(
                "Je sessie was verlopen en je tekst kon niet worden bewaard. Ga in je browser "
                "terug om hem te kopiëren en log dan opnieuw in."
            ),
            "warning",
        )
    else:
        flash(_("Je sessie was verlopen. Log opnieuw in."), "warning")
    return redirect(url_for("account.login", next=_return_path(token)), code=303)


def _has_secret() -> bool:
    """Tell whether the posted form has a password or other secret (never kept)."""
    return any(SECRET_FIELD.search(name) for name in request.form)


def _csrf_failed(_error: CSRFError):
    """Keep the text when the CSRF token was stale, and show the form again to save."""
    g.unsaved = True  # the redirect below is no save: any earlier stash stays
    if g.get("user") is None:
        return stash_and_login()
    token = _stash()
    if token:
        message = _(
            "Niet opgeslagen: de beveiligingscontrole van het formulier was verlopen. Je "
            "tekst staat er nog; controleer hem en sla opnieuw op."
        )
    else:  # a form with a password, or no room to keep it: say so, never pretend
        message = _(
            "Niet opgeslagen: de beveiligingscontrole van het formulier was verlopen. Vul "
            "het formulier opnieuw in en sla op."
        )
    flash(message, "warning")
    return redirect(_return_path(token), code=303)


def restored() -> MultiDict | None:
    """Return the stashed form for this page and this user, if the URL asks for one.

    The stash is not deleted here: leaving the page before saving must not lose it again.
    It expires after STASH_HOURS and the daily purge removes it.
    """
    token = request.args.get(PARAM)
    user = g.get("user")
    if not token or len(token) > 100 or user is None:
        return None
    from meldcode.web.database import session

    fields = stash.find(session(), database().cipher, token, request.path, user.id, accounts.now())
    if fields is None:
        return None
    data = MultiDict()
    for key, values in fields.items():
        for value in values:
            data.add(key, value)
    return data
