"""Stap 2: consultations, sharing with a colleague, collegial consultation and the comparison."""

import pytest

from tests.web.stap_helpers import answer
from tests.web.stap_helpers import audit_actions
from tests.web.stap_helpers import first_key
from tests.web.stap_helpers import saved
from tests.web.stap_helpers import share
from tests.web.stap_helpers import signed_in

OVERLEG = {"datum": "2026-09-15", "met": "aandachtsfunctionaris", "advies": "Bespreek met ouders"}


def url(case_id: str, rest: str = "") -> str:
    return f"/casussen/{case_id}/stap-2{rest}"


def test_the_step_shows_its_help_and_the_kaders_duties(owner):
    case_id = owner.new_case(kader="onderwijs")
    page = owner.page(url(case_id))
    assert "Bespreek de signalen met de aandachtsfunctionaris of de spilfiguur" in page
    assert "Overleg met de aandachtsfunctionaris of spilfiguur" in page  # a duty of onderwijs
    assert "0800-2000" in page
    assert "Adviesplicht" not in page
    assert "Adviesplicht" in owner.page(url(owner.new_case(kader="artsen")))


def test_a_consultation_is_added_changed_and_deleted(wizard_app, owner):
    case_id = owner.new_case()
    response = owner.form(url(case_id, "/overleg/nieuw"), dict(OVERLEG, wie="intern begeleider"))
    assert response.status_code == 303
    page = owner.page(url(case_id))
    assert "Bespreek met ouders" in page and "intern begeleider" in page
    key = first_key(page)
    changed = owner.form(url(case_id, f"/overleg/{key}"), dict(OVERLEG, advies="Nieuw advies"))
    assert changed.status_code == 303
    assert saved(wizard_app, case_id, "overleg")[key].advies == "Nieuw advies"
    assert owner.form(url(case_id, f"/overleg/{key}/verwijderen"), {}).status_code == 303
    assert saved(wizard_app, case_id, "overleg") == {}


def test_a_consultation_with_veilig_thuis_answers_the_advice_question(wizard_app, owner):
    case_id = owner.new_case(kader="artsen")
    owner.form(url(case_id, "/overleg/nieuw"), OVERLEG)
    assert "advies_veilig_thuis" not in saved(wizard_app, case_id, "antwoord")
    owner.form(url(case_id, "/overleg/nieuw"), dict(OVERLEG, met="veilig_thuis", anoniem="y"))
    stored = saved(wizard_app, case_id, "antwoord")["advies_veilig_thuis"]
    assert stored.antwoord == "ja"
    assert any(o.anoniem for o in saved(wizard_app, case_id, "overleg").values())


def test_the_advice_question_keeps_its_explanation_when_veilig_thuis_is_consulted(
    wizard_app, owner
):
    case_id = owner.new_case()
    question = url(case_id, "/vraag/advies_veilig_thuis")
    owner.form(question, {"advies_veilig_thuis": "nee", "motivatie": "EIGEN-UITLEG"})
    owner.form(url(case_id, "/overleg/nieuw"), dict(OVERLEG, met="veilig_thuis"))
    stored = saved(wizard_app, case_id, "antwoord")["advies_veilig_thuis"]
    assert (stored.antwoord, stored.motivatie) == ("ja", "EIGEN-UITLEG")
    assert owner.get(url(case_id, "/vraag/disclosure")).status_code == 404


