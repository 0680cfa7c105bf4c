"""Issue 13: decide when the kader has decided, one truth on the task list, list and pages.

A pupil discloses abuse: afweging 2 counts as ja by the disclosure norm, Beslissing 1 is
melden, and afwegingen 3 to 5 are walked after the melding, with Veilig Thuis.
"""

from tests.web.casehelpers import answer_all
from tests.web.casehelpers import put_answers
from tests.web.casehelpers import stored
from tests.web.helpers import html_text
from tests.web.wizard import Visitor


def _disclosure_case(app, people):
    """Return the signed-in owner and a case with a disclosure, afweging 1 and 2 answered."""
    owner = Visitor(app)
    assert owner.login("owner").status_code == 303
    case_id = owner.new_case()
    put_answers(app, case_id, people.owner, disclosure="ja", pleger_medewerker="nee")
    answer_all(owner, case_id, {"vermoeden": "ja", "veiligheid": "nee"})
    return owner, case_id


def test_melden_is_recorded_before_afwegingen_3_to_5(wizard_app, people):
    owner, case_id = _disclosure_case(wizard_app, people)
    overview = html_text(owner.page(f"/casussen/{case_id}"))
    assert "nog te bepalen samen met Veilig Thuis" in overview
    assert "Beslissing vastleggen" in overview
    assert "nog niet beslist" not in overview
    page = owner.page(f"/casussen/{case_id}/beslissing")
    # What you do now comes before the form, the trace after it, behind "Waarom?".
    assert page.index("Wat je nu doet") < page.index('id="beslissen"') < page.index('id="waarom"')
    assert '<details class="disclosure why" id="waarom">' in page
    assert 'href="tel:' in page
    response = owner.form(
        f"/casussen/{case_id}/beslissing", {"keuze": "volgen", "datum": "2026-09-20"}
    )
    assert response.status_code == 303, html_text(response.get_data(as_text=True))[:2000]
    saved = stored(wizard_app, case_id, "beslissing")[0].payload
    assert (saved.melden, saved.hulp) == (True, None)
    overview = html_text(owner.page(f"/casussen/{case_id}"))
    assert "Beslissing 2 (hulp) bepaal je na de melding samen met Veilig Thuis" in overview
    listing = html_text(owner.page("/casussen"))
    assert "Melding bij Veilig Thuis vastleggen" in listing
    # Once recorded, stap 5 no longer invites to record it "now".
    stap5 = html_text(owner.page(f"/casussen/{case_id}/stap-5"))
    assert "Je hebt je beslissing vastgelegd" in stap5
    assert "nu vastleggen" not in stap5


def test_beslissing_2_is_recorded_later(wizard_app, people):
    owner, case_id = _disclosure_case(wizard_app, people)
    owner.form(f"/casussen/{case_id}/beslissing", {"keuze": "volgen", "datum": "2026-09-20"})
    answer_all(owner, case_id, {"hulp": "ja", "acceptatie": "ja", "resultaat": "ja"})
    page = html_text(owner.page(f"/casussen/{case_id}/beslissing"))
    assert "Beslissing 2 is nu bekend." in page
    assert "Beslissing opnieuw vastleggen" in html_text(owner.page(f"/casussen/{case_id}"))
    owner.form(f"/casussen/{case_id}/beslissing", {"keuze": "volgen", "datum": "2026-10-20"})
    saved = stored(wizard_app, case_id, "beslissing")[0].payload
    assert (saved.melden, saved.hulp) == (True, True)


def test_no_decision_before_afweging_2(wizard_app, people):
    owner = Visitor(wizard_app)
    owner.login("owner")
    case_id = owner.new_case()
    answer_all(owner, case_id, {"vermoeden": "ja"})
    response = owner.form(
        f"/casussen/{case_id}/beslissing", {"keuze": "volgen", "datum": "2026-09-20"}
    )
    assert response.status_code == 400
    assert not stored(wizard_app, case_id, "beslissing")


def test_afweging_pages_name_their_step_and_say_what_waits(wizard_app, people):
    owner, case_id = _disclosure_case(wizard_app, people)
    page = html_text(owner.page(f"/casussen/{case_id}/afweging/hulp"))
    assert "afweging 3 van de meldcode" in page and "Stap " in page
    assert "Deze afweging beantwoord je na de melding, samen met Veilig Thuis." in page
    # Saving afweging 2 once melden is decided leads to the decision, not to afweging 3.
    response = owner.form(
        f"/casussen/{case_id}/afweging/veiligheid", {"veiligheid": "nee", "motivatie": "x"}
    )
    assert response.headers["Location"].endswith(f"/casussen/{case_id}/beslissing")
    # The last afweging leads back to the task list.
    answer_all(owner, case_id, {"hulp": "ja", "acceptatie": "ja"})
    response = owner.form(
        f"/casussen/{case_id}/afweging/resultaat", {"resultaat": "ja", "motivatie": "x"}
    )
    assert response.headers["Location"].endswith(f"/casussen/{case_id}")


def test_huwelijksdwang_names_the_informing_exception(wizard_app, people):
    owner = Visitor(wizard_app)
    owner.login("owner")
    case_id = owner.new_case()
    put_answers(wizard_app, case_id, people.owner, vormen=["huwelijksdwang"])
    answer_all(owner, case_id, {"vermoeden": "ja", "veiligheid": "ja"})
    page = owner.page(f"/casussen/{case_id}/informeren")
    assert 'id="uitzondering-geldt"' in page
    assert (
        'value="nee" checked' in page
        or 'checked value="nee"' in page
        or (page.count("checked") >= 2)
    )


def test_a_staff_suspect_route_warns_before_the_conversation(wizard_app, people):
    owner = Visitor(wizard_app)
    owner.login("owner")
    case_id = owner.new_case()
    staff = {"pleger_medewerker": "ja", "vormen": ["seksueel_misbruik"]}
    put_answers(wizard_app, case_id, people.owner, minderjarige_leerling="ja", **staff)
    page = html_text(owner.page(f"/casussen/{case_id}/stap-3"))
    assert "Voer zelf geen gesprek met de collega die je verdenkt" in page
    assert "Niet in een bron bevestigd" in page
    overview = owner.page(f"/casussen/{case_id}")
    assert "nog niet beslist" not in overview and "Beslissing 1: melden" not in overview


def test_contacts_at_the_point_of_need(wizard_app, people):
    owner = Visitor(wizard_app)
    owner.login("owner")
    case_id = owner.new_case()
    for step in (1, 2, 5):
        page = owner.page(f"/casussen/{case_id}/stap-{step}")
        assert 'id="eigen-contacten"' in page and 'href="tel:' in page, step


def test_the_profession_picks_the_kader(wizard_app, people):
    owner = Visitor(wizard_app)
    owner.login("owner")
    page = owner.page("/casussen/nieuw")
    assert '<option value="huisarts">Huisarts</option>' in page
    assert "Werk je in de GGZ of de jeugdgezondheidszorg?" in page
    response = owner.form(
        "/casussen/nieuw",
        {
            "kader": "onderwijs",
            "beroep": "huisarts",
            "label": "J.B., 2016",
            "zorg_sinds": "2026-09-14",
        },
    )
    case_id = response.headers["Location"].rsplit("/", 1)[-1]
    assert "/kaders/artsen/" in owner.page(f"/casussen/{case_id}")
