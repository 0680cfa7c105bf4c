"""A person in a browser, walking the wizard through its own UI, in Dutch or English.

``Walker`` clicks links and buttons by their accessible names and fills fields by their
labels, the way someone with a screen reader would find them. On every page it arrives on it
runs axe-core (0 violations), checks the status, the page language and that nothing scrolls
sideways, and keeps the address: a test cannot visit a page without checking it. Texts are
looked up in the catalogue the app uses: Dutch message ids, English for the English walk.
"""

import gettext
import re
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

from meldcode import paths
from meldcode.storage import accounts
from meldcode.storage.models import Organisation
from tests.browser.test_pages import assert_stayed_local
from tests.web.wizard import PASSWORD

AXE = Axe()
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
COLLEAGUE = "af2@delinde.nl"
COLLEAGUE_NAME = "Tweede aandachtsfunctionaris"


def add_colleague(app, organisation_id: str) -> str:
    """Add a second aandachtsfunctionaris to the organisation, to consult; return the id."""

    def work(s):
        organisation = s.get(Organisation, organisation_id)
        user = accounts.create_user(
            s, organisation, COLLEAGUE, "aandachtsfunctionaris", PASSWORD, COLLEAGUE_NAME
        )
        return user.id

    return app.extensions["meldcode_db"].run_write(work)


def catalogue(language: str) -> gettext.NullTranslations:
    """Return the app's compiled catalogue for a language (Dutch: the message ids)."""
    if language == "nl":
        return gettext.NullTranslations()
    return gettext.translation("messages", str(paths.TRANSLATIONS_DIR), languages=[language])


class Walker:
    """One person's browser tab: every page it reaches is checked with axe-core."""

    def __init__(self, page, base_url: str, language: str):
        self.page = page
        self.base_url = base_url
        self.language = language
        self.catalogue = catalogue(language)
        self.visited: list[tuple[int, str]] = []
        # A field or link that is not there fails in seconds, not after Playwright's 30.
        page.set_default_timeout(5000)

    def _(self, msgid: str, **params) -> str:
        """Return a UI text in the walk's language, as the app renders it."""
        text = self.catalogue.gettext(msgid)
        return text % params if params else text

    def ngettext(self, singular: str, plural: str, num: int) -> str:
        """Return a UI text with a number in the walk's language, singular or plural."""
        return self.catalogue.ngettext(singular, plural, num) % {"num": num}

    # -- arriving on a page -------------------------------------------------------------

    def arrived(self, response, status: int = 200, any_language: bool = False) -> None:
        """Check the page just reached: status, language, width, no axe-core violations."""
        assert response is not None, self.page.url
        assert response.status == status, (self.page.url, response.status)
        if not any_language:
            assert self.page.get_attribute("html", "lang") == self.language, self.page.url
        assert self.page.evaluate(SIDEWAYS) <= 0, f"{self.page.url} scrolls sideways"
        results = AXE.run(self.page)
        assert results.violations_count == 0, (self.page.url, results.generate_report())
        self.visited.append((response.status, urlsplit(self.page.url).path))

    def goto(self, path: str, status: int = 200) -> None:
        """Open an address directly, as from a bookmark, and check the page."""
        self.arrived(self.page.goto(self.base_url + path, wait_until="load"), status)

    def _navigate(self, locator, status: int, any_language: bool = False) -> None:
        with self.page.expect_navigation(wait_until="load") as navigation:
            locator.click()
        self.arrived(navigation.value, status, any_language)

    def link(self, name: str, status: int = 200, within=None) -> None:
        """Follow the link with this accessible name (exactly), and check the new page."""
        scope = within if within is not None else self.page
        self._navigate(scope.get_by_role("link", name=name, exact=True), status)

    def button(self, name: str, status: int = 200, any_language: bool = False) -> None:
        """Press the button with this accessible name (exactly), and check the new page."""
        button = self.page.get_by_role("button", name=name, exact=True)
        self._navigate(button, status, any_language)

    # -- filling in ---------------------------------------------------------------------

    def field(self, label: str):
        """Return the one form field whose label starts with this text."""
        return self.page.get_by_label(re.compile("^" + re.escape(label)))

    def fill(self, label: str, value: str) -> None:
        """Type into the field with this label (a date as YYYY-MM-DD)."""
        self.field(label).fill(value)

    def select(self, label: str, option: str) -> None:
        """Choose an option, by its visible text, in the select with this label."""
        self.field(label).select_option(label=option)

    def tick(self, label: str) -> None:
        """Tick the checkbox with this label."""
        self.field(label).check()

    def choose(self, question: str, option: str) -> None:
        """Choose a radio button or checkbox by its label, in the fieldset asking ``question``."""
        group = self.page.get_by_role("group", name=question)
        group.get_by_label(option, exact=True).check()

    # -- the things every visit does ----------------------------------------------------

    def sign_in(self, email: str, password: str) -> None:
        """Sign in through the form, then make sure the pages speak the walk's language."""
        self.goto("/inloggen")
        self.fill(self._("E-mailadres"), email)
        self.fill(self._("Wachtwoord"), password)
        # Signed in, the pages speak the account's own language, which may differ.
        self.button(self._("Inloggen"), any_language=True)
        self.speak()

    def speak(self) -> None:
        """Use the language switch when the account's own language differs from the walk's."""
        if self.page.get_attribute("html", "lang") != self.language:
            # The switch's own name is in the page's current language, not the walk's.
            switch = self.page.locator("nav.language-switch")
            self.link(LANGUAGE_NAMES[self.language], within=switch)

    def heading(self) -> str:
        """Return the text of the page's h1."""
        return self.page.get_by_role("heading", level=1).inner_text().strip()

    def text(self) -> str:
        """Return the text of the main landmark."""
        return self.page.get_by_role("main").inner_text()

    def assert_clean(self) -> None:
        """Every request stayed on 127.0.0.1 and no Content Security Policy was violated."""
        assert_stayed_local(self.page)
        assert len(self.page.requested) > len(self.visited)  # the listener did listen
        csp = [m for m in self.page.console if "Content Security Policy" in m]
        assert not csp, csp
