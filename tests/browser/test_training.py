"""A training session in real browsers: one trainer and three participants, each in their own
browser context, axe-core on every page they reach (0 violations), and the live view
updating through live.js without reloading the page.
"""

import gettext
import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from sqlalchemy import select

from meldcode import paths
from meldcode.storage import accounts
from meldcode.storage.models import Organisation
from tests.browser.test_pages import assert_stayed_local
from tests.renders import work_queue
from tests.training_web.helpers import model_chooser

pytestmark = pytest.mark.browser

AXE = Axe()
CASE = "basisschool-onthulling"
EMAIL = "trainer@oefenbrowser.nl"
PASSWORD = "een lange zin als wachtwoord"


@pytest.fixture(scope="module")
def trainer_account(browser_app):
    """A trainer in an organisation of their own, in the browser tests' app."""

    def work(s):
        # Module-scoped, and test_training_class uses it too: made once per browser app.
        if s.scalar(select(Organisation).where(Organisation.name == "Oefenschool in de browser")):
            return
        org = Organisation(name="Oefenschool in de browser")
        s.add(org)
        s.flush()
        accounts.create_user(s, org, EMAIL, "trainer", PASSWORD, "Trainer")

    browser_app.extensions["meldcode_db"].run_write(work)
    return EMAIL


class Tab:
    """One person's browser tab; every page it arrives on is checked with axe-core."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.pages = 0
        page.set_default_timeout(10000)

    def check(self, response, status: int = 200) -> None:
        """Check the page just reached: status, OEFENEN in the title, no axe violations."""
        assert response is not None and response.status == status, self.page.url
        assert self.page.title().startswith(("OEFENEN", "PRACTICE")), self.page.url
        results = AXE.run(self.page)
        assert results.violations_count == 0, (self.page.url, results.generate_report())
        self.pages += 1

    def goto(self, path: str) -> None:
        self.check(self.page.goto(self.base_url + path, wait_until="load"))

    def click(self, locator, status: int = 200) -> None:
        with self.page.expect_navigation(wait_until="load") as navigation:
            locator.click()
        self.check(navigation.value, status)

    def button(self, name) -> None:
        self.click(self.page.get_by_role("button", name=name))

    def link(self, name) -> None:
        self.click(self.page.get_by_role("link", name=name).first)

    def clean(self) -> None:
        """Every request stayed on 127.0.0.1 and nothing broke the Content Security Policy."""
        assert_stayed_local(self.page)
        assert not [m for m in self.page.console if "Content Security Policy" in m]


def english(msgid: str) -> str:
    """Return a UI text as the English pages show it (the app's own catalogue)."""
    catalogue = gettext.translation("messages", str(paths.TRANSLATIONS_DIR), languages=["en"])
    return catalogue.gettext(msgid)


def walk_case(tab: Tab, choose) -> None:
    """Answer the exercise through its own pages until the outcome, as a participant would."""
    for _ in range(40):
        url = tab.page.url
        if "/oefenen/uitkomst" in url:
            return
        question = re.search(r"/oefenen/vraag/(\w+)", url)
        if question:
            qid = question.group(1)
            tab.page.locator(f"input[name={qid}][value={choose(qid)}]").check()
            tab.page.locator("#motivatie").fill("Zo weeg ik het, op grond van de feiten.")
            save = {"Opslaan en verder", english("Opslaan en verder")}
            tab.button(re.compile("^(" + "|".join(save) + ")$"))
            continue
        for msgid in ("Beantwoorden", "Verder naar stap %(number)s", "Naar de uitkomst"):
            words = {msgid.split(" %")[0], english(msgid).split(" %")[0]}
            pattern = re.compile("^(" + "|".join(map(re.escape, words)) + ")")
            target = tab.page.get_by_role("link", name=pattern)
            if target.count():
                tab.click(target.first)
                break
        else:
            raise AssertionError(f"stuck on {url}: {tab.page.inner_text('main')[-1500:]}")
    raise AssertionError("the exercise did not end")


def test_a_trainer_and_three_participants(open_page, base_url, trainer_account, browser_app):
    trainer = Tab(open_page("nl", "desktop"), base_url)
    trainer.page.goto(base_url + "/inloggen")
    trainer.page.get_by_label("E-mailadres").fill(trainer_account)
    trainer.page.get_by_label("Wachtwoord").fill(PASSWORD)
    with trainer.page.expect_navigation():
        trainer.page.get_by_role("button", name="Inloggen").click()
    trainer.goto("/oefensessies/")
    trainer.page.get_by_label(re.compile("^Een leerling vertelt het aan de juf")).check()
    trainer.button("Sessie starten")
    code = trainer.page.locator(".training-code").inner_text().replace(" ", "")
    # The link is built on BASE_URL (the address participants use); here the test server's.
    link = urlsplit(trainer.page.locator(".training-join a").get_attribute("href"))
    join_link = f"{base_url}{link.path}?{link.query}"
    assert trainer.page.locator("img.training-qr").evaluate("img => img.naturalWidth") > 0
    trainer.page.evaluate("window.notReloaded = true")

    people = []
    for language, viewport, departures, name in (
        ("nl", "phone", {}, "Sam"),
        ("en", "phone", {}, ""),
        ("nl", "desktop", {"veiligheid": "nee"}, "12"),
    ):
        tab = Tab(open_page(language, viewport), base_url)
        tab.check(tab.page.goto(join_link, wait_until="load"))
        assert tab.page.locator("#code").input_value() == code
        if name:
            tab.page.locator("#naam").fill(name)
        tab.button(re.compile(f"^(Meedoen|{english('Meedoen')})$"))
        walk_case(tab, model_chooser(CASE, departures))
        people.append(tab)

    # The live view swapped in the new counts by itself (live.js), without a reload.
    trainer.page.wait_for_selector('[data-klaar="3"]', timeout=15000)
    assert trainer.page.evaluate("window.notReloaded") is True
    live = trainer.page.locator("#live")
    assert live.locator('[data-vraag="veiligheid"][data-antwoord="nee"]').inner_text() == "1"
    assert "Sam" not in live.inner_text()

    # Reveal the first model answer, lock veiligheid, look at the projector.
    trainer.button(re.compile("^Toon het volgende modelantwoord"))
    trainer.click(trainer.page.get_by_role("button", name="Vastzetten (Afweging 2: Veiligheid)"))
    trainer.link("Projectorweergave")
    assert trainer.page.locator(".training-code").is_visible()
    first = people[0]
    first.goto("/oefenen/vraag/veiligheid")
    assert first.page.get_by_text("Vastgezet door de trainer.").is_visible()
    first.goto("/oefenen/vraag/disclosure")
    assert first.page.get_by_text("Het modelantwoord, getoond door de trainer").is_visible()

    # The class report is printed by the worker.
    trainer.goto(trainer.page.url.replace(base_url, "").replace("/projector", ""))
    href = trainer.page.get_by_role("link", name="Klasverslag (pdf)").get_attribute("href")
    asked = trainer.page.context.request.get(base_url + href)
    assert asked.status == 202  # asked of the worker; the waiting page meanwhile
    work_queue(browser_app)  # the worker's part, in this process (tests/renders.py)
    report = trainer.page.context.request.get(base_url + href)
    assert report.ok and report.body().startswith(b"%PDF")

    for tab in [trainer, *people]:
        tab.clean()
    assert trainer.pages >= 4 and all(tab.pages >= 10 for tab in people)
