"""Issue 13 in a browser: decide when the kader has decided, routes, phones at 375 px.

Answers are put in through the test client (the afweging pages have their own tests); the
browser opens the pages a person reads and records the decision itself. Every page reached
is checked by the Walker: axe-core 0 violations, nothing scrolls sideways. Screenshots of
the phone pages are kept in the test's folder to be looked at.
"""

import pytest

from tests.browser.walk import Walker
from tests.web.casehelpers import answer_all
from tests.web.casehelpers import put_answers
from tests.web.casehelpers import stored
from tests.web.wizard import EMAILS
from tests.web.wizard import PASSWORD
from tests.web.wizard import Visitor

pytestmark = pytest.mark.browser


def _owner(app) -> Visitor:
    """Return the medewerker signed in through the test client."""
    owner = Visitor(app)
    assert owner.login("owner").status_code == 303
    return owner


def _phone(open_page, base_url) -> Walker:
    """Return the medewerker signed in on a 375 px phone."""
    phone = Walker(open_page("nl", "phone375"), base_url, "nl")
    phone.sign_in(EMAILS["owner"], PASSWORD)
    return phone


def _fits(phone: Walker, shots, name: str) -> None:
    """Check the links and tags of the page are on screen; keep a full-page screenshot."""
    width = phone.page.viewport_size["width"]
    for box in phone.page.locator("main .status, main .tag, main dd.actions a").all():
        bounds = box.bounding_box()
        if bounds:
            assert bounds["x"] >= 0 and bounds["x"] + bounds["width"] <= width + 1, name
    phone.page.screenshot(path=str(shots / f"{name}.png"), full_page=True)


def test_a_disclosure_to_a_recorded_melding_and_a_later_beslissing_2(
    browser_app, people, open_page, base_url, tmp_path
):
    owner = _owner(browser_app)
    case_id = owner.new_case(label="D.S., 2015")
    put_answers(browser_app, case_id, people.owner, disclosure="ja", pleger_medewerker="nee")
    answer_all(owner, case_id, {"vermoeden": "ja", "veiligheid": "nee"})
    phone = _phone(open_page, base_url)
    phone.goto("/casussen")
    _fits(phone, tmp_path, "1-case-list")
    phone.goto(f"/casussen/{case_id}/stap-1")
    _fits(phone, tmp_path, "2-stap-1")
    phone.goto(f"/casussen/{case_id}")
    assert phone._("nog te bepalen samen met Veilig Thuis") in phone.page.inner_text("main")
    phone.link(phone._("Beslissing vastleggen"))
    main = phone.page.locator("main")
    # What to do comes first; the trace waits behind "Waarom?".
    assert main.get_by_role("link", name="0800-2000").first.is_visible()
    assert not phone.page.locator("#spoor").is_visible()
    assert not phone.page.locator("#afwijken [name=motivatie]").is_visible()
    _fits(phone, tmp_path, "3-beslissing")
    phone.choose(
        phone._("Wat is je beslissing?"), phone._("Ik volg de uitkomst van het afwegingskader")
    )
    phone.button(phone._("Beslissing vastleggen"))
    saved = stored(browser_app, case_id, "beslissing")[0].payload
    assert (saved.melden, saved.hulp) == (True, None)
    melding = {"datum": "2026-09-21", "regio": "Veilig Thuis Utrecht"}
    assert owner.form(f"/casussen/{case_id}/melding", melding).status_code == 303
    # Weeks later, with Veilig Thuis: afwegingen 3 to 5, then Beslissing 2.
    answer_all(owner, case_id, {"hulp": "ja", "acceptatie": "ja", "resultaat": "ja"})
    phone.goto(f"/casussen/{case_id}")
    phone.link(phone._("Beslissing opnieuw vastleggen"))
    assert phone._("Beslissing 2 is nu bekend.") in phone.page.inner_text("main")
    phone.choose(
        phone._("Wat is je beslissing?"), phone._("Ik volg de uitkomst van het afwegingskader")
    )
    phone.button(phone._("Beslissing vastleggen"))
    saved = stored(browser_app, case_id, "beslissing")[0].payload
    assert (saved.melden, saved.hulp) == (True, True)
    phone.goto("/casussen")
    _fits(phone, tmp_path, "4-case-list-after")
    print("screenshots in", tmp_path)


def test_a_staff_suspect_route_and_a_forced_marriage(
    browser_app, people, open_page, base_url, tmp_path
):
    owner = _owner(browser_app)
    route = owner.new_case(label="R.T., 2014")
    staff = {"pleger_medewerker": "ja", "vormen": ["seksueel_misbruik"]}
    put_answers(browser_app, route, people.owner, minderjarige_leerling="ja", **staff)
    forced = owner.new_case(label="H.D., 2009")
    put_answers(browser_app, forced, people.owner, vormen=["huwelijksdwang"])
    answer_all(owner, forced, {"vermoeden": "ja", "veiligheid": "ja"})
    phone = _phone(open_page, base_url)
    phone.goto(f"/casussen/{route}")
    text = phone.page.inner_text("main")
    assert phone._("nog niet beslist") not in text
    phone.goto(f"/casussen/{route}/stap-3")
    assert "Voer zelf geen gesprek met de collega" in phone.page.inner_text("main")
    phone.goto(f"/casussen/{route}/stap-5")
    assert phone._("Evaluatie van afweging 5") not in phone.page.inner_text("main")
    _fits(phone, tmp_path, "5-route-stap-5")
    phone.goto(f"/casussen/{route}/beslissing")
    assert phone.page.locator("[name=keuze]").count() == 0
    phone.goto(f"/casussen/{forced}/informeren")
    assert phone.page.locator("#uitzondering-geldt").is_visible()
    _fits(phone, tmp_path, "6-informeren")
    print("screenshots in", tmp_path)
