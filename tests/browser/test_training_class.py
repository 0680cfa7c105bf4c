"""A whole class in real browsers: a trainer, a projector at 1920x1080 and twelve phones.

Re-scan, paced steps, a question not yet open, before and after the reveal, an abandoned
path, the motivation wall and the projector's stale warning; axe-core on every page a person
arrives on (0 violations). The projector screenshot is kept for the issue's note.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.test_training import PASSWORD
from tests.browser.test_training import Tab
from tests.browser.test_training import trainer_account  # noqa: F401 - a fixture

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("MELDCODE_SHOTS", "/tmp/meldcode-shots"))
PHONES = 12


def sign_in(tab: Tab, base_url: str, email: str) -> None:
    """Sign the trainer in on this tab."""
    tab.page.goto(base_url + "/inloggen")
    tab.page.get_by_label("E-mailadres").fill(email)
    tab.page.get_by_label("Wachtwoord").fill(PASSWORD)
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Inloggen").click()


def answer(tab: Tab, qid: str, value: str, why: str = "Zo weeg ik het.", check=False) -> None:
    """Answer one question on its own page (axe-checked when ``check``)."""
    response = tab.page.goto(f"{tab.base_url}/oefenen/vraag/{qid}", wait_until="load")
    if check:
        tab.check(response)
    tab.page.locator(f"input[name={qid}][value={value}]").check()
    tab.page.locator("#motivatie").fill(why)
    with tab.page.expect_navigation(wait_until="load"):
        tab.page.get_by_role("button", name="Opslaan en verder").click()


def test_a_whole_class(open_page, base_url, trainer_account):  # noqa: F811 - the fixture
    SHOTS.mkdir(parents=True, exist_ok=True)
    trainer = Tab(open_page("nl", "desktop"), base_url)
    sign_in(trainer, base_url, trainer_account)
    trainer.goto("/oefensessies/")
    trainer.page.get_by_label(re.compile("^Gevallen van het klimrek")).check()
    trainer.page.get_by_label("Naam van de groep").fill("groep 2, ochtend")
    trainer.button("Sessie starten")
    session_url = trainer.page.url
    link = urlsplit(trainer.page.locator(".training-join a").get_attribute("href"))
    join_link = f"{base_url}{link.path}?{link.query}"
    trainer.page.locator("#open-stap").select_option("1")  # pacing: stap 1 only
    trainer.button("Stappen openen")

    phones = []
    for number in range(PHONES):
        tab = Tab(open_page("nl", "phone"), base_url)
        tab.check(tab.page.goto(join_link, wait_until="load"))
        tab.button("Meedoen")
        answer(tab, "vormen", "kindermishandeling", check=number == 0)
        answer(tab, "pleger_medewerker", "nee")
        phones.append(tab)
    first = phones[0]
    first.goto("/oefenen/stap/1")
    assert first.page.get_by_text("Klaar met deze stap.").is_visible()
    first.check(first.page.goto(base_url + "/oefenen/vraag/vermoeden"), status=409)
    assert first.page.get_by_text("De trainer heeft die stap nog niet geopend").is_visible()
    # A re-scan of the QR code continues the same participant.
    first.page.goto(join_link, wait_until="load")
    assert "/oefenen/stap/1" in first.page.url

    # The projector in its own browser, at 1920x1080.
    projector = Tab(open_page("nl", "desktop"), base_url)
    projector.page.set_viewport_size({"width": 1920, "height": 1080})
    sign_in(projector, base_url, trainer_account)
    projector.goto(urlsplit(session_url).path + "/projector?vraag=vermoeden")
    assert projector.page.locator(".training-status").inner_text().count("12 wachten")
    projector.button("Stap 2 openen")
    trainer.page.locator("#open-stap").select_option("5")
    trainer.button("Stappen openen")

    for number, tab in enumerate(phones):
        value = "ja" if number in (1, 2, 3) else "nee"
        answer(tab, "vermoeden", value, f"Motivatie van telefoon {number + 1}.")
    answer(phones[2], "veiligheid", "ja")

    # Reveal on the projector: the split before stays, the page does not jump to the top.
    projector.goto(urlsplit(session_url).path + "/projector?vraag=vermoeden")
    assert not projector.page.get_by_text("Modelantwoord:").count()
    projector.button("Modelantwoord tonen")
    assert projector.page.get_by_text("Modelantwoord:").first.is_visible()
    assert projector.page.evaluate("window.scrollY") == 0  # it all fits: nothing jumped
    projector.page.screenshot(path=str(SHOTS / "projector-reveal.png"))
    answer(phones[1], "vermoeden", "nee", "Na de uitleg toch nee.")  # changed after the reveal
    # An abandoned path: phone 3 turns vermoeden to nee after answering veiligheid.
    answer(phones[2], "vermoeden", "nee", "Het gesprek nam het weg.")
    phones[2].goto("/oefenen/stap/4")
    assert phones[2].page.get_by_text("niet meer op je pad").first.is_visible()

    # The motivation wall, shown on the projector only when chosen; one hidden.
    projector.goto(urlsplit(session_url).path + "/projector?vraag=vermoeden")
    assert not projector.page.get_by_text("Motivatie van telefoon 5.").count()
    projector.button("Motivaties tonen")
    wall = projector.page.locator(".projector__wall")
    assert wall.get_by_text("Motivatie van telefoon 5.").is_visible()
    trainer.page.goto(session_url)
    hide = trainer.page.locator("#muur-sectie li").filter(has_text="telefoon 5.")
    trainer.click(hide.get_by_role("button"))
    projector.page.reload()
    assert not projector.page.get_by_text("Motivatie van telefoon 5.").count()
    before = projector.page.locator("[data-voor=vermoeden][data-antwoord=ja]").inner_text()
    assert before == "3"
    projector.page.screenshot(path=str(SHOTS / "projector-1920x1080.png"))
    width = projector.page.locator(".projector").bounding_box()["width"]
    assert width > 1700  # the full width of the screen, not a column in the middle

    # The live view: where the class is, before and after.
    trainer.goto(urlsplit(session_url).path)
    assert trainer.page.locator("[data-voor=vermoeden][data-antwoord=ja]").inner_text() == "3"
    assert trainer.page.get_by_text("2 van 12 veranderden hun antwoord").is_visible()

    # When updates stop, the projector says since when.
    projector.page.route("**/live?*", lambda route: route.abort())
    projector.page.wait_for_selector("[data-live-stale]:not([hidden])", timeout=30000)
    stale = projector.page.locator("[data-live-stale]").inner_text()
    assert re.search(r"Niet meer bijgewerkt sinds \d\d:\d\d", stale)
    projector.page.screenshot(path=str(SHOTS / "projector-stale.png"))

    # Ending asks first.
    trainer.button("Sessie beëindigen")
    assert trainer.page.get_by_role("heading", name="Sessie beëindigen?").is_visible()
    trainer.button("Ja, sessie beëindigen")
    for tab in [trainer, projector, *phones]:
        tab.clean()
