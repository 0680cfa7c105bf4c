"""The one catalogue every part of meldcode translates with: web, dossier, CLI and the core.

Message ids are Dutch; English comes from ``translations/en``, loaded here once per language
with the standard library's :mod:`gettext` (the core may not import a web framework). The
language is a context variable: the CLI and the dossier set it with :func:`using`, the web
app sets it for each request. A label written once as :func:`_l` reads in whatever
language is active where it is shown.
"""

import contextvars
import gettext as stdlib_gettext
from contextlib import contextmanager
from functools import lru_cache

from meldcode import paths

LANGUAGES = ("nl", "en")
_language: contextvars.ContextVar[str] = contextvars.ContextVar("meldcode_taal", default="nl")


@lru_cache(maxsize=4)
def catalogue(language: str) -> stdlib_gettext.NullTranslations:
    """Return the compiled catalogue of a language; Dutch ids need none."""
    if language == "nl":
        return stdlib_gettext.NullTranslations()
    return stdlib_gettext.translation(
        "messages", localedir=str(paths.TRANSLATIONS_DIR), languages=[language], fallback=True
    )


def set_language(language: str) -> contextvars.Token:
    """Make messages come out in ``language`` (``nl`` or ``en``) in this context."""
    return _language.set(language if language in LANGUAGES else "nl")


def reset_language(token: contextvars.Token) -> None:
    """Restore the language that was active before :func:`set_language`."""
    _language.reset(token)


def get_language() -> str:
    """Return the language messages are produced in."""
    return _language.get()


def gettext(message: str) -> str:
    """Translate a message into the current language, without filling in anything."""
    return catalogue(_language.get()).gettext(message)


def ngettext(singular: str, plural: str, number: int) -> str:
    """Translate a message with a plural form, without filling in anything."""
    return catalogue(_language.get()).ngettext(singular, plural, number)


def _(message: str, **variables) -> str:
    """Translate a message; fill in ``%(name)s`` placeholders when variables are given."""
    text = gettext(message)
    return text % variables if variables else text


def _n(singular: str, plural: str, number: int, **variables) -> str:
    """Translate a message with a plural form; ``%(num)d`` is the number."""
    variables.setdefault("num", number)
    return ngettext(singular, plural, number) % variables


class LazyText:
    """A message translated each time it is shown, in the language active at that moment.

    Labels of forms and lists are defined once, when a module loads; a page, the dossier
    and the CLI each show them in their own language. It behaves as the text it stands for.
    """

    __slots__ = ("message", "variables")

    def __init__(self, message: str, variables: dict):
        """Keep the message id and the values to fill in."""
        self.message = message
        self.variables = variables

    def __str__(self) -> str:
        """Return the text in the current language."""
        return _(self.message, **self.variables)

    def __html__(self) -> str:
        # Our own message, never user input: templates and form labels show it as written,
        # as Flask-Babel's lazy strings did (an apostrophe stays an apostrophe).
        """Return the text for a template, as it is."""
        return str(self)

    def __repr__(self) -> str:
        """Show the message id, for debugging."""
        return f"_l({self.message!r})"

    def __eq__(self, other) -> bool:
        """Compare as the text it stands for."""
        return str(self) == (str(other) if isinstance(other, LazyText) else other)

    def __hash__(self) -> int:
        """Hash as the text it stands for."""
        return hash(str(self))

    def __len__(self) -> int:
        """Return the length of the text."""
        return len(str(self))

    def __contains__(self, item) -> bool:
        """Tell whether the text contains ``item``."""
        return item in str(self)

    def __add__(self, other) -> str:
        """Join the text with another."""
        return str(self) + other

    def __radd__(self, other) -> str:
        """Join another text with this one."""
        return other + str(self)

    def __mod__(self, other) -> str:
        """Fill in the text's placeholders."""
        return str(self) % other

    def __getattr__(self, name):
        """Act as the text for every string method (``strip``, ``format`` …)."""
        if name.startswith("__") or name in LazyText.__slots__:
            raise AttributeError(name)  # copy and pickle probe these on a bare instance
        return getattr(str(self), name)


def _l(message: str, **variables) -> LazyText:
    """Return a message that is translated when shown, not when defined."""
    return LazyText(message, variables)


@contextmanager
def using(language: str):
    """Produce messages in ``language`` inside a ``with`` block."""
    token = set_language(language)
    try:
        yield
    finally:
        _language.reset(token)
