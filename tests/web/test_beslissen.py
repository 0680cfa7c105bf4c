"""Stap 5: the kader's outcome with its trace, the professional's decision, and what follows."""

import datetime

from tests.web.casehelpers import FULL_PATH
from tests.web.casehelpers import answer
from tests.web.casehelpers import answer_all
from tests.web.casehelpers import put_answers
from tests.web.casehelpers import shared_colleague
from tests.web.casehelpers import stored


def decide(visitor, case_id, **data):
    """Post the decision form; return the response."""
    payload = {"datum": "2026-09-20", **data}
    return visitor.form(f"/casussen/{case_id}/beslissing", payload)


def test_the_decision_page_shows_rules_sources_and_the_kader_version(owner, registry):
    case_id = owner.new_case()
    answer_all(owner, case_id, {"vermoeden": "ja", "veiligheid": "ja"})
    page = owner.page(f"/casussen/{case_id}/beslissing")
    kader = registry.get("onderwijs", "2019.1")
    assert "onderwijs:vermoeden.ja" in page and "onderwijs:veiligheid.ja" in page
    assert "Basisdocument – Het afwegingskader in de meldcode" in page
    assert "Afweging 2" in page and "naar de bron" in page
    assert "2019.1" in page and kader.sha256 in page
    # Beslissing 1 and 2 apart; the actions with the number to call.
    assert "Beslissing 1: is melden noodzakelijk?" in page
    assert "Beslissing 2: is hulp bieden of organiseren (ook) mogelijk?" in page
    assert "Melden bij Veilig Thuis" in page and 'href="tel:08002000"' in page
    assert "Meldnorm 1: acute of structurele onveiligheid" in page


def test_an_unconfirmed_rule_is_marked_on_the_decision_page(owner, people):
    case_id = owner.new_case()
    put_answers(owner.app, case_id, people.owner, vermoeden="ja", veiligheid="ja")
    page = owner.page(f"/casussen/{case_id}/beslissing")
    assert 'id="bijzonder"' not in page
    put_answers(owner.app, case_id, people.owner, vormen=["ontspoorde_mantelzorg"])
    special = owner.page(f"/casussen/{case_id}/beslissing").split('id="bijzonder"')[1]
    assert "Ontspoorde mantelzorg" in special
    assert "onbevestigd" in special.split("</section>")[0]


def test_the_trace_shows_a_disclosure_overruling_veiligheid(owner, people):
    case_id = owner.new_case()
    answer_all(owner, case_id, {"vermoeden": "ja", "veiligheid": "nee"})
    before = owner.page(f"/casussen/{case_id}/beslissing")
    assert "overruled_by" not in before
    put_answers(owner.app, case_id, people.owner, disclosure="ja")
    page = owner.page(f"/casussen/{case_id}/beslissing")
    step = page.split('id="spoor-veiligheid"')[1].split("</li>")[0]
    assert "overruled_by" not in step and "Gewijzigd door de norm" in step
    assert "Gegeven antwoord" in step and "nee" in step
    assert "Onthulling: altijd melden, met top-tot-teen onderzoek" in step
    norm = page.split('id="norm-disclosure"')[1]
    assert "Antwoorden op Kamervragen over de stijging van meldingen van scholen" in norm
    assert "Antwoord op vraag 7" in norm
    assert "Top-tot-teen onderzoek laten doen" in page


def test_confirming_keeps_the_outcome_decided_on(owner, registry):
    case_id = owner.new_case()
    answer_all(owner, case_id, FULL_PATH)
    response = decide(owner, case_id, keuze="volgen")
    assert response.status_code == 303
    (record,) = stored(owner.app, case_id, "beslissing")
    saved = record.payload
    assert saved.volgt_uitkomst is True and saved.melden is False and saved.hulp is True
    assert saved.uitkomst["kader"] == {
        "id": "onderwijs",
        "versie": "2019.1",
        "sha256": registry.get("onderwijs", "2019.1").sha256,
    }
    assert saved.uitkomst["route"] == "meldcode"
    assert [p["vraag"] for p in saved.uitkomst["pad"]] == list(FULL_PATH)
    page = owner.page(f"/casussen/{case_id}/beslissing")
    assert "Jouw vastgelegde beslissing" in page and "Gevolgd" in page
    assert "is veranderd sinds je besliste" not in page


def test_departing_needs_own_choices_and_a_motivation(owner):
    case_id = owner.new_case()
    answer_all(owner, case_id, FULL_PATH)
    response = decide(owner, case_id, keuze="afwijken", melden="ja", hulp="ja")
    assert response.status_code == 400
    assert "Schrijf op waarom je afwijkt." in response.get_data(as_text=True)
    response = decide(owner, case_id, keuze="afwijken", motivatie="TEKST-9")
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "Kies of melden noodzakelijk is." in body and "TEKST-9" in body
    assert stored(owner.app, case_id, "beslissing") == []
    response = decide(
        owner, case_id, keuze="afwijken", melden="ja", hulp="nee", motivatie="toch melden"
    )
    assert response.status_code == 303
    saved = stored(owner.app, case_id, "beslissing")[0].payload
    assert (saved.volgt_uitkomst, saved.melden, saved.hulp) == (False, True, False)
    assert saved.motivatie == "toch melden" and saved.uitkomst["melden"] is False


def test_deciding_while_the_kader_needs_answers_is_refused_unless_departing(owner):
    case_id = owner.new_case()
    answer(owner, case_id, "vermoeden", "ja")
    response = decide(owner, case_id, keuze="volgen")
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "Het afwegingskader heeft nog een antwoord nodig" in body
    assert "Afweging 2: Veiligheid" in body
    assert stored(owner.app, case_id, "beslissing") == []
    response = decide(
        owner, case_id, keuze="afwijken", melden="ja", hulp="nee", motivatie="acuut gevaar"
    )
    assert response.status_code == 303