@pytest.mark.parametrize(
    "change,message",
    [
        ({"advies": ""}, "Vul dit veld in."),
        ({"met": ""}, "Kies met wie je hebt overlegd."),
        ({"met": "politie"}, "Kies met wie je hebt overlegd."),
        ({"datum": ""}, "Vul een datum in."),
        ({"datum": "2099-01-01"}, "De datum mag niet in de toekomst liggen."),
        ({"datum": "2026-13-45"}, 'id="datum-error"'),
        ({"advies": "x" * 20001}, "Gebruik hoogstens 20.000 tekens."),
        ({"wie": "x" * 201}, "Gebruik hoogstens 200 tekens."),
    ],
)
def test_a_bad_consultation_is_refused_and_the_text_kept(wizard_app, owner, change, message):
    case_id = owner.new_case()
    data = (
        dict(OVERLEG, **change)
        if "wie" in change
        else dict(OVERLEG, wie="TEKST-BEHOUDEN", **change)
    )
    response = owner.form(url(case_id, "/overleg/nieuw"), data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page and 'class="error-summary"' in page
    if "wie" not in change:
        assert "TEKST-BEHOUDEN" in page
    assert saved(wizard_app, case_id, "overleg") == {}


def test_sharing_within_the_organisation(wizard_app, people, owner):
    case_id = owner.new_case()
    page = owner.page(f"/casussen/{case_id}/delen")
    for who in (people.colleague, people.af):
        assert f'value="{who}"' in page
    # Beheerders read no cases unless the owner asks for them on purpose.
    for who in (people.owner, people.stranger, people.trainer, people.beheerder):
        assert f'value="{who}"' not in page
    assert f'value="{people.beheerder}"' in owner.page(f"/casussen/{case_id}/delen?beheerders=1")
    assert share(owner, case_id, people.colleague).status_code == 303
    assert "Collega" in owner.page(f"/casussen/{case_id}/delen")
    assert "share" in audit_actions(wizard_app, case_id)
    colleague = signed_in(wizard_app, "colleague")
    assert colleague.get(f"/casussen/{case_id}").status_code == 200


@pytest.mark.parametrize("who", ["stranger", "trainer", "owner"])
def test_sharing_outside_the_organisation_or_with_a_trainer_is_refused(
    wizard_app, people, owner, who
):
    case_id = owner.new_case()
    response = share(owner, case_id, getattr(people, who))
    assert response.status_code == 400
    assert "Kies een collega uit de lijst." in response.get_data(as_text=True)
    assert "share" not in audit_actions(wizard_app, case_id)
    if who != "owner":
        assert signed_in(wizard_app, who).get(f"/casussen/{case_id}").status_code == 404


def test_only_the_owner_shares(wizard_app, people, owner):
    case_id = owner.new_case()
    share(owner, case_id, people.colleague)
    colleague = signed_in(wizard_app, "colleague")
    assert colleague.get(f"/casussen/{case_id}/delen").status_code == 403
    stop = f"/casussen/{case_id}/delen/{people.colleague}/stoppen"
    assert colleague.form(stop, {}, page_url=f"/casussen/{case_id}").status_code == 403


def test_stopping_to_share_closes_the_case_for_the_colleague(wizard_app, people, owner):
    case_id = owner.new_case()
    share(owner, case_id, people.colleague)
    colleague = signed_in(wizard_app, "colleague")
    assert colleague.get(f"/casussen/{case_id}/consultatie").status_code == 200
    stop = f"/casussen/{case_id}/delen/{people.colleague}/stoppen"
    response = owner.form(stop, {}, page_url=f"/casussen/{case_id}/delen")
    assert response.status_code == 303
    assert "unshare" in audit_actions(wizard_app, case_id)
    assert colleague.get(f"/casussen/{case_id}/consultatie").status_code == 404
    assert owner.form(stop, {}, page_url=f"/casussen/{case_id}/delen").status_code == 404


def test_the_consultation_page_is_only_for_colleagues_it_is_shared_with(wizard_app, people, owner):
    case_id = owner.new_case()
    assert owner.get(f"/casussen/{case_id}/consultatie").status_code == 403
    for who in ("colleague", "stranger"):
        visitor = signed_in(wizard_app, who)
        assert visitor.get(f"/casussen/{case_id}/consultatie").status_code == 404
        assert visitor.get(url(case_id, "/vergelijking")).status_code == 404


def test_a_colleague_reads_but_cannot_change_the_owners_records(wizard_app, people, owner):
    case_id = owner.new_case()
    owner.form(
        f"/casussen/{case_id}/stap-1/signaal/nieuw",
        {"datum": "2026-09-14", "waarneming": "SIGNAAL-TEKST"},
    )
    owner.form(url(case_id, "/overleg/nieuw"), dict(OVERLEG, advies="OVERLEG-TEKST"))
    owner.form(
        f"/casussen/{case_id}/stap-3/gesprek/nieuw",
        {"datum": "2026-09-16", "met": "moeder", "gezegd": "GESPREK-TEKST"},
    )
    signal = first_key(owner.page(f"/casussen/{case_id}/stap-1"))
    share(owner, case_id, people.colleague)
    colleague = signed_in(wizard_app, "colleague")
    page = colleague.page(f"/casussen/{case_id}/consultatie")
    for text in ("SIGNAAL-TEKST", "OVERLEG-TEKST", "GESPREK-TEKST"):
        assert text in page
    base = f"/casussen/{case_id}"
    for path in (
        f"/stap-1/signaal/{signal}",
        "/stap-2",
        "/stap-2/overleg/nieuw",
        "/stap-2/vraag/advies_veilig_thuis",
        "/stap-3",
        "/stap-3/gesprek/nieuw",
    ):
        assert colleague.get(base + path).status_code == 403, path
    posted = colleague.form(
        base + f"/stap-1/signaal/{signal}",
        {"datum": "2026-09-14", "waarneming": "GEWIJZIGD"},
        page_url=base + "/consultatie",
    )
    assert posted.status_code == 403
    assert saved(wizard_app, case_id, "signaal")[signal].waarneming == "SIGNAAL-TEKST"


def test_the_colleagues_answers_stay_independent_until_done(wizard_app, people, owner):
    case_id = owner.new_case()
    answer(wizard_app, case_id, people.owner, "vermoeden", "ja", "EIGENAAR-MOTIVATIE")
    answer(wizard_app, case_id, people.owner, "veiligheid", "nee", "")
    share(owner, case_id, people.colleague)
    colleague = signed_in(wizard_app, "colleague")
    consult = f"/casussen/{case_id}/consultatie"
    page = colleague.page(consult)
    assert "EIGENAAR-MOTIVATIE" not in page
    assert 'name="vermoeden"' in page and 'name="resultaat"' in page
    draft = colleague.form(
        consult,
        {"advies": "COLLEGA-ADVIES", "vermoeden": "nee", "vermoeden_motivatie": "WAAROM-NEE"},
    )
    assert draft.status_code == 303
    assert draft.headers["Location"].endswith(f"/casussen/{case_id}")
    hidden = colleague.page(url(case_id, "/vergelijking"))
    assert "EIGENAAR-MOTIVATIE" not in hidden and "pas als je je eigen advies" in hidden
    assert "WAAROM-NEE" not in owner.page(url(case_id, "/vergelijking"))  # not done yet
    done = colleague.form(
        consult,
        {
            "advies": "COLLEGA-ADVIES",
            "vermoeden": "nee",
            "vermoeden_motivatie": "WAAROM-NEE",
            "veiligheid": "nee",
            "klaar": "y",
        },
    )
    assert done.status_code == 303
    assert done.headers["Location"].endswith(url(case_id, "/vergelijking"))
    shown = colleague.page(url(case_id, "/vergelijking"))
    assert "EIGENAAR-MOTIVATIE" in shown and "WAAROM-NEE" in shown
    compared = owner.page(url(case_id, "/vergelijking"))
    assert "De antwoorden verschillen bij 1 afweging" in compared
    assert compared.count("Anders dan de eigenaar") == 1  # vermoeden differs, veiligheid not
    assert "COLLEGA-ADVIES" in compared and "WAAROM-NEE" in compared
    assert "Afgerond" in owner.page(url(case_id))


HELD_BACK = ["/stap-4", "/stap-5", "/controleren", "/beslissing", "/dossier"]


def test_pages_with_the_owners_weighing_wait_for_the_colleagues_own(wizard_app, people, owner):
    case_id = owner.new_case()
    answer(wizard_app, case_id, people.owner, "vermoeden", "ja", "EIGENAAR-MOTIVATIE")
    share(owner, case_id, people.colleague)
    colleague = signed_in(wizard_app, "colleague")
    for rest in HELD_BACK:
        response = colleague.get(f"/casussen/{case_id}{rest}")
        page = response.get_data(as_text=True)
        assert response.status_code == 403, rest
        assert "EIGENAAR-MOTIVATIE" not in page and "pas als je je eigen advies" in page, rest
    consult = f"/casussen/{case_id}/consultatie"
    assert colleague.form(consult, {"vermoeden": "nee", "klaar": "y"}).status_code == 303
    for rest in HELD_BACK:
        assert colleague.get(f"/casussen/{case_id}{rest}").status_code == 200, rest
    assert "EIGENAAR-MOTIVATIE" in colleague.page(f"/casussen/{case_id}/controleren")
    for rest in HELD_BACK:  # the owner never waits
        assert owner.get(f"/casussen/{case_id}{rest}").status_code == 200, rest


def test_a_finished_consultation_stays_finished(wizard_app, people, owner):
    case_id = owner.new_case()
    share(owner, case_id, people.colleague)
    colleague = signed_in(wizard_app, "colleague")
    consult = f"/casussen/{case_id}/consultatie"
    colleague.form(consult, {"vermoeden": "ja", "klaar": "y"})
    colleague.form(consult, {"vermoeden": "nee", "advies": "Later aangevuld"})
    stored = saved(wizard_app, case_id, "consultatie")[people.colleague]
    assert stored.klaar and stored.antwoorden == {"vermoeden": "nee"}


@pytest.mark.parametrize(
    "data,message",
    [
        ({"klaar": "y"}, "Vul je advies in of beantwoord minstens één afweging"),
        ({"vermoeden": "misschien", "advies": "TEKST-BEHOUDEN"}, "Kies ja of nee."),
        ({"advies": "TEKST-BEHOUDEN" + "x" * 20000}, "Gebruik hoogstens 20.000 tekens."),
    ],
)
def test_a_bad_consultation_by_a_colleague_is_refused(wizard_app, people, owner, data, message):
    case_id = owner.new_case()
    share(owner, case_id, people.colleague)
    colleague = signed_in(wizard_app, "colleague")
    response = colleague.form(f"/casussen/{case_id}/consultatie", data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert saved(wizard_app, case_id, "consultatie") == {}


def test_the_step_can_be_marked_done(owner):
    case_id = owner.new_case()
    owner.form(f"/casussen/{case_id}/stap/2/klaar", {"klaar": "1"}, page_url=url(case_id))
    assert "Stap 2 weer openzetten" in owner.page(url(case_id))


def test_a_stale_csrf_token_shares_nothing(wizard_app, people, owner):
    case_id = owner.new_case()
    response = owner.client.post(
        f"/casussen/{case_id}/delen", data={"csrf_token": "vals", "collega": people.colleague}
    )
    assert response.status_code == 303
    assert "share" not in audit_actions(wizard_app, case_id)
    assert signed_in(wizard_app, "colleague").get(f"/casussen/{case_id}").status_code == 404
