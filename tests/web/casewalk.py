"""Walk a case as a person would: follow its links, find every form with free text, fill it.

The walk finds the forms by itself, so a page added later is filled (and checked) without
changing the tests. Choices (radios, selects, checkboxes, dates) get plausible values;
every free-text field gets the text the caller asks for.
"""

import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from html.parser import HTMLParser

from meldcode.storage.db import DatabaseBusy

DATE = "2026-09-15"
# Two cases reach every form: artsen (the KNMG stap 4, the kindcheck) and onderwijs with a
# staff suspect of a sexual offence against a minor pupil (the meldplicht route). Departing
# from the outcome and not informing beforehand are the choices that keep every text field
# of those forms.
CASES = {
    "artsen": {"pleger_medewerker": "nee"},
    "onderwijs": {
        "pleger_medewerker": "ja",
        "vormen": ["seksueel_misbruik"],
        "minderjarige_leerling": "ja",
    },
}
CHOOSE = {"keuze": "afwijken", "geinformeerd": "nee"}
# Pages that delete or wipe are never followed, so a walk only adds and changes; nor the
# PDF download, which is slow to render and holds no form.
NOT_FOLLOWED = ("/verwijderen", "/wissen", "/ongedaan", "/sluiten", ".pdf")
TEXT_KINDS = ("text", "textarea", "search")


@dataclass
class Field:
    """One named input of a form (radios and checkboxes of one name are one field)."""

    name: str
    kind: str
    value: str = ""
    options: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    maxlength: int | None = None


@dataclass
class Form:
    """A POST form of a page."""

    action: str
    fields: dict[str, Field] = field(default_factory=dict)

    def text_fields(self) -> list[str]:
        """Return the names of the free-text fields."""
        return [n for n, f in self.fields.items() if f.kind in TEXT_KINDS]

    def date_fields(self) -> list[str]:
        """Return the names of the date fields."""
        return [n for n, f in self.fields.items() if f.kind == "date"]


class _Forms(HTMLParser):
    def __init__(self, page_url: str):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._textarea: Field | None = None

    def _add(self, name: str, kind: str, **values) -> Field:
        found = self._form.fields.get(name)
        if found is None:
            found = self._form.fields[name] = Field(name, kind, **values)
        return found

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            if (a.get("method") or "get").lower() == "post":
                self._form = Form(a.get("action") or self.page_url)
                self.forms.append(self._form)
            return
        if self._form is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("radio", "checkbox"):
                found = self._add(name, kind)
                found.options.append(a.get("value", "on"))
                if "checked" in a:
                    found.checked.append(a.get("value", "on"))
            elif kind not in ("submit", "button"):
                length = a.get("maxlength")
                self._add(
                    name,
                    kind,
                    value=a.get("value") or "",
                    maxlength=int(length) if length else None,
                )
        elif tag == "textarea" and name:
            length = a.get("maxlength")
            self._textarea = self._add(name, "textarea", maxlength=int(length) if length else None)
        elif tag == "select" and name:
            self._select = self._add(name, "select")
        elif tag == "option" and self._select is not None:
            self._select.options.append(a.get("value", ""))
            if "selected" in a:
                self._select.checked.append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data


def forms_of(html: str, page_url: str) -> list[Form]:
    """Return the POST forms of a page."""
    parser = _Forms(page_url)
    parser.feed(html)
    parser.close()
    return parser.forms


def own_form(html: str, page_url: str) -> Form | None:
    """Return the form that posts to the page itself and holds free text, if any."""
    for form in forms_of(html, page_url):
        if form.action.split("?")[0] == page_url and form.text_fields():
            return form
    return None


def fill(form: Form, text: Callable[[str], str], choose: dict | None = None) -> dict:
    """Return the data to post: ``text(name)`` in free text, plausible choices elsewhere.

    ``choose`` overrides a field by name (a list for several checkboxes, None for none).
    """
    choose = choose or {}
    data: dict = {}
    for name, f in form.fields.items():
        if name in choose:
            if choose[name] is not None:
                data[name] = choose[name]
        elif f.kind == "hidden":
            data[name] = f.value
        elif f.kind in TEXT_KINDS:
            data[name] = text(name)
        elif f.kind == "date":
            data[name] = DATE
        elif f.kind == "number":
            data[name] = "2"
        elif f.kind == "radio":
            data[name] = f.options[0]
        elif f.kind == "checkbox":
            data[name] = f.options if len(f.options) > 1 else f.options[0]
        elif f.kind == "select":
            data[name] = next((o for o in f.options if o), "")
    return data


def links(html: str, case_id: str) -> set[str]:
    """Return the case's own pages a page links to."""
    # An add-form's link carries a fresh record key each time (meldcode.web.casussen.formulier):
    # the walk follows the form without it, so one form is one page to it.
    found = set(re.findall(rf'href="(/casussen/{case_id}(?:/[^"?#]*)?)(?:\?formulier=\w+)?"', html))
    return {url for url in found if not url.endswith(NOT_FOLLOWED)}


def crawl(visitor, case_id: str) -> dict[str, str]:
    """Return every page of the case the visitor can open, found by following links."""
    start = f"/casussen/{case_id}"
    todo, pages = [start, f"{start}/instellingen"], {}
    seen = set(todo)
    while todo:
        url = todo.pop()
        response = visitor.get(url)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue  # refused, or a download (the dossier PDF)
        html = response.get_data(as_text=True)
        pages[url] = html
        for target in sorted(links(html, case_id) - seen):
            seen.add(target)
            todo.append(target)
    return pages


def error_text(response) -> str:
    """Return the error summary of a refused form, to say why a walk stopped."""
    page = response.get_data(as_text=True)
    found = re.search(r'<div class="error-summary".*?</div>', page, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(0))) if found else page[:500]


def text_forms(visitor, case_id: str) -> dict[str, Form]:
    """Return every form with free text the visitor can reach in the case, by page."""
    found = {}
    for url, html in crawl(visitor, case_id).items():
        form = own_form(html, url)
        if form is not None:
            found[url] = form
    return found


def walk(
    visitor,
    case_id: str,
    text: Callable[[str, str], str],
    choose: dict | None = None,
) -> list[str]:
    """Fill and save every form with free text, until saving reveals no new one.

    ``text(url, name)`` gives the text of each free-text field. Returns the pages saved.
    """
    saved: list[str] = []
    while True:
        todo = [url for url in sorted(text_forms(visitor, case_id)) if url not in saved]
        if not todo:
            return saved
        for url in todo:
            form = own_form(visitor.page(url), url)  # a fresh version and CSRF token
            data = fill(form, lambda name, url=url: text(url, name), choose)
            response = visitor.client.post(url, data=data)
            assert response.status_code == 303, (url, response.status_code, error_text(response))
            saved.append(url)


@contextmanager
def busy_database(app):
    """Make every write fail as when SQLite stays locked (DatabaseBusy after the retries)."""
    database = app.extensions["meldcode_db"]

    def locked(_work, attempts=0, quick=False):
        raise DatabaseBusy()

    database.run_write = locked
    try:
        yield
    finally:
        del database.run_write  # the class's own method again
