"""Print a dossier: its own Jinja environment, WeasyPrint loaded once, PDF/UA-1 out.

Create one :class:`Renderer` when the app starts and call :meth:`Renderer.warm_up`: that
imports WeasyPrint, parses the stylesheet, loads the fonts into one shared
FontConfiguration and lays out a small fictional dossier, so the first download is not
slower than later ones (toolchain.md §2: importing alone takes ~0.4 s).
"""

import gettext
import re
import threading
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment
from jinja2 import FileSystemLoader
from jinja2 import StrictUndefined
from markupsafe import Markup

from meldcode import __version__
from meldcode import paths
from meldcode.dossier.build import Dossier
from meldcode.dossier.fetcher import SCHEME
from meldcode.dossier.fetcher import StaticOnlyFetcher
from meldcode.kader.i18n import get_language
from meldcode.kader.i18n import using

TEMPLATE = "dossier/dossier.html"
CSS_FILE = "css/dossier.css"
PDF_VARIANT = "pdf/ua-1"


@lru_cache(maxsize=4)
def _catalogue(language: str) -> gettext.NullTranslations:
    """Return the catalogue the rules core reads too; Dutch message ids need none."""
    if language == "nl":
        return gettext.NullTranslations()
    return gettext.translation(
        "messages", localedir=str(paths.TRANSLATIONS_DIR), languages=[language], fallback=True
    )


def _gettext(message: str) -> str:
    """Translate a template message into the language of the dossier being rendered."""
    return _catalogue(get_language()).gettext(message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a template message with a plural form."""
    return _catalogue(get_language()).ngettext(singular, plural, n)


def css_string(text: str) -> Markup:
    """Return our own (translated) words as a quoted CSS string, every other character escaped."""
    safe = "".join(
        c if c.isascii() and (c.isalnum() or c in " .,") else f"\\{ord(c):x} " for c in text
    )
    return Markup(f'"{safe}"')  # noqa: S704 - every character but [A-Za-z0-9 .,] is escaped


def counters(text: str) -> Markup:
    """Turn ``pagina {page} van {pages}`` into CSS ``content`` with page counters."""
    parts = re.split(r"\{(pages?)\}", str(text))
    tokens = [css_string(p) if i % 2 == 0 else f"counter({p})" for i, p in enumerate(parts) if p]
    return Markup(" ".join(tokens))  # noqa: S704 - css_string tokens and fixed counter() calls


def environment(templates: Path = paths.TEMPLATES_DIR) -> Environment:
    """Return the dossier's Jinja environment: autoescape always on, gettext from our catalogue."""
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=True,  # every value is escaped; the template never marks user text safe
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)
    env.filters["css_string"] = css_string
    env.filters["counters"] = counters
    return env


class Renderer:
    """Turn dossier view models into HTML and tagged PDF."""

    def __init__(self, templates: Path = paths.TEMPLATES_DIR, static: Path = paths.STATIC_DIR):
        """Load WeasyPrint, the stylesheet and the fonts once, for every later render."""
        import weasyprint  # heavy (~0.4 s): imported here, once, when the app starts
        from weasyprint.text.fonts import FontConfiguration

        self._weasyprint = weasyprint
        self.env = environment(templates)
        self.fetcher = StaticOnlyFetcher(static)
        self.fonts = FontConfiguration()
        # The file names fonts relative to itself (for a browser); WeasyPrint gets our scheme.
        text = (static / CSS_FILE).read_text(encoding="utf-8")
        self.css_text = text.replace('url("../', f'url("{SCHEME}')
        self.css = weasyprint.CSS(
            string=self.css_text,
            base_url=SCHEME + CSS_FILE,
            url_fetcher=self.fetcher,
            font_config=self.fonts,
        )
        # One FontConfiguration is shared; WeasyPrint does not promise it is thread-safe.
        self._lock = threading.Lock()

    def html(self, view: Dossier) -> str:
        """Return the dossier as one HTML document (also the app's preview)."""
        with using(view.language):
            return self.env.get_template(TEMPLATE).render(d=view, version=__version__)

    def pdf(self, view: Dossier) -> bytes:
        """Return the dossier as a tagged PDF (PDF/UA-1) with title and language metadata."""
        return self.pdf_from_html(self.html(view))

    def pdf_from_html(self, html: str) -> bytes:
        """Print HTML made by :meth:`html` with the dossier stylesheet and fonts."""
        document = self._weasyprint.HTML(string=html, base_url=SCHEME, url_fetcher=self.fetcher)
        with self._lock:
            return document.write_pdf(
                stylesheets=[self.css],
                font_config=self.fonts,
                pdf_variant=PDF_VARIANT,
                attachments=None,
                presentational_hints=False,
            )

    def warm_up(self, registry) -> None:
        """Lay out a small fictional dossier in both languages, so users never pay for it."""
        from meldcode.dossier.sample import sample_view

        for language in ("nl", "en"):
            self.pdf(sample_view(registry, language))
