"""Helpers for the web tests: fetching pages in a language and reading their HTML."""

import re
from html.parser import HTMLParser

from markupsafe import escape


def get_page(client, path: str, language: str = "nl"):
    """Fetch a page as a browser asking for ``language`` would."""
    return client.get(path, headers={"Accept-Language": language})


def html_text(value: str) -> str:
    """Return ``value`` as it appears in the page source, escaped as Jinja escapes it."""
    return str(escape(value))


def section(page: str, anchor: str) -> str:
    """Return the source of the element with id ``anchor``, up to its own closing tag."""
    start = page.rindex("<", 0, page.index(f'id="{anchor}"'))
    name = re.match(r"<(\w+)", page[start:]).group(1)
    depth = 0
    for tag in re.finditer(rf"<(/?){name}\b", page[start:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return page[start : start + tag.end()]
    return page[start:]


class Tags(HTMLParser):
    """Collect every start tag with its attributes, and the text of inline scripts/styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.inline: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = tag

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == self._open:
            self._open = None

    def handle_data(self, data):
        if self._open and data.strip():
            self.inline.append(data)


def parse(page: str) -> Tags:
    """Parse a page's tags."""
    parser = Tags()
    parser.feed(page)
    parser.close()
    return parser
