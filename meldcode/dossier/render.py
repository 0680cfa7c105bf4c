"""Print a dossier: its own Jinja environment, WeasyPrint loaded once, PDF/UA-1 out.

Create one :class:`Renderer` per process (:func:`shared`). Making HTML needs only Jinja;
the first PDF imports WeasyPrint and loads the fonts into one shared FontConfiguration.
The background worker calls :meth:`Renderer.warm_up` when it starts: that loads them and
lays out a small fictional dossier, so the first render is not slower than later ones
(toolchain.md §2: importing alone takes ~0.4 s). The web never prints, so it never loads
WeasyPrint.
"""

import threading
import warnings
from pathlib import Path

from jinja2 import Environment
from jinja2 import FileSystemLoader
from jinja2 import StrictUndefined
from markupsafe import Markup

from meldcode import __version__
from meldcode import paths
from meldcode.dossier.build import Dossier
from meldcode.kader.i18n import gettext
from meldcode.kader.i18n import ngettext
from meldcode.kader.i18n import using

TEMPLATE = "dossier/dossier.html"
CONTENT = "dossier/_inhoud.html"
CSS_FILE = "css/dossier.css"  # relative to the static folder, for WeasyPrint's base URL
PDF_VARIANT = "pdf/ua-1"
# For archives that require PDF/A: level U (every glyph maps to Unicode), tags kept.
ARCHIVAL_VARIANT = "pdf/a-2u"
_shared: "Renderer | None" = None
_shared_lock = threading.Lock()


def environment(templates: Path = paths.TEMPLATES_DIR) -> Environment:
    """Return the dossier's Jinja environment: autoescape always on, gettext from our catalogue."""
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=True,  # every value is escaped; the template never marks user text safe
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    return env


class Renderer:
    """Turn dossier view models into HTML and tagged PDF."""

    def __init__(self, templates: Path = paths.TEMPLATES_DIR, static: Path = paths.STATIC_DIR):
        """Make the Jinja side now; WeasyPrint and the fonts load on the first PDF (:meth:`load`).

        The web only makes HTML (previews, the pages the worker prints): its processes
        never load WeasyPrint. The worker loads it once, before its first render.
        """
        self.env = environment(templates)
        self._static = static
        self._weasyprint = None
        self._fetcher = None
        self.fonts = None
        # WeasyPrint does not promise a shared FontConfiguration is thread-safe.
        self._lock = threading.Lock()

    def load(self) -> None:
        """Import WeasyPrint (~0.4 s) and make the fetcher and the shared fonts, once."""
        if self._weasyprint is not None:
            return
        with self._lock:
            if self._weasyprint is not None:
                return
            import weasyprint
            from weasyprint.text.fonts import FontConfiguration

            from meldcode.dossier.fetcher import StaticOnlyFetcher

            self._fetcher = StaticOnlyFetcher(self._static)
            # One FontConfiguration for every render: the @font-face files are read and
            # registered once (WeasyPrint keys them by their descriptors), saving ~10 %.
            self.fonts = FontConfiguration()
            self._weasyprint = weasyprint

    @property
    def fetcher(self):
        """Return the only URL fetcher WeasyPrint gets (meldcode.dossier.fetcher)."""
        self.load()
        return self._fetcher

    def html(self, view: Dossier, stylesheet: str = CSS_FILE) -> str:
        """Return the dossier as one HTML document, linking ``stylesheet``."""
        with using(view.language):
            template = self.env.get_template(TEMPLATE)
            return template.render(d=view, version=__version__, stylesheet=stylesheet)

    def content(self, view: Dossier) -> Markup:
        """Return the dossier's content without the document around it (the app's preview)."""
        with using(view.language):
            html = self.env.get_template(CONTENT).render(d=view, version=__version__)
        return Markup(html)  # noqa: S704 - rendered with autoescape on: user text is escaped

    def pdf(self, view: Dossier, archival: bool = False) -> bytes:
        """Return the dossier as a tagged PDF (PDF/UA-1, or PDF/A-2u with ``archival``)."""
        return self.pdf_from_html(self.html(view), archival)

    def pdf_from_html(self, html: str, archival: bool = False) -> bytes:
        """Print HTML made by :meth:`html`; every resource goes through the static fetcher.

        ``archival`` prints PDF/A-2u (sRGB output intent, XMP identification, every font
        embedded) and keeps the structure tags the PDF/UA output has.
        """
        self.load()
        document = self._weasyprint.HTML(
            string=html, base_url=self.fetcher.base_url, url_fetcher=self.fetcher
        )
        with self._lock, warnings.catch_warnings():
            # WeasyPrint 70 opens its sRGB profile for PDF/A and leaves closing it to the
            # garbage collector; that warning is about WeasyPrint, not this render.
            warnings.filterwarnings("ignore", "unclosed file.*sRGB2014", ResourceWarning)
            return document.write_pdf(
                font_config=self.fonts,
                pdf_variant=ARCHIVAL_VARIANT if archival else PDF_VARIANT,
                pdf_tags=True,
                attachments=None,
                presentational_hints=False,
            )

    def in_child(self, work):
        """Return ``work`` wrapped for a forked child: it gets a lock of its own.

        A lock another thread of the worker held at the fork would stay taken for ever in
        the child, which has only the forking thread.
        """

        def run():
            """Render with a fresh lock (this runs in the child)."""
            self._lock = threading.Lock()
            return work()

        return run

    def warm_up(self, registry=None) -> None:
        """Print a small fictional dossier once, so no user pays for the first layout.

        The first render loads the fonts, Pango's caches and the stylesheet machinery; the
        English one only needs its catalogue, which making its HTML loads.
        """
        from meldcode.dossier.sample import sample_view

        self.pdf(sample_view(registry, "nl"))
        self.html(sample_view(registry, "en"))


def shared(warm: bool = True, registry=None) -> Renderer:
    """Return this process's renderer, made (and warmed up) on first use.

    Every app in a process shares it: WeasyPrint and the fonts are loaded once (on the first
    PDF, or now with ``warm``), however many apps the tests build.
    """
    global _shared
    with _shared_lock:
        if _shared is None:
            renderer = Renderer()
            if warm:
                renderer.warm_up(registry)
            _shared = renderer
        return _shared
