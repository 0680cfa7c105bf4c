"""Stap 3: conversations, skipping with one of the kader's reasons, and warnings that apply."""

import pytest

from tests.web.stap_helpers import first_key
from tests.web.stap_helpers import saved

GESPREK = {"datum": "2026-09-16", "met": "moeder", "gezegd": "Ik zag een blauwe plek"}
EGG_WARNING = "Geen gesprek met ouders of familie: het kan het slachtoffer in gevaar brengen"


def url(case_id: str, rest: str = "") -> str:
    return f"/casussen/{case_id}/stap-3{rest}"


def test_a_conversation_is_added_changed_and_deleted(wizard_app, owner):
    case_id = owner.new_case()
    page = owner.page(url(case_id))
    assert "Leg uit waarom je het gesprek voert" in page  # the kader's help for the step
    response = owner.form(
        url(case_id, "/gesprek/nieuw"),
        dict(GESPREK, reactie="Ze schrok", afspraken="Over twee weken opnieuw"),
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith(url(case_id))
    page = owner.page(url(case_id))
    assert "Ik zag een blauwe plek" in page and "moeder" in page
    key = first_key(page)
    stored = saved(wizard_app, case_id, "gesprek")[key]
    assert (stored.reactie, stored.afspraken) == ("Ze schrok", "Over twee weken opnieuw")
    changed = owner.form(url(case_id, f"/gesprek/{key}"), dict(GESPREK, gezegd="Aangevuld"))
    assert changed.status_code == 303
    assert saved(wizard_app, case_id, "gesprek")[key].gezegd == "Aangevuld"
    assert owner.form(url(case_id, f"/gesprek/{key}/verwijderen"), {}).status_code == 303
    assert saved(wizard_app, case_id, "gesprek") == {}


@pytest.mark.parametrize(
    "change,message",
    [
        ({"gezegd": ""}, "Vul dit veld in."),
        ({"met": ""}, "Vul in met wie je hebt gesproken."),
        ({"met": "   "}, "Vul in met wie je hebt gesproken."),
        ({"datum": ""}, "Vul een datum in."),
        ({"datum": "2099-01-01"}, "De datum mag niet in de toekomst liggen."),
        ({"datum": "1989-12-31"}, "Controleer het jaartal"),
        ({"datum": "morgen"}, 'id="datum-error"'),
        ({"reactie": "x" * 20001}, "Gebruik hoogstens 20.000 tekens."),
    ],
)
def test_a_bad_conversation_is_refused_and_the_text_kept(wizard_app, owner, change, message):
    case_id = owner.new_case()
    data = dict(GESPREK, afspraken="TEKST-BEHOUDEN", **change)
    response = owner.form(url(case_id, "/gesprek/nieuw"), data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page and 'class="error-summary"' in page
    assert "TEKST-BEHOUDEN" in page
    assert saved(wizard_app, case_id, "gesprek") == {}


def test_a_stale_version_of_a_conversation_shows_both_texts(wizard_app, owner):
    case_id = owner.new_case()
    owner.form(url(case_id, "/gesprek/nieuw"), dict(GESPREK, gezegd="eerste versie"))
    key = first_key(owner.page(url(case_id)))
    first = owner.form(url(case_id, f"/gesprek/{key}"), dict(GESPREK, gezegd="tweede versie"))
    assert first.status_code == 303
    stale = owner.form(
        url(case_id, f"/gesprek/{key}"), dict(GESPREK, gezegd="derde versie", versie="1")
    )
    assert stale.status_code == 409
    body = stale.get_data(as_text=True)
    assert "tweede versie" in body and "derde versie" in body
    assert saved(wizard_app, case_id, "gesprek")[key].gezegd == "tweede versie"


def test_a_missing_conversation_answers_404(owner):
    case_id = owner.new_case()
    assert owner.get(url(case_id, f"/gesprek/{'0' * 32}")).status_code == 404


def test_skipping_needs_one_of_the_kaders_reasons_and_can_be_undone(wizard_app, owner):
    case_id = owner.new_case()
    page = owner.page(url(case_id, "/overslaan"))
    assert "Mijn eigen veiligheid komt in gevaar" in page  # a reason from the kader
    response = owner.form(
        url(case_id, "/overslaan"),
        {"reden": "veiligheid_professional", "toelichting": "Vader dreigde eerder"},
    )
    assert response.status_code == 303
    assert saved(wizard_app, case_id, "gesprek_overslaan")[""].reden == "veiligheid_professional"
    page = owner.page(url(case_id))
    assert "Het gesprek wordt overgeslagen" in page and "Mijn eigen veiligheid" in page
    assert owner.form(url(case_id, "/overslaan/ongedaan"), {}).status_code == 303
    assert saved(wizard_app, case_id, "gesprek_overslaan") == {}
    assert "Het gesprek wordt overgeslagen" not in owner.page(url(case_id))


@pytest.mark.parametrize(
    "data,message",
    [
        ({"reden": "geen_zin", "toelichting": "TEKST-BEHOUDEN"}, "Kies een van de genoemde"),
        ({"toelichting": "TEKST-BEHOUDEN"}, "Kies een reden."),
        ({"reden": "veiligheid_client", "toelichting": ""}, "Vul dit veld in."),
        ({"reden": "veiligheid_client", "toelichting": "x" * 20001}, "Gebruik hoogstens 20.000"),
    ],
)
def test_a_bad_reason_to_skip_is_refused(wizard_app, owner, data, message):
    case_id = owner.new_case()
    response = owner.form(url(case_id, "/overslaan"), data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page
    if data.get("toelichting") == "TEKST-BEHOUDEN":
        assert "TEKST-BEHOUDEN" in page
    assert saved(wizard_app, case_id, "gesprek_overslaan") == {}


@pytest.mark.parametrize(
    "vormen,warning",
    [
        (["eergerelateerd_geweld"], EGG_WARNING),
        (
            ["huwelijksdwang"],
            "Eerst (anoniem) advies van Veilig Thuis, vóór je met de jongere praat",
        ),
    ],
)
def test_special_cases_warn_before_the_conversation(owner, vormen, warning):
    case_id = owner.new_case()
    assert warning not in owner.page(url(case_id))
    owner.form(f"/casussen/{case_id}/stap-1/vraag/vormen", {"vormen": vormen})
    assert warning in owner.page(url(case_id))
    assert warning in owner.page(url(case_id, "/gesprek/nieuw"))


def test_no_conversation_warning_for_other_forms(owner):
    case_id = owner.new_case()
    owner.form(f"/casussen/{case_id}/stap-1/vraag/vormen", {"vormen": ["kindermishandeling"]})
    page = owner.page(url(case_id))
    assert "Voordat je een gesprek voert" not in page


def test_the_step_can_be_marked_done_and_opened_again(owner):
    case_id = owner.new_case()
    owner.form(f"/casussen/{case_id}/stap/3/klaar", {"klaar": "1"}, page_url=url(case_id))
    assert "Stap 3 weer openzetten" in owner.page(url(case_id))
    owner.form(f"/casussen/{case_id}/stap/3/klaar", {"klaar": "0"}, page_url=url(case_id))
    assert "Stap 3 is klaar" in owner.page(url(case_id))
