"""The only way a dossier may load anything: the project's own fonts, CSS and images.

WeasyPrint fetches whatever HTML or CSS names (``file:``, ``http:``, attachments), and user
text flows into the dossier. The template escapes that text, and this fetcher is the second
wall: it serves files under ``static/`` through a private scheme and refuses every other
URL without touching the network or the file system (docs: security.md §3, PDF-02).
"""

import logging
import mimetypes
import threading
from pathlib import Path

from weasyprint.urls import URLFetcher
from weasyprint.urls import URLFetcherResponse

SCHEME = "meldcode-static:"
FOLDERS = ("fonts", "css", "img")
SUFFIXES = {".ttf": "font/ttf", ".otf": "font/otf", ".css": "text/css", ".png": "image/png"}
LOG = logging.getLogger("meldcode.dossier")


class Refused(ValueError):
    """A URL outside the project's static files; WeasyPrint skips the resource."""


class StaticOnlyFetcher(URLFetcher):
    """Serve ``meldcode-static:fonts/…`` and the like from ``root``; refuse everything else."""

    def __init__(self, root: Path):
        """Remember the static folder; never follow redirects, allow no protocol."""
        super().__init__(allow_redirects=False, allowed_protocols=())
        self.root = root.resolve()
        self.refused = 0  # counted for tests and diagnostics; the URL itself is never logged
        self._lock = threading.Lock()
        self._cache: dict[str, bytes] = {}

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        """Return a static file as a response, or raise Refused."""
        path = self._path(url)
        if path is None:
            with self._lock:
                self.refused += 1
            # The scheme alone: a refused URL may hold text typed into a case.
            LOG.warning("dossier: refused a URL (scheme %s)", url.split(":", 1)[0][:20])
            raise Refused("only the project's static files may be loaded")
        body = self._cache.get(str(path))
        if body is None:
            body = path.read_bytes()
            with self._lock:
                self._cache[str(path)] = body
        mime = SUFFIXES.get(path.suffix) or mimetypes.guess_type(path.name)[0]
        return URLFetcherResponse(url, body, {"Content-Type": mime or "application/octet-stream"})

    def _path(self, url: str) -> Path | None:
        """Return the file a URL names when it is one of ours, else None."""
        if not url.startswith(SCHEME):
            return None
        rest = url[len(SCHEME) :].lstrip("/")
        if any(c in rest for c in "?#\\%\x00") or ".." in rest.split("/"):
            return None
        if rest.split("/", 1)[0] not in FOLDERS or Path(rest).suffix not in SUFFIXES:
            return None
        path = (self.root / rest).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            return None
        return path
