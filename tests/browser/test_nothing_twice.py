"""In Chromium: Back after saving adds nothing twice, a date survives Back, the text counter,
and a consulted colleague who finds no trace of the owner's outcome before finishing.

Every page on the way is checked with axe-core (walk.py). Screenshots go to the test's
temporary folder; the closing note of issue 13 says what they showed.
"""

import datetime
import re

import pytest

from meldcode.storage import cases
from meldcode.storage.models import Case
from meldcode.storage.models import User
from tests.browser.walk import COLLEAGUE
from tests.browser.walk import Walker
from tests.web.test_independent_consultation import CANARY
from tests.web.test_independent_consultation import OUTCOME_WORDS
from tests.web.test_independent_consultation import _outcome
from tests.web.wizard import EMAILS
from tests.web.wizard import PASSWORD

pytestmark = pytest.mark.browser
DAY = datetime.date(2026, 9, 14)
# kind: (step page, add link, save button, fields to fill {label: value}; "T": the text)
FORMS = {
    "signaal": (
        "stap-1",
        "Signaal toevoegen",
        "Signaal opslaan",
        {"Datum van de waarneming": "2026-09-14", "Wat is er gezien of gehoord? (feiten)": "T"},
    ),
    "overleg": (
        "stap-2",
        "Overleg toevoegen",
        "Overleg opslaan",
        {"Datum van het overleg": "2026-09-15", "Welk advies heb je gekregen?": "T"},
    ),
    "gesprek": (
        "stap-3",
        "Gesprek toevoegen",
        "Gesprek opslaan",
        {
            "Datum van het gesprek": "2026-09-16",
            "Met wie heb je gesproken?": "moeder",
            "Wat heb je verteld en wat is er gezegd?": "T",
        },
    ),
    "hulp": ("stap-5", "Hulp toevoegen", "Hulp opslaan", {"Welke hulp?": "T"}),
}


def new_case(app, people, kader: str = "artsen", share_with: str | None = None) -> str:
    """Create a case of the owner directly in storage; return its id."""
    database = app.extensions["meldcode_db"]
    registry = app.extensions["meldcode_registry"]

    def work(s):
        owner = s.get(User, people.owner)
        case = cases.create_case(s, database.cipher, owner, "B.T., 2016", DAY, registry.get(kader))
        if share_with:
            cases.share_case(s, case, owner, s.get(User, share_with))
        return case.id

    return database.run_write(work)


def count(app, case_id: str, kind: str) -> int:
    """Return how many records of a kind the case holds."""
    database = app.extensions["meldcode_db"]
    with database.reader() as s:
        return len(cases.records(s, database.cipher, s.get(Case, case_id), kind))


def signed_in(open_page, base_url, email: str) -> Walker:
    """Return a Dutch desktop walker signed in as ``email``."""
    w = Walker(open_page("nl", "desktop"), base_url, "nl")
    w.sign_in(email, PASSWORD)
    return w


@pytest.mark.parametrize("kind", sorted(FORMS))
def test_back_after_saving_then_saving_again_adds_nothing(
    open_page, base_url, browser_app, people, kind, tmp_path
):
    case_id = new_case(browser_app, people)
    step, add, save, fields = FORMS[kind]
    w = signed_in(open_page, base_url, EMAILS["owner"])
    w.goto(f"/casussen/{case_id}/{step}")
    w.link(add)
    if kind == "overleg":
        w.choose("Met wie heb je overlegd?", "Een collega")
    for label, value in fields.items():
        w.fill(label, f"EERSTE {kind}" if value == "T" else value)
    w.button(save)
    assert count(browser_app, case_id, kind) == 1
    w.page.go_back(wait_until="load")  # the browser's own Back button
    text = w.text()
    if "formulier=" in w.page.url:  # the page came from the browser's cache, as typed
        w.button(save)
    else:  # fetched again: it is the saved record now, with a word about it
        assert re.search(rf"/{kind}/[0-9a-f]{{32}}$", w.page.url), w.page.url
        assert "Dit formulier was al opgeslagen" in text
        assert f"EERSTE {kind}" in w.page.content()
        w.button(save)  # and saving that page again changes nothing
    w.page.screenshot(path=str(tmp_path / f"back-{kind}.png"), full_page=True)
    assert count(browser_app, case_id, kind) == 1


