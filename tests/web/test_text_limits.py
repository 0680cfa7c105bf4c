"""Long text: the page names the limit, the server refuses more with the text kept, never cuts."""

import re

from tests.web.stap_helpers import saved

LIMIT_HINT = "Je kunt hoogstens 20.000 tekens gebruiken."


def test_the_form_names_the_limit_and_has_nothing_that_cuts_text_off(owner):
    case_id = owner.new_case()
    page = owner.page(f"/casussen/{case_id}/stap-1/signaal/nieuw")
    assert LIMIT_HINT in page
    assert 'data-limit="20000"' in page and 'data-for="waarneming"' in page
    textarea = re.search(r"<textarea[^>]*waarneming[^>]*>", page).group(0)
    assert "waarneming-limit" in textarea  # the hint is the field's description
    assert "maxlength" not in page
    assert page.count('src="/static/js/teller.js"') == 1  # once, for the page's fields


def test_more_than_the_limit_is_refused_with_all_text_kept(wizard_app, owner):
    case_id = owner.new_case()
    url = f"/casussen/{case_id}/stap-1/signaal/nieuw"
    text = "begin " + "x" * 19994 + "EINDE"  # 20,005 characters
    response = owner.form(url, {"datum": "2026-09-14", "waarneming": text})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Gebruik hoogstens 20.000 tekens. Je tekst is 5 tekens te lang." in page
    assert text in page  # all of it, nothing cut
    assert saved(wizard_app, case_id, "signaal") == {}
    one_over = owner.form(url, {"datum": "2026-09-14", "waarneming": "y" * 20001})
    assert "Je tekst is 1 teken te lang." in one_over.get_data(as_text=True)


def test_a_line_break_counts_as_one_character_as_the_counter_counts(wizard_app, owner):
    case_id = owner.new_case()
    url = f"/casussen/{case_id}/stap-1/signaal/nieuw"
    text = "a" * 9999 + "\r\n" + "b" * 10000  # the browser sends CR LF; 20,000 as typed
    assert owner.form(url, {"datum": "2026-09-14", "waarneming": text}).status_code == 303
    (stored,) = saved(wizard_app, case_id, "signaal").values()
    assert stored.waarneming == "a" * 9999 + "\n" + "b" * 10000


def test_a_date_field_lets_the_browser_keep_its_value_after_back(owner):
    case_id = owner.new_case()
    page = owner.page(f"/casussen/{case_id}/stap-1/signaal/nieuw")
    date = re.search(r'<input[^>]*name="datum"[^>]*>', page).group(0)
    assert 'autocomplete="off"' not in date
