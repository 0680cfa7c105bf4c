"""The only way a dossier may load anything: the project's own fonts and stylesheet.

WeasyPrint fetches whatever HTML or CSS names (``file:``, ``http:``, attachments), and user
text flows into the dossier. The template escapes that text, and this fetcher is the second
wall: it serves files from a few folders under ``static/`` (given to WeasyPrint as
``file:`` URLs, so the stylesheet's relative ``url("../fonts/…")`` resolves as in a browser)
and refuses every other URL without touching the network or any other file
(security.md §3: WeasyPrint 70 fetchers subclass URLFetcher).
"""

import logging
import mimetypes
import threading
from collections import deque
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher
from weasyprint.urls import URLFetcherResponse

FOLDERS = ("fonts", "css", "img")
SUFFIXES = {".ttf": "font/ttf", ".otf": "font/otf", ".css": "text/css", ".png": "image/png"}
LOG = logging.getLogger("meldcode.dossier")


class Refused(ValueError):
    """A URL outside the project's static files; WeasyPrint skips the resource."""


class StaticOnlyFetcher(URLFetcher):
    """Serve fonts, CSS and images from ``root``; refuse everything else, counting it."""

    def __init__(self, root: Path):
        """Remember the static folder; never follow redirects, allow no protocol."""
        super().__init__(allow_redirects=False, allowed_protocols=())
        self.root = root.resolve()
        self.base_url = self.root.as_uri() + "/"
        self.refused = 0  # for tests and diagnostics; the URL itself is never logged
        self.served: deque[str] = deque(maxlen=64)  # the last files served, for tests
        self._lock = threading.Lock()
        self._cache: dict[Path, bytes] = {}

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        """Return a static file as a response, or raise Refused."""
        path = self.path_of(url)
        if path is None:
            with self._lock:
                self.refused += 1
            # The scheme alone: a refused URL may hold text typed into a case.
            LOG.warning("dossier: refused a URL (scheme %s)", url.split(":", 1)[0][:20])
            raise Refused("only the project's static files may be loaded")
        body = self._cache.get(path)
        if body is None:
            body = path.read_bytes()
            with self._lock:
                self._cache[path] = body
        self.served.append(path.relative_to(self.root).as_posix())
        mime = SUFFIXES.get(path.suffix) or mimetypes.guess_type(path.name)[0]
        return URLFetcherResponse(url, body, {"Content-Type": mime or "application/octet-stream"})

    def path_of(self, url: str) -> Path | None:
        """Return the file a URL names when it is one of ours, else None."""
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return None
        if parts.query or parts.fragment or "\\" in url or "\x00" in url:
            return None
        path = Path(url2pathname(parts.path))  # decodes %-escapes once
        if not path.is_absolute() or ".." in path.parts:
            return None
        found = path.resolve()
        if not found.is_relative_to(self.root) or not found.is_file():
            return None
        inside = found.relative_to(self.root)
        if inside.parts[0] not in FOLDERS or found.suffix not in SUFFIXES:
            return None
        return found
