"""Signed-in sessions: kept on the server, revocable, with an idle and an absolute limit.

The browser's cookie holds only a random token (plus the CSRF secret and flash messages);
the session row says who it belongs to, when it was last used, and whether the second
factor was given. Logging out, or a beheerder disabling the account, ends it at once.
"""

import datetime

from flask import Flask
from flask import current_app
from flask import g
from flask import redirect
from flask import request
from flask import session as cookie
from flask import url_for
from sqlalchemy.orm.attributes import set_committed_value

from meldcode.kader.words import CASE_ROLES
from meldcode.storage import accounts
from meldcode.storage import sessions
from meldcode.storage import stash
from meldcode.storage import tokens
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.web import login_guard
from meldcode.web.database import SaveFailed
from meldcode.web.database import session as db_session
from meldcode.web.database import write

TOUCH_EVERY = datetime.timedelta(seconds=60)  # fewer writes; the idle limit is minutes
STALE_GRACE = datetime.timedelta(hours=24)  # a form left open overnight is still kept


def init_app(app: Flask) -> None:
    """Load the signed-in user before every request."""
    app.before_request(load_user)
    app.add_template_global(lambda: g.get("user"), "current_user")
    app.add_template_global(session_expires, "session_expires")


def times() -> sessions.SessionTimes:
    """Return the session limits from the settings."""
    config = current_app.config
    return sessions.SessionTimes(
        idle=datetime.timedelta(minutes=int(config["SESSION_IDLE_MINUTES"])),
        absolute=datetime.timedelta(hours=int(config["SESSION_ABSOLUTE_HOURS"])),
    )


def load_user() -> None:
    """Find the user of this request from the session token, if it is still valid."""
    g.user = None
    g.user_session = None
    g.session_expired = False
    g.stale_user_id = None
    token = cookie.get("sid")
    if not token or request.endpoint == "static":
        return
    now = accounts.now()
    found = sessions.load_session(db_session(), token, now, times())
    if found is None:
        # The dead token stays in the cookie until the next sign-in replaces it: another tab
        # may still post text that must be kept for this user (below).
        g.session_expired = True
        if request.method == "POST":
            # Whose text this is, should it need keeping (meldcode.web.rescue): a session
            # that ran out recently still names its user; nothing else does.
            g.stale_user_id = stash.session_owner(db_session(), token, now, times(), STALE_GRACE)
        return
    g.user_session, g.user = found
    if now - g.user_session.last_seen_at > TOUCH_EVERY and request.endpoint != "account.ping":
        try:
            # One attempt only: a missed refresh costs nothing, waiting for it costs the user.
            write(lambda s: sessions.touch_session(s, token, now), quick=True)
        except SaveFailed:
            g.pop("save_failure", None)  # the page's own save decides what the page says
            return  # the page still works; the idle timer is refreshed on the next request
        # Not a plain assignment: that would mark the row dirty in the reading session, whose
        # next query would then try to write it back (SQLite: "database is locked").
        set_committed_value(g.user_session, "last_seen_at", now)


def session_expires() -> datetime.datetime | None:
    """Return when the current session ends if left idle (for the timeout warning)."""
    if g.get("user_session") is None:
        return None
    limits = times()
    idle_end = g.user_session.last_seen_at + limits.idle
    return min(idle_end, g.user_session.expires_at)


def sign_in(
    user: User, second_factor_done: bool, provider: str | None = None, provider_mfa: bool = False
) -> None:
    """Start a new server-side session for ``user`` and put its token in the cookie.

    ``provider`` names the OpenID provider of a single sign-on; ``provider_mfa`` says it
    vouched for multi-factor authentication.
    """
    now = accounts.now()
    token = write(
        lambda s: sessions.start_session(
            s, s.get(User, user.id), now, times(), second_factor_done, provider, provider_mfa
        )
    )
    # A fresh cookie at login: nothing from before (CSRF secret included) carries over.
    language = cookie.get("taal")
    cookie.clear()
    cookie["sid"] = token
    if language:
        cookie["taal"] = language
    if second_factor_done:
        login_guard.remember_device(user.id)


def complete_second_factor() -> None:
    """Mark the current session as having passed the second factor."""
    token = cookie.get("sid")

    def work(s):
        """Mark the session as having passed the second factor."""
        from meldcode.storage.models import UserSession

        row = s.get(UserSession, tokens.token_hash(token))
        row.second_factor_done = True
        return row.user_id

    login_guard.remember_device(write(work))


def sign_out() -> None:
    """End the current session on the server and clear the cookie."""
    token = cookie.get("sid")
    if token:
        write(lambda s: sessions.revoke_session(s, token, accounts.now()))
    cookie.clear()


_ORG_CACHE: dict[str, tuple[datetime.datetime, bool]] = {}
ORG_CACHE_FOR = datetime.timedelta(seconds=30)


def _org_requires_totp(organisation_id: str) -> bool:
    """Tell whether an organisation requires two-factor login (cached briefly per worker)."""
    now = accounts.now()
    cached = _ORG_CACHE.get(organisation_id)
    if cached and now - cached[0] < ORG_CACHE_FOR:
        return cached[1]
    organisation = db_session().get(Organisation, organisation_id)
    value = bool(organisation and organisation.require_totp)
    _ORG_CACHE[organisation_id] = (now, value)
    return value


def forget_org_settings(organisation_id: str) -> None:
    """Drop the cached organisation settings (after a beheerder changed them)."""
    _ORG_CACHE.pop(organisation_id, None)


def _needs_totp_setup(user: User) -> bool:
    """Tell whether the user must set up two-factor login before going on.

    A provider's multi-factor sign-in satisfies the organisation's rule by itself.
    """
    if g.user_session.provider_mfa:
        return False
    return user.totp_secret_enc is None and _org_requires_totp(user.organisation_id)


def require(kind: str):
    """Return a redirect or error when the request may not proceed, else None."""
    from flask import abort

    from meldcode.web.rescue import stash_and_login

    user = g.get("user")
    if user is None:
        if request.method == "POST":
            return stash_and_login()
        return redirect(url_for("account.login", next=request.full_path.rstrip("?")))
    if user.totp_secret_enc is not None and not g.user_session.second_factor_done:
        return redirect(url_for("account.second_factor", next=request.full_path.rstrip("?")))
    if _needs_totp_setup(user) and request.endpoint not in ("account.totp_setup", "account.logout"):
        return redirect(url_for("account.totp_setup"))
    if kind == "case" and user.role not in CASE_ROLES:
        abort(404)
    if kind == "beheer" and user.role != "beheerder":
        abort(403)
    if kind == "trainer" and user.role != "trainer":
        abort(403)
    return None
