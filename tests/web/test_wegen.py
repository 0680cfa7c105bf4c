"""Stap 4 and 5: the afwegingen where the kader places them, answered one page at a time."""

import re

from tests.web.casehelpers import answer
from tests.web.casehelpers import put_answers
from tests.web.casehelpers import stored

AFWEGINGEN = ("vermoeden", "veiligheid", "hulp", "acceptatie", "resultaat")


def linked(page: str, case_id: str) -> set[str]:
    """Return the afwegingen a page links to."""
    return set(re.findall(rf"/casussen/{case_id}/afweging/(\w+)\"", page))


def test_the_basismodel_weighs_1_and_2_in_stap_4_and_the_rest_in_stap_5(owner):
    case_id = owner.new_case(kader="onderwijs")
    stap4 = owner.page(f"/casussen/{case_id}/stap-4")
    stap5 = owner.page(f"/casussen/{case_id}/stap-5")
    assert linked(stap4, case_id) == {"vermoeden", "veiligheid"}
    assert linked(stap5, case_id) == {"hulp", "acceptatie", "resultaat"}
    assert stap4.index("Afweging 1: Vermoeden") < stap4.index("Afweging 2: Veiligheid")
    assert "Bij twijfel: Veilig Thuis 0800-2000" in stap4.split("<footer")[0]


def test_the_knmg_layout_consults_professionals_in_stap_4_and_weighs_all_in_stap_5(owner):
    case_id = owner.new_case(kader="artsen")
    stap4 = owner.page(f"/casussen/{case_id}/stap-4")
    stap5 = owner.page(f"/casussen/{case_id}/stap-5")
    assert linked(stap4, case_id) == set()
    assert f"/casussen/{case_id}/stap-4/overleg-professionals" in stap4
    assert "Verwijsindex" in stap4
    assert linked(stap5, case_id) == set(AFWEGINGEN)
    # The KNMG step 5 duties (police at acute danger, meldrecht) are shown with their source.
    assert "Meldrecht" in stap5 and "Bron:" in stap5


def test_the_knmg_consultation_is_saved_on_stap_4(owner):
    case_id = owner.new_case(kader="artsen")
    url = f"/casussen/{case_id}/stap-4/overleg-professionals"
    response = owner.form(
        url, {"datum": "2026-09-15", "met": "jeugdarts en wijkteam", "verwijsindex": "ja"}
    )
    assert response.status_code == 303
    page = owner.page(f"/casussen/{case_id}/stap-4")
    assert "jeugdarts en wijkteam" in page and "Signaal afgegeven" in page
    bad = owner.form(url, {"verwijsindex": "misschien"})
    assert bad.status_code == 400


def test_answering_leads_through_the_path_to_the_step_page(owner):
    case_id = owner.new_case()
    steps = [
        ("vermoeden", "ja", "afweging/veiligheid"),
        ("veiligheid", "nee", "afweging/hulp"),
        ("hulp", "ja", "afweging/acceptatie"),
        # Help accepted: the decision can be recorded now; afweging 5 waits for the evaluation.
        ("acceptatie", "ja", "beslissing"),
        ("resultaat", "ja", ""),  # the last afweging leads back to the task list
    ]
    for qid, value, target in steps:
        response = answer(owner, case_id, qid, value)
        assert response.status_code == 303
        where = f"/casussen/{case_id}/{target}".rstrip("/")
        assert response.headers["Location"].endswith(where), qid
    page = owner.page(f"/casussen/{case_id}/stap-5")
    assert "zo gewogen" in page


def test_no_suspicion_ends_the_path_in_stap_4(owner):
    case_id = owner.new_case()
    response = answer(owner, case_id, "vermoeden", "nee")
    assert response.headers["Location"].endswith(f"/casussen/{case_id}")  # the task list
    stap5 = owner.page(f"/casussen/{case_id}/stap-5")
    assert "Niet nodig voor de beslissing." in stap5


def test_a_motivation_is_required_and_the_answer_kept(owner):
    case_id = owner.new_case()
    response = answer(owner, case_id, "vermoeden", "ja", motivatie="   ")
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "Schrijf op waarom je dit antwoord geeft." in body
    assert 'class="error-summary"' in body
    assert re.search(r'value="ja"[^>]*checked|checked[^>]*value="ja"', body)
    assert stored(owner.app, case_id, "antwoord") == []


def test_only_ja_or_nee_is_accepted(owner):
    case_id = owner.new_case()
    response = answer(owner, case_id, "vermoeden", "misschien", motivatie="TEKST-7")
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "Kies ja of nee." in body and "TEKST-7" in body
    assert stored(owner.app, case_id, "antwoord") == []


def test_an_unknown_question_answers_404(owner):
    case_id = owner.new_case()
    assert owner.get(f"/casussen/{case_id}/afweging/bestaat_niet").status_code == 404
    # A question of the kader that is not an afweging has its own page in stap 1.
    assert owner.get(f"/casussen/{case_id}/afweging/disclosure").status_code == 404


def test_a_wrong_csrf_token_saves_nothing(owner):
    case_id = owner.new_case()
    response = owner.form(
        f"/casussen/{case_id}/afweging/vermoeden",
        {"vermoeden": "ja", "motivatie": "TEKST-8", "csrf_token": "vervalst"},
    )
    assert response.status_code == 303
    assert "herstel=" in response.headers["Location"]
    assert stored(owner.app, case_id, "antwoord") == []
    # The text comes back on the page, so nothing typed is lost.
    assert "TEKST-8" in owner.page(response.headers["Location"])


def test_a_stale_answer_shows_both_motivations(owner):
    case_id = owner.new_case()
    url = f"/casussen/{case_id}/afweging/vermoeden"
    answer(owner, case_id, "vermoeden", "ja", motivatie="eerste motivering")
    answer(owner, case_id, "vermoeden", "ja", motivatie="tweede motivering")
    stale = owner.form(url, {"vermoeden": "nee", "motivatie": "derde motivering", "versie": "1"})
    assert stale.status_code == 409
    body = stale.get_data(as_text=True)
    assert "tweede motivering" in body and "derde motivering" in body


def test_a_disclosure_overrules_veiligheid_nee_on_its_page(owner, people):
    case_id = owner.new_case()
    answer(owner, case_id, "vermoeden", "ja")
    answer(owner, case_id, "veiligheid", "nee")
    url = f"/casussen/{case_id}/afweging/veiligheid"
    assert "Een norm gaat voor je antwoord." not in owner.page(url)
    put_answers(owner.app, case_id, people.owner, disclosure="ja")
    page = owner.page(url)
    assert "Een norm gaat voor je antwoord." in page
    assert "Onthulling: altijd melden, met top-tot-teen onderzoek" in page
    assert "Antwoord op vraag 7" in page  # the norm's source
    assert "Telt als 'ja' door de norm" in owner.page(f"/casussen/{case_id}/stap-4")
