"""Issue 13: no internal code on any page of a case, in Dutch and English.

Walks every page a case links to (several cases: a disclosure with a recorded melding, a
staff suspect on a route, huwelijksdwang, help weighed at the evaluation) and reads the text a
person sees. Rule ids may appear only inside the labelled "Waarom?" detail.
"""

import re
from html.parser import HTMLParser

import pytest

from tests.web.casehelpers import answer_all
from tests.web.casehelpers import put_answers
from tests.web.casewalk import NOT_FOLLOWED
from tests.web.wizard import EMAILS
from tests.web.wizard import Visitor

PATTERNS = {
    "overruled_by": re.compile(r"overruled_by"),
    "veilig_thuis:": re.compile(r"veilig_thuis:"),
    "rule id": re.compile(r"\b[a-z][a-z0-9-]*:[a-z0-9_]+\.[a-z0-9_.]+\b"),
    "project source": re.compile(r"projectbron|seeds/\d"),
    "snake_case code": re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b"),
    "kader id": re.compile(r"\b(?:sociaal-domein|kinderopvang-gastouder)\b"),
    "e-mail of a person": re.compile("|".join(re.escape(e) for e in EMAILS.values())),
}


class Visible(HTMLParser):
    """Collect the text a person sees (and hears), leaving out the "Waarom?" detail."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0  # depth inside script/style or the Waarom? details

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.skip or tag in ("script", "style") or attrs.get("id") == "waarom":
            self.skip += 1 if tag in ("script", "style", "details") else 0
            return
        for name in ("aria-label", "title", "alt"):
            if attrs.get(name):
                self.parts.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if self.skip and tag in ("script", "style", "details"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


# Not codes: web addresses of sources, the tests' own motivations ("motivering vormen"), and
# rule ids where they are labelled as such (the dossier's trace, for the record).
ALLOWED = re.compile(
    r"https?://\S+|motivering \w+|(?:Regel-id in het kader|Rule id in the framework):? \S+"
)


def visible(page: str) -> str:
    """Return the visible text of a page, without what may look like a code there."""
    parser = Visible()
    parser.feed(page)
    return ALLOWED.sub(" ", " ".join(parser.parts))


def links(page: str, case_id: str) -> set[str]:
    """Return the case's own pages a page links to."""
    found = set(re.findall(rf'href="(/casussen/{case_id}[^"#?]*)', page))
    return {u for u in found if not any(part in u for part in NOT_FOLLOWED)}


def walk(visitor: Visitor, case_id: str) -> dict[str, str]:
    """Return every page of a case reachable from its task list, by URL."""
    seen: dict[str, str] = {}
    todo = [f"/casussen/{case_id}", "/casussen"]
    while todo and len(seen) < 80:
        url = todo.pop()
        if url in seen:
            continue
        response = visitor.get(url)
        if response.status_code != 200 or "html" not in response.content_type:
            seen[url] = ""
            continue
        seen[url] = response.get_data(as_text=True)
        todo += sorted(links(seen[url], case_id) - set(seen))
    return seen


def _cases(app, people, owner):
    """Create the cases to walk; return their ids."""
    made = []
    disclosure = owner.new_case("A.B., 2015")
    put_answers(app, disclosure, people.owner, disclosure="ja", pleger_medewerker="nee")
    answer_all(owner, disclosure, {"vermoeden": "ja", "veiligheid": "nee"})
    owner.form(f"/casussen/{disclosure}/beslissing", {"keuze": "volgen", "datum": "2026-09-20"})
    made.append(disclosure)
    route = owner.new_case("C.D., 2014")
    put_answers(
        app,
        route,
        people.owner,
        pleger_medewerker="ja",
        vormen=["seksueel_misbruik"],
        minderjarige_leerling="ja",
    )
    made.append(route)
    forced = owner.new_case("E.F., 2009")
    put_answers(app, forced, people.owner, vormen=["huwelijksdwang"], pleger_medewerker="nee")
    answer_all(owner, forced, {"vermoeden": "ja", "veiligheid": "ja"})
    made.append(forced)
    later = owner.new_case("G.H., 2016")
    put_answers(app, later, people.owner, pleger_medewerker="nee")
    answer_all(owner, later, {"vermoeden": "ja", "veiligheid": "nee", "hulp": "ja"})
    answer_all(owner, later, {"acceptatie": "ja"})
    made.append(later)
    return made


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_internal_code_on_any_case_page(wizard_app, people, language):
    owner = Visitor(wizard_app)
    assert owner.login("owner").status_code == 303
    owner.get(f"/taal/{language}")
    problems = []
    pages = 0
    for case_id in _cases(wizard_app, people, owner):
        for url, page in walk(owner, case_id).items():
            text = visible(page)
            pages += bool(page)
            for name, pattern in PATTERNS.items():
                for hit in set(pattern.findall(text)):
                    problems.append(f"{url}: {name}: {hit}")
    assert pages > 40
    assert not problems, "\n".join(sorted(set(problems)))
