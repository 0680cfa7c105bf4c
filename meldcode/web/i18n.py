"""Languages of the web app: Dutch (the source language of every message id) and English.

The locale comes from the ``taal`` cookie, else the browser's Accept-Language, else Dutch.
The rules core translates its own messages with the same catalogue; it is told the locale
at the start of every request so that both halves of a page speak one language.
"""

from datetime import date
from urllib.parse import urlsplit

from flask import Blueprint
from flask import Flask
from flask import abort
from flask import current_app
from flask import g
from flask import redirect
from flask import request
from flask_babel import Babel
from flask_babel import format_date
from flask_babel import get_locale

from meldcode import paths
from meldcode.kader import i18n as core_i18n
from meldcode.web.access import access

COOKIE = "taal"
COOKIE_MAX_AGE = 365 * 24 * 3600

bp = Blueprint("taal", __name__)


def init_app(app: Flask) -> None:
    """Set up Flask-Babel, the language switch and the hand-over of the locale to the core."""
    Babel(
        app,
        default_locale=app.config["DEFAULT_LANGUAGE"],
        default_translation_directories=str(paths.TRANSLATIONS_DIR),
        locale_selector=select_locale,
    )
    app.register_blueprint(bp)
    app.before_request(_tell_core)
    app.teardown_request(_forget_core)
    app.after_request(_vary)
    app.add_template_global(language, "language")
    app.add_template_global(current_path, "current_path")
    app.add_template_filter(text_in_language, "t")
    app.add_template_filter(long_date, "long_date")


def select_locale() -> str:
    """Pick the signed-in user's language, else the cookie's, else the browser's, else nl."""
    languages = current_app.config["LANGUAGES"]
    user = g.get("user")
    if user is not None and user.language in languages:
        return user.language
    chosen = request.cookies.get(COOKIE)
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(languages) or current_app.config["DEFAULT_LANGUAGE"]


def language() -> str:
    """Return the language code of this request (``nl`` or ``en``)."""
    return str(get_locale() or current_app.config["DEFAULT_LANGUAGE"])


def text_in_language(text) -> str:
    """Return a kader ``Text`` in the page language; empty for a missing text."""
    return "" if text is None else text.get(language())


def long_date(day: date) -> str:
    """Return a date as ``1 januari 2019`` / ``1 January 2019`` (day first in both)."""
    # Babel's "long" English format is American (January 1, 2019); readers of a Dutch
    # tool expect the day first in either language.
    return format_date(day, "d MMMM y")


def current_path() -> str:
    """Return the path and query of this request, for links that come back here."""
    query = request.query_string.decode("latin-1")
    return request.path + ("?" + query if query else "")


def safe_next(target: str | None) -> str:
    """Return ``target`` if it is a relative path on this site, else ``/``."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    # Browsers treat a backslash like a slash and drop control characters, so "/\\evil"
    # or "/\t/evil" would still leave the site.
    if "\\" in target or any(ord(c) < 32 or ord(c) == 127 for c in target):
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return "/"
    return target


@bp.get("/taal/<code>")
@access("public")
def switch(code: str):
    """Remember the chosen language in a cookie and go back to the page the user was on."""
    if code not in current_app.config["LANGUAGES"]:
        abort(404)
    user = g.get("user")
    if user is not None and user.language != code:
        _remember_for_user(user.id, code)
        user.language = code
    response = redirect(safe_next(request.args.get("next")), code=303)
    response.set_cookie(
        COOKIE,
        code,
        max_age=COOKIE_MAX_AGE,
        path="/",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
    return response


def _remember_for_user(user_id: str, code: str) -> None:
    """Store a signed-in user's language choice with their account."""
    from meldcode.storage.models import User
    from meldcode.web.database import SaveFailed
    from meldcode.web.database import write

    def work(s):
        """Store the user's language."""
        s.get(User, user_id).language = code

    try:
        write(work)
    except SaveFailed:
        pass  # the cookie still carries the choice for this browser


def _tell_core() -> None:
    """Make the rules core produce its messages in the page language for this request."""
    g.core_language_token = core_i18n.set_language(language())


def _forget_core(_exc: BaseException | None) -> None:
    """Restore the core's language, so nothing after this request inherits it."""
    token = g.pop("core_language_token", None)
    if token is not None:
        token.var.reset(token)


def _vary(response):
    """Tell caches that a page differs by cookie and Accept-Language."""
    response.vary.add("Accept-Language")
    response.vary.add("Cookie")
    return response