def test_a_decision_warns_when_the_answers_changed_afterwards(owner):
    case_id = owner.new_case()
    answer_all(owner, case_id, FULL_PATH)
    assert decide(owner, case_id, keuze="volgen").status_code == 303
    answer(owner, case_id, "veiligheid", "ja")
    page = owner.page(f"/casussen/{case_id}/beslissing")
    assert "De uitkomst van het afwegingskader is veranderd sinds je besliste." in page
    assert "het kader zegt nu:" in page


def test_a_consulted_colleague_reads_the_outcome_but_does_not_decide(wizard_app, people, owner):
    case_id = owner.new_case()
    answer_all(owner, case_id, FULL_PATH)
    colleague = shared_colleague(wizard_app, people, case_id)
    consult = f"/casussen/{case_id}/consultatie"
    assert colleague.form(consult, {"vermoeden": "ja", "klaar": "y"}).status_code == 303
    page = colleague.page(f"/casussen/{case_id}/beslissing")
    assert "onderwijs:resultaat.ja" in page
    assert 'name="keuze"' not in page
    token = colleague.page(f"/casussen/{case_id}").split('name="csrf_token" value="')[1]
    token = token.split('"')[0]
    post = colleague.client.post(
        f"/casussen/{case_id}/beslissing",
        data={"csrf_token": token, "keuze": "volgen", "datum": "2026-09-20"},
    )
    assert post.status_code in (403, 404)
    assert stored(wizard_app, case_id, "beslissing") == []
    assert colleague.get(f"/casussen/{case_id}/afweging/vermoeden").status_code in (403, 404)
    assert colleague.get(f"/casussen/{case_id}/stap-5").status_code == 200


def test_informing_needs_one_of_the_kaders_exceptions(owner):
    case_id = owner.new_case()
    answer_all(owner, case_id, {"vermoeden": "ja", "veiligheid": "ja"})
    url = f"/casussen/{case_id}/informeren"
    assert url in owner.page(f"/casussen/{case_id}/stap-5")
    base = {"geinformeerd": "nee", "toelichting": "TEKST-10"}
    # A code of the KNMG kader is not one of the onderwijs kader's exceptions.
    for code in ("bestaat_niet", "niet_bereikbaar", ""):
        response = owner.form(url, {**base, "uitzondering": code})
        assert response.status_code == 400, code
        assert "Kies een van de uitzonderingen" in response.get_data(as_text=True)
    assert stored(owner.app, case_id, "informeren") == []
    response = owner.form(url, {**base, "uitzondering": "veiligheid_professional"})
    assert response.status_code == 303
    saved = stored(owner.app, case_id, "informeren")[0].payload
    assert (saved.uitzondering, saved.toelichting) == ("veiligheid_professional", "TEKST-10")


def test_informing_beforehand_needs_a_date(owner):
    case_id = owner.new_case()
    url = f"/casussen/{case_id}/informeren"
    response = owner.form(url, {"geinformeerd": "ja", "wie": "moeder"})
    assert response.status_code == 400
    response = owner.form(
        url, {"geinformeerd": "ja", "wie": "moeder", "datum": "2026-09-18", "reactie": "boos"}
    )
    assert response.status_code == 303


def test_informing_is_offered_only_once_melden_is_decided(owner):
    case_id = owner.new_case()
    answer_all(owner, case_id, FULL_PATH)
    assert f"/casussen/{case_id}/informeren" not in owner.page(f"/casussen/{case_id}/stap-5")
    decide(owner, case_id, keuze="afwijken", melden="ja", hulp="ja", motivatie="toch melden")
    assert f"/casussen/{case_id}/informeren" in owner.page(f"/casussen/{case_id}/stap-5")


def test_the_melding_and_help_are_recorded(owner):
    case_id = owner.new_case()
    answer_all(owner, case_id, {"vermoeden": "ja", "veiligheid": "ja"})
    melding = owner.form(
        f"/casussen/{case_id}/melding", {"datum": "2026-09-21", "regio": "Veilig Thuis Utrecht"}
    )
    assert melding.status_code == 303
    assert owner.form(f"/casussen/{case_id}/melding", {"datum": "2026-09-21"}).status_code == 400
    hulp = owner.form(f"/casussen/{case_id}/hulp/nieuw", {"omschrijving": "Opvoedondersteuning"})
    assert hulp.status_code == 303
    page = owner.page(f"/casussen/{case_id}/stap-5")
    assert "Veilig Thuis Utrecht" in page and "Opvoedondersteuning" in page
    (record,) = stored(owner.app, case_id, "hulp")
    delete = owner.form(f"/casussen/{case_id}/hulp/{record.key}/verwijderen", {})
    assert delete.status_code == 303
    assert stored(owner.app, case_id, "hulp") == []


def test_the_evaluation_date_shows_in_the_case_list_when_due(owner):
    case_id = owner.new_case()
    url = f"/casussen/{case_id}/evaluatie"
    later = datetime.date.today() + datetime.timedelta(days=30)
    assert owner.form(url, {"datum": later.isoformat(), "afspraken": "x"}).status_code == 303
    assert "Evaluatie van afweging 5 op" not in owner.page("/casussen")
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    assert owner.form(url, {"datum": yesterday.isoformat()}).status_code == 303
    from meldcode.storage.models import Case

    with owner.app.extensions["meldcode_db"].reader() as s:
        assert s.get(Case, case_id).evaluation_date == yesterday
    assert "Evaluatie van afweging 5 op" in owner.page("/casussen")
