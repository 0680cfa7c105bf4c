"""Nothing typed is lost, even when the session ran out or the CSRF token went stale.

Such text is kept (encrypted, for a few hours) and put back in the form after signing in.

The stash is found by a random token in the URL and only on the page it came from; the
page's own access check still decides whether the user may see it.
"""

import datetime
import json

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
from meldcode.storage.models import StashedForm
from meldcode.web.database import SaveFailed
from meldcode.web.database import database
from meldcode.web.database import write

PARAM = "herstel"
csrf = CSRFProtect()


def init_app(app: Flask) -> None:
    """Protect every state change with CSRF, and keep the text when the check fails."""
    csrf.init_app(app)
    app.register_error_handler(CSRFError, _csrf_failed)


def _stash() -> str | None:
    """Keep the posted form of this request; return the token that brings it back."""
    fields = {k: v for k, v in request.form.lists() if k != "csrf_token"}
    if not fields:
        return None
    token = accounts.new_token()
    now = accounts.now()
    hours = int(current_app.config["STASH_HOURS"])
    cipher = database().cipher

    def work(s):
        """Stash the posted text, encrypted, for its author."""
        digest = accounts.token_hash(token)
        s.add(
            StashedForm(
                token_hash=digest,
                path=request.path[:300],
                payload_enc=cipher.encrypt(json.dumps(fields), f"stash:{digest}"),
                expires_at=now + datetime.timedelta(hours=hours),
            )
        )

    try:
        write(work)
    except SaveFailed:
        return None
    return token


def _return_path(token: str | None) -> str:
    """Return the page to come back to, with the stash token when there is one."""
    adapter = current_app.url_map.bind("")
    try:
        adapter.match(request.path, method="GET")
        target = request.path
    except Exception:  # noqa: BLE001 - a POST-only address: go back to the start page
        target = url_for("casussen.index")
    return target + (f"?{PARAM}={token}" if token else "")


def stash_and_login():
    """Keep the text of a post whose session ran out, then ask to sign in again."""
    token = _stash()
    flash(
        _("Je sessie was verlopen. Je tekst is bewaard: log opnieuw in en sla hem op."), "warning"
    )
    return redirect(url_for("account.login", next=_return_path(token)), code=303)


def _csrf_failed(_error: CSRFError):
    """Keep the text when the CSRF token was stale, and show the form again to save."""
    if g.get("user") is None:
        return stash_and_login()
    token = _stash()
    flash(
        _(
            "Niet opgeslagen: de beveiligingscontrole van het formulier was verlopen. Je "
            "tekst staat er nog; controleer hem en sla opnieuw op."
        ),
        "warning",
    )
    return redirect(_return_path(token), code=303)


def restored() -> MultiDict | None:
    """Return the stashed form for this page, if the URL asks for one.

    The stash is not deleted here: leaving the page before saving must not lose it again.
    It expires after STASH_HOURS and the daily purge removes it.
    """
    token = request.args.get(PARAM)
    if not token or len(token) > 100:
        return None
    digest = accounts.token_hash(token)
    now = accounts.now()
    cipher = database().cipher

    from meldcode.web.database import session

    found = session().get(StashedForm, digest)
    if found is None or found.path != request.path or found.expires_at <= now:
        return None
    fields = json.loads(cipher.decrypt(found.payload_enc, f"stash:{digest}"))
    data = MultiDict()
    for key, values in fields.items():
        for value in values:
            data.add(key, value)
    return data
