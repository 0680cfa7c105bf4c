"""Languages of the web app: Dutch (the source language of every message id) and English.

The language comes from the signed-in user, else the ``taal`` cookie, else the browser's
Accept-Language, else Dutch. Pages, forms, the core and the dossier all translate through
the one catalogue of :mod:`meldcode.kader.i18n`; this module only chooses the language at
the start of every request, so every part of a page speaks the same one.
"""

from urllib.parse import urlsplit

from babel.numbers import format_decimal
from flask import Blueprint
from flask import Flask
from flask import abort
from flask import current_app
from flask import g
from flask import redirect
from flask import request

from meldcode.kader import i18n as core_i18n
from meldcode.kader.words import day
from meldcode.kader.words import status_label
from meldcode.kader.words import tel
from meldcode.web.access import access
from meldcode.web.routes import Routes

COOKIE = "taal"
COOKIE_MAX_AGE = 365 * 24 * 3600

routes = Routes()


def init_app(app: Flask) -> None:
    """Choose the language per request, give templates the catalogue, add the switch."""
    app.before_request(_choose_language)
    app.teardown_request(_forget_language)
    app.after_request(_vary)
    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_gettext_callables(core_i18n.gettext, core_i18n.ngettext, newstyle=True)
    app.add_template_global(language, "language")
    app.add_template_global(current_path, "current_path")
    app.add_template_filter(text_in_language, "t")
    app.add_template_filter(day, "long_date")
    app.add_template_filter(tel, "tel")
    app.add_template_filter(number, "number")
    app.add_template_global(status_label, "status_label")
    blueprint = Blueprint("taal", __name__)
    routes.register(blueprint)
    app.register_blueprint(blueprint)


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
    return core_i18n.get_language()


def number(value: int) -> str:
    """Return a count as the reader writes it: 20.000 in Dutch, 20,000 in English."""
    return format_decimal(value, locale=language())


def text_in_language(text) -> str:
    """Return a kader ``Text`` in the page language; empty for a missing text."""
    return "" if text is None else text.get(language())


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


@routes.get("/taal/<code>")
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


def _choose_language() -> None:
    """Make every message of this request come out in the language chosen for it."""
    g.language_token = core_i18n.set_language(select_locale())


def _forget_language(_exc: BaseException | None) -> None:
    """Restore the language, so nothing after this request inherits it."""
    token = g.pop("language_token", None)
    if token is not None:
        core_i18n.reset_language(token)


def _vary(response):
    """Tell caches that a page differs by cookie and Accept-Language."""
    response.vary.add("Accept-Language")
    response.vary.add("Cookie")
    return response