def test_back_after_creating_a_case_then_creating_again_makes_one_case(
    open_page, base_url, browser_app, people, tmp_path
):
    database = browser_app.extensions["meldcode_db"]
    with database.reader() as s:
        before = s.query(Case).count()  # the app is shared with the other tests of this module
    w = signed_in(open_page, base_url, EMAILS["owner"])
    w.goto("/casussen")
    w.link("Nieuwe casus")
    w.fill("Label van de casus", "K.T., 2015")
    w.fill("Sinds wanneer maak je je zorgen?", "2026-09-14")
    w.button("Casus aanmaken")
    made = w.page.url
    w.page.go_back(wait_until="load")  # the browser's own Back button, to the filled form
    assert "formulier=" in w.page.url
    if w.field("Label van de casus").input_value() == "":  # fetched afresh: type it again
        w.fill("Label van de casus", "K.T., 2015")
        w.fill("Sinds wanneer maak je je zorgen?", "2026-09-14")
    w.button("Casus aanmaken")
    assert w.page.url == made
    assert "Deze casus was al aangemaakt" in w.text()
    w.page.screenshot(path=str(tmp_path / "back-new-case.png"), full_page=True)
    with database.reader() as s:
        assert s.query(Case).count() == before + 1


def test_a_date_keeps_its_value_after_back(open_page, base_url, browser_app, people):
    case_id = new_case(browser_app, people)
    w = signed_in(open_page, base_url, EMAILS["owner"])
    w.goto(f"/casussen/{case_id}/stap-1")
    w.link("Signaal toevoegen")
    w.fill("Datum van de waarneming", "2026-09-03")
    w.fill("Wat is er gezien of gehoord? (feiten)", "NIET KWIJT")
    w.link("Terug zonder opslaan")
    w.page.go_back(wait_until="load")
    assert w.field("Datum van de waarneming").input_value() == "2026-09-03"
    assert w.field("Wat is er gezien of gehoord? (feiten)").input_value() == "NIET KWIJT"


def test_the_counter_near_the_limit_and_the_refusal_keep_the_text(
    open_page, base_url, browser_app, people, tmp_path
):
    case_id = new_case(browser_app, people)
    w = signed_in(open_page, base_url, EMAILS["owner"])
    w.goto(f"/casussen/{case_id}/stap-1")
    w.link("Signaal toevoegen")
    counter = w.page.locator("#waarneming-limit")
    assert counter.inner_text() == "Je kunt hoogstens 20.000 tekens gebruiken."
    text = w.field("Wat is er gezien of gehoord? (feiten)")
    text.fill("x" * 19990)
    assert counter.inner_text() == "Je kunt nog 10 tekens gebruiken."
    text.fill("x" * 20000 + "EIND")
    assert counter.inner_text() == "Je tekst is 4 tekens te lang."
    assert "character-count--over" in counter.get_attribute("class")
    w.page.screenshot(path=str(tmp_path / "counter.png"))
    w.fill("Datum van de waarneming", "2026-09-03")
    w.button("Signaal opslaan", status=400)
    assert "Je tekst is 4 tekens te lang." in w.text()
    assert text.input_value() == "x" * 20000 + "EIND"  # nothing cut
    assert count(browser_app, case_id, "signaal") == 0


def test_the_consulted_colleague_finds_no_trace_of_the_outcome(
    open_page, base_url, browser_app, people, colleague, tmp_path
):
    case_id = new_case(browser_app, people, kader="onderwijs", share_with=colleague)
    database = browser_app.extensions["meldcode_db"]

    def work(s):
        owner = s.get(User, people.owner)
        _outcome(s, browser_app, s.get(Case, case_id), owner)

    database.run_write(work)
    w = signed_in(open_page, base_url, COLLEAGUE)
    start = f"/casussen/{case_id}"
    w.goto(start)
    w.page.screenshot(path=str(tmp_path / "colleague-overview.png"), full_page=True)
    seen, todo = set(), [start]
    while todo:  # every page of the case the colleague can reach by a link
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        w.goto(path)
        body = w.page.content()
        assert CANARY not in body, path
        for words in OUTCOME_WORDS:
            assert words not in w.text(), (path, words)
        for href in w.page.eval_on_selector_all("main a[href]", "as => as.map(a => a.href)"):
            target = href.removeprefix(base_url).split("#")[0]
            if target.startswith(start) and not target.endswith(".pdf"):
                todo.append(target)
    assert {f"{start}/consultatie", f"{start}/tijdlijn", f"{start}/stap-1"} <= seen
