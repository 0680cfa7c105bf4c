"""The first steps of a case: create it, add a signal, see it in the list."""


def test_a_signal_is_saved_and_listed(owner):
    case_id = owner.new_case()
    response = owner.form(
        f"/casussen/{case_id}/stap-1/signaal/nieuw",
        {"datum": "2026-09-14", "waarneming": "Blauwe plek op de bovenarm"},
    )
    assert response.status_code == 303
    assert "Blauwe plek op de bovenarm" in owner.page(f"/casussen/{case_id}/stap-1")
    assert "J.B., 2016" in owner.page("/casussen")


def test_a_bad_signal_keeps_the_text_and_says_why(owner):
    case_id = owner.new_case()
    response = owner.form(
        f"/casussen/{case_id}/stap-1/signaal/nieuw",
        {"datum": "2099-01-01", "waarneming": "", "interpretatie": "TEKST-1"},
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "TEKST-1" in page
    assert "De datum mag niet in de toekomst liggen." in page
    assert 'class="error-summary"' in page


def test_a_stale_version_shows_both_texts(owner):
    case_id = owner.new_case()
    owner.form(
        f"/casussen/{case_id}/stap-1/signaal/nieuw",
        {"datum": "2026-09-14", "waarneming": "eerste versie"},
    )
    page = owner.page(f"/casussen/{case_id}/stap-1")
    import re

    key = re.search(r"/stap-1/signaal/([0-9a-f]{32})\"", page).group(1)
    url = f"/casussen/{case_id}/stap-1/signaal/{key}"
    first = owner.form(url, {"datum": "2026-09-14", "waarneming": "tweede versie"})
    assert first.status_code == 303
    stale = owner.form(url, {"datum": "2026-09-14", "waarneming": "derde versie", "versie": "1"})
    assert stale.status_code == 409
    body = stale.get_data(as_text=True)
    assert "tweede versie" in body and "derde versie" in body


def test_a_case_of_another_organisation_answers_404(wizard_app, people, owner):
    from tests.web.wizard import Visitor

    case_id = owner.new_case()
    stranger = Visitor(wizard_app)
    stranger.login("stranger")
    assert stranger.get(f"/casussen/{case_id}").status_code == 404
    assert stranger.get(f"/casussen/{'f' * 32}").status_code == 404
