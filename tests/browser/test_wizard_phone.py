"""The wizard on a small phone (320 px), in its error states, and without JavaScript.

The case here is filled through the test client (tests/web/casewalk.py fills every form):
the artsen kader, whose KNMG steps and kindcheck the walk in test_walkthrough.py does not
reach. The browser then opens its pages on a phone: nothing may scroll sideways and axe-core
finds nothing, also on a refused form, a conflict and a database that is down.
"""

import pytest

from tests.browser.walk import COLLEAGUE
from tests.browser.walk import Walker
from tests.web import casewalk
from tests.web.wizard import EMAILS
from tests.web.wizard import PASSWORD
from tests.web.wizard import Visitor

pytestmark = pytest.mark.browser

# The pages of the step-by-step work, each with something in it; the printed dossier's
# preview is a page of its own style and not part of this pass.
PHONE_PAGES = [
    "",
    "/stap-1",
    "/stap-1/check/kindcheck",
    "/stap-2",
    "/delen",
    "/stap-2/vergelijking",
    "/stap-3",
    "/stap-4",
    "/stap-4/overleg-professionals",
    "/stap-5",
    "/afweging/veiligheid",
    "/beslissing",
    "/informeren",
    "/controleren",
    "/tijdlijn",
    "/toegang",
]


@pytest.fixture(scope="module")
def filled_case(browser_app, colleague) -> str:
    """A whole artsen case of the medewerker, thought along on by a colleague; its id."""
    owner = Visitor(browser_app)
    assert owner.login("owner").status_code == 303
    case_id = owner.new_case(label="K.L., 2017", kader="artsen")
    # Not a staff suspect: on the IGJ route stap 5 offers no melding to Veilig Thuis.
    choose = {**casewalk.CHOOSE, **casewalk.CASES["artsen"]}
    saved = casewalk.walk(owner, case_id, lambda url, name: f"Tekst bij {name}.", choose)
    assert len(saved) >= 20, saved
    assert owner.form(f"/casussen/{case_id}/delen", {"collega": colleague}).status_code == 303
    thinker = Visitor(browser_app)
    assert thinker.login(COLLEAGUE).status_code == 303
    assert casewalk.walk(thinker, case_id, lambda url, name: "Advies.", {"klaar": "y"})
    return case_id


def signed_in(walker: Walker) -> Walker:
    """Sign the medewerker in; return the walker."""
    walker.sign_in(EMAILS["owner"], PASSWORD)
    return walker


def test_the_wizard_fits_a_small_phone(open_page, base_url, browser_app, filled_case):
    phone = signed_in(Walker(open_page("nl", "phone"), base_url, "nl"))
    for path in PHONE_PAGES:
        phone.goto(f"/casussen/{filled_case}{path}")  # each: no sideways scrolling, axe
    assert phone.page.viewport_size["width"] == 320
    assert phone.page.locator(".table-wrap").count() >= 1

    # Error states on the phone: a refused form, a conflict with both versions, no database.
    phone.goto(f"/casussen/{filled_case}/stap-1/signaal/nieuw")
    phone.fill(phone._("Wat is er gezien of gehoord? (feiten)"), "Zonder datum.")
    phone.button(phone._("Signaal opslaan"), status=400)
    assert phone.page.locator(".error-summary").is_visible()
    assert phone.field(phone._("Wat is er gezien of gehoord? (feiten)")).input_value()

    phone.goto(f"/casussen/{filled_case}/melding")
    meanwhile = Visitor(browser_app)
    meanwhile.login("owner")
    changed = {"datum": "2026-09-16", "regio": "Veilig Thuis Twente"}
    assert meanwhile.form(f"/casussen/{filled_case}/melding", changed).status_code == 303
    phone.fill(phone._("Veilig Thuis-regio"), "Veilig Thuis Drenthe")
    phone.button(phone._("Opslaan en verder"), status=409)
    assert "Veilig Thuis Twente" in phone.text() and "Veilig Thuis Drenthe" in phone.text()

    with casewalk.busy_database(browser_app):
        phone.button(phone._("Opslaan en verder"), status=503)
    assert phone.field(phone._("Veilig Thuis-regio")).input_value() == "Veilig Thuis Drenthe"
    phone.assert_clean()


def test_a_signal_is_saved_without_javascript(browser, base_url, filled_case):
    context = browser.new_context(java_script_enabled=False, locale="nl")
    try:
        page = context.new_page()
        page.set_default_timeout(5000)
        page.goto(f"{base_url}/inloggen")
        page.get_by_label("E-mailadres").fill(EMAILS["owner"])
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen", exact=True).click()
        page.wait_for_url(f"{base_url}/casussen")
        page.goto(f"{base_url}/casussen/{filled_case}/stap-1")
        page.get_by_role("link", name="Signaal toevoegen").click()
        page.get_by_label("Datum van de waarneming").fill("2026-09-18")
        page.get_by_label("Wat is er gezien of gehoord? (feiten)").fill("Zonder JavaScript gezien.")
        page.get_by_role("button", name="Signaal opslaan").click()
        page.wait_for_url(f"{base_url}/casussen/{filled_case}/stap-1")
        table = page.get_by_role("table", name="Vastgelegde signalen")
        assert "Zonder JavaScript gezien." in table.inner_text()
    finally:
        context.close()
