"""Back after saving, then submitting again, adds nothing twice (every add-form of a case).

The link to an add-form carries the key its record will get (meldcode.web.casussen.formulier):
opening that address again lands on the saved record, the same text posted again is saved
once, other text is shown beside the saved version to replace it or to save it apart.
"""

import re

import pytest

from tests.web.casehelpers import stored
from tests.web.stap_helpers import saved
from tests.web.wizard import CSRF
from tests.web.wizard import VERSION

FORMS = {
    "signaal": ("stap-1", {"datum": "2026-09-14", "waarneming": "EERSTE signaal"}, "waarneming"),
    "overleg": (
        "stap-2",
        {"datum": "2026-09-15", "met": "aandachtsfunctionaris", "advies": "EERSTE advies"},
        "advies",
    ),
    "gesprek": ("stap-3", {"datum": "2026-09-16", "met": "moeder", "gezegd": "EERSTE"}, "gezegd"),
    "hulp": ("stap-5", {"omschrijving": "EERSTE hulp"}, "omschrijving"),
}
ALREADY = "Dit formulier was al opgeslagen"


def add_link(owner, case_id: str, kind: str) -> str:
    """Return the add-form's address as the step page links to it."""
    step = FORMS[kind][0]
    page = owner.page(f"/casussen/{case_id}/{step}")
    link = rf'href="(/casussen/{case_id}/[^"]*{kind}/nieuw\?formulier=[0-9a-f]{{32}})"'
    found = re.search(link, page)
    assert found, f"no add link with a key on {step}"
    return found.group(1)


def post(owner, url: str, html: str, data: dict, versie: str | None = None):
    """Post ``data`` as the form in ``html`` would (its CSRF token and version)."""
    version = versie if versie is not None else VERSION.search(html).group(1)
    payload = {"csrf_token": CSRF.search(html).group(1), "versie": version, **data}
    return owner.client.post(url, data=payload)


@pytest.mark.parametrize("kind", sorted(FORMS))
def test_back_and_submit_again_adds_nothing_twice(wizard_app, owner, kind):
    case_id = owner.new_case(kader="artsen")
    _step, data, text = FORMS[kind]
    link = add_link(owner, case_id, kind)
    form_page = owner.page(link)
    first = post(owner, link, form_page, data)
    assert first.status_code == 303
    assert len(saved(wizard_app, case_id, kind)) == 1
    (key,) = saved(wizard_app, case_id, kind)

    # Back restores the page as it was (a browser's page cache): the same submit again.
    again = post(owner, link, form_page, data)
    assert again.status_code == 303 and again.headers["Location"].endswith(f"/{kind}/{key}")
    assert ALREADY in owner.page(again.headers["Location"])
    assert len(saved(wizard_app, case_id, kind)) == 1

    # Back fetches the page again: it is the saved record now, with the message.
    reopened = owner.get(link)
    assert reopened.status_code == 303 and reopened.headers["Location"].endswith(f"/{kind}/{key}")
    assert ALREADY in owner.page(reopened.headers["Location"])

    # Back, other text, submit: nothing replaced unasked, both versions shown, two ways on.
    other = dict(data, **{text: "TWEEDE tekst"})
    changed = post(owner, link, form_page, other)
    assert changed.status_code == 409
    page = changed.get_data(as_text=True)
    assert "Niet opnieuw opgeslagen: dit formulier was al opgeslagen." in page
    assert "TWEEDE tekst" in page and data[text] in page
    assert len(saved(wizard_app, case_id, kind)) == 1
    fresh = re.search(r'formaction="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert f"formulier={link.rsplit('=', 1)[1]}" not in fresh

    # "Vervangen": the version the 409 page holds now replaces the saved text.
    assert post(owner, link, page, other).status_code == 303
    assert getattr(saved(wizard_app, case_id, kind)[key], text) == "TWEEDE tekst"

    # "Apart opslaan": a new key, so a second record, once.
    third = dict(data, **{text: "DERDE tekst"})
    assert post(owner, fresh, page, third, versie="0").status_code == 303
    assert post(owner, fresh, page, third, versie="0").status_code == 303
    stored = saved(wizard_app, case_id, kind)
    assert sorted(getattr(r, text) for r in stored.values()) == ["DERDE tekst", "TWEEDE tekst"]


def test_a_key_we_did_not_make_is_ignored(wizard_app, owner):
    case_id = owner.new_case()
    url = f"/casussen/{case_id}/stap-1/signaal/nieuw?formulier=../../x"
    page = owner.page(url)
    assert post(owner, url, page, FORMS["signaal"][1]).status_code == 303
    (key,) = saved(wizard_app, case_id, "signaal")
    assert re.fullmatch(r"[0-9a-f]{32}", key)


def test_two_links_to_the_add_form_are_two_records(wizard_app, owner):
    case_id = owner.new_case()
    for _ in range(2):
        link = add_link(owner, case_id, "signaal")
        assert post(owner, link, owner.page(link), FORMS["signaal"][1]).status_code == 303
    assert len(saved(wizard_app, case_id, "signaal")) == 2


SINGLE = {
    "melding": {"datum": "2026-09-21", "regio": "Utrecht", "toelichting": "EERSTE"},
    "evaluatie": {"datum": "2026-12-01", "afspraken": "EERSTE"},
    "stap-3/overslaan": {"reden": "veiligheid_professional", "toelichting": "EERSTE"},
}


@pytest.mark.parametrize("page_url", sorted(SINGLE))
def test_a_one_record_form_submitted_again_after_back_saves_once(wizard_app, owner, page_url):
    case_id = owner.new_case(kader="artsen")
    url = f"/casussen/{case_id}/{page_url}"
    form_page = owner.page(url)
    assert post(owner, url, form_page, SINGLE[page_url]).status_code == 303
    again = post(owner, url, form_page, SINGLE[page_url])  # Back to the cached page, again
    assert again.status_code == 303
    kind = {"stap-3/overslaan": "gesprek_overslaan"}.get(page_url, page_url)
    (record,) = stored(wizard_app, case_id, kind)
    assert record.version == 1
    text = "afspraken" if page_url == "evaluatie" else "toelichting"
    other = post(owner, url, form_page, dict(SINGLE[page_url], **{text: "TWEEDE"}))
    assert other.status_code == 409  # other text: shown beside the saved one, never lost
