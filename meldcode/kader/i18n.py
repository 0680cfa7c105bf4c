"""Translation of the rules core's own messages, with the standard library only.

The core may not import Flask-Babel, so it reads the same compiled catalogue with
:mod:`gettext`. Message ids are Dutch; English comes from the catalogue.
"""

import contextvars
import gettext
from contextlib import contextmanager
from functools import lru_cache

from meldcode import paths

LANGUAGES = ("nl", "en")
_language: contextvars.ContextVar[str] = contextvars.ContextVar("meldcode_taal", default="nl")


@lru_cache(maxsize=4)
def _catalogue(language: str) -> gettext.NullTranslations:
    """Load the compiled catalogue for a language, or a pass-through when there is none."""
    return gettext.translation(
        "messages", localedir=str(paths.TRANSLATIONS_DIR), languages=[language], fallback=True
    )


def set_language(language: str) -> contextvars.Token:
    """Make core messages come out in ``language`` (``nl`` or ``en``) in this context."""
    return _language.set(language if language in LANGUAGES else "nl")


def get_language() -> str:
    """Return the language core messages are produced in."""
    return _language.get()


def _(message: str) -> str:
    """Translate a core message into the current language."""
    language = _language.get()
    if language == "nl":
        return message
    return _catalogue(language).gettext(message)


@contextmanager
def using(language: str):
    """Produce core messages in ``language`` inside a ``with`` block."""
    token = set_language(language)
    try:
        yield
    finally:
        _language.reset(token)
