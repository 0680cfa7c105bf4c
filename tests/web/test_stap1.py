"""Stap 1 beyond the signals: the kader's input questions, what they set off, and the checks."""

import pytest

from tests.web.stap_helpers import saved
from tests.web.stap_helpers import share
from tests.web.stap_helpers import signed_in


def url(case_id: str, rest: str = "") -> str:
    return f"/casussen/{case_id}/stap-1{rest}"


def test_the_step_lists_the_questions_to_answer(owner):
    case_id = owner.new_case()
    page = owner.page(url(case_id))
    for label in ("Vormen van geweld", "Onthulling (disclosure)", "Vermoedelijke pleger is"):
        assert label in page
    assert f'href="{url(case_id, "/vraag/vormen")}"' in page
    assert "Advies van Veilig Thuis gevraagd" not in page  # that question belongs to stap 2
    assert "Acuut en onomkeerbaar risico" not in page  # only once VGV is a form


def test_the_forms_of_violence_are_saved_as_the_vocabulary(wizard_app, owner):
    case_id = owner.new_case()
    page = owner.page(url(case_id, "/vraag/vormen"))
    assert 'type="checkbox"' in page and 'name="vormen"' in page
    assert "<legend" in page and "Om welke vorm(en) van geweld" in page
    response = owner.form(
        url(case_id, "/vraag/vormen"),
        {"vormen": ["kindermishandeling", "partnergeweld"], "motivatie": "Moeder vertelde het"},
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith(url(case_id))
    stored = saved(wizard_app, case_id, "antwoord")["vormen"]
    assert stored.antwoord == ["kindermishandeling", "partnergeweld"]
    assert stored.motivatie == "Moeder vertelde het"
    assert "Kindermishandeling (ook verwaarlozing), Partnergeweld" in owner.page(url(case_id))


def test_a_disclosure_asks_for_the_literal_words_and_warns(wizard_app, owner):
    case_id = owner.new_case()
    page = owner.page(url(case_id, "/vraag/disclosure"))
    assert "Schrijf letterlijk op wat er gezegd is" in page
    response = owner.form(
        url(case_id, "/vraag/disclosure"), {"disclosure": "ja", "motivatie": '"Papa slaat mij"'}
    )
    assert response.status_code == 303
    assert saved(wizard_app, case_id, "antwoord")["disclosure"].antwoord == "ja"
    page = owner.page(url(case_id))
    assert "Onthulling: altijd melden, met top-tot-teen onderzoek" in page
    assert "Top-tot-teen onderzoek laten doen" in page


def test_no_warning_without_a_reason(owner):
    case_id = owner.new_case()
    owner.form(url(case_id, "/vraag/disclosure"), {"disclosure": "nee"})
    page = owner.page(url(case_id))
    assert "top-tot-teen" not in page
    assert "Er geldt een andere route" not in page


def staff_sexual_offence(owner, case_id: str) -> None:
    """Answer stap 1 as for a sexual offence by a staff member against a minor pupil."""
    owner.form(url(case_id, "/vraag/pleger_medewerker"), {"pleger_medewerker": "ja"})
    owner.form(url(case_id, "/vraag/vormen"), {"vormen": ["seksueel_misbruik"]})
    owner.form(url(case_id, "/vraag/minderjarige_leerling"), {"minderjarige_leerling": "ja"})


def test_a_staff_suspect_warns_that_the_meldplicht_applies(owner):
    case_id = owner.new_case(kader="onderwijs")
    staff_sexual_offence(owner, case_id)
    page = owner.page(url(case_id))
    assert "Er geldt een andere route: Meldplicht (vermoeden tegen een medewerker)" in page
    assert "Deze route vervangt de afwegingen van de meldcode." in page


def test_a_staff_suspect_has_no_route_where_the_law_has_none(owner):
    # physical violence by a teacher: no statutory duty (review, finding 4)
    case_id = owner.new_case(kader="onderwijs")
    owner.form(url(case_id, "/vraag/pleger_medewerker"), {"pleger_medewerker": "ja"})
    owner.form(url(case_id, "/vraag/vormen"), {"vormen": ["kindermishandeling"]})
    owner.form(url(case_id, "/vraag/minderjarige_leerling"), {"minderjarige_leerling": "ja"})
    assert "Er geldt een andere route" not in owner.page(url(case_id))


def test_a_disclosure_on_the_meldplicht_route_still_counts(owner):
    case_id = owner.new_case(kader="onderwijs")
    staff_sexual_offence(owner, case_id)
    owner.form(url(case_id, "/vraag/disclosure"), {"disclosure": "ja"})
    page = owner.page(url(case_id))
    assert "Onthulling: altijd melden" in page
    assert "telt niet op de route hierboven" in page


def test_vgv_shows_its_follow_up_question_and_the_urgent_warning(owner):
    case_id = owner.new_case()
    assert owner.get(url(case_id, "/vraag/vgv_acuut")).status_code == 404
    owner.form(url(case_id, "/vraag/vormen"), {"vormen": ["vgv"]})
    page = owner.page(url(case_id))
    assert "Acuut en onomkeerbaar risico op meisjesbesnijdenis" in page
    assert "Vrouwelijke genitale verminking (meisjesbesnijdenis)" in page
    assert "Spoed" in page and "0800-2000" in page
    assert "Politie inschakelen" not in page  # only when the risk is acute
    assert owner.form(url(case_id, "/vraag/vgv_acuut"), {"vgv_acuut": "ja"}).status_code == 303
    assert "Politie inschakelen" in owner.page(url(case_id))


def test_recent_sexual_abuse_is_asked_only_for_sexual_abuse(owner):
    case_id = owner.new_case()
    assert owner.get(url(case_id, "/vraag/seksueel_misbruik_recent")).status_code == 404
    owner.form(url(case_id, "/vraag/vormen"), {"vormen": ["seksueel_misbruik"]})
    assert owner.get(url(case_id, "/vraag/seksueel_misbruik_recent")).status_code == 200
    owner.form(url(case_id, "/vraag/seksueel_misbruik_recent"), {"seksueel_misbruik_recent": "ja"})
    assert "Centrum Seksueel Geweld bellen" in owner.page(url(case_id))


def test_the_provider_question_follows_a_staff_suspect_in_childcare(owner):
    case_id = owner.new_case(kader="kinderopvang")
    assert owner.get(url(case_id, "/vraag/pleger_houder")).status_code == 404
    assert "Vermoedelijke pleger is de houder" not in owner.page(url(case_id))
    owner.form(url(case_id, "/vraag/pleger_medewerker"), {"pleger_medewerker": "ja"})
    assert "Vermoedelijke pleger is de houder" in owner.page(url(case_id))
    assert owner.get(url(case_id, "/vraag/pleger_houder")).status_code == 200
    other = owner.new_case(kader="onderwijs")
    owner.form(url(other, "/vraag/pleger_medewerker"), {"pleger_medewerker": "ja"})
    assert owner.get(url(other, "/vraag/pleger_houder")).status_code == 404


def test_an_answer_that_no_longer_fits_stays_visible_and_can_be_wiped(wizard_app, owner):
    case_id = owner.new_case()
    owner.form(url(case_id, "/vraag/vormen"), {"vormen": ["vgv"]})
    owner.form(url(case_id, "/vraag/vgv_acuut"), {"vgv_acuut": "ja"})
    owner.form(url(case_id, "/vraag/vormen"), {"vormen": ["partnergeweld"]})
    page = owner.page(url(case_id))
    assert "past niet meer bij je andere antwoorden" in page
    response = owner.form(url(case_id, "/vraag/vgv_acuut/wissen"), {})
    assert response.status_code == 303
    assert "vgv_acuut" not in saved(wizard_app, case_id, "antwoord")
    assert owner.get(url(case_id, "/vraag/vgv_acuut")).status_code == 404


@pytest.mark.parametrize(
    "qid,data,message",
    [
        ("disclosure", {"motivatie": "TEKST-BEHOUDEN"}, "Kies ja of nee."),
        (
            "disclosure",
            {"disclosure": "misschien", "motivatie": "TEKST-BEHOUDEN"},
            "Kies ja of nee.",
        ),
        (
            "vormen",
            {"vormen": ["kindermishandeling", "bestaat_niet"], "motivatie": "TEKST-BEHOUDEN"},
            "Kies alleen uit de genoemde mogelijkheden.",
        ),
        (
            "pleger_medewerker",
            {"pleger_medewerker": "nee", "motivatie": "TEKST-BEHOUDEN" + "x" * 20000},
            "Gebruik hoogstens 20.000 tekens.",
        ),
    ],
)
def test_a_bad_answer_is_refused_and_the_text_kept(wizard_app, owner, qid, data, message):
    case_id = owner.new_case()
    response = owner.form(url(case_id, f"/vraag/{qid}"), data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page and 'class="error-summary"' in page
    assert "TEKST-BEHOUDEN" in page
    assert saved(wizard_app, case_id, "antwoord") == {}


@pytest.mark.parametrize(
    "path", ["/vraag/bestaat_niet", "/vraag/vermoeden", "/vraag/advies_veilig_thuis"]
)
def test_a_question_this_step_does_not_have_answers_404(owner, path):
    case_id = owner.new_case()
    assert owner.get(url(case_id, path)).status_code == 404
    posted = owner.form(url(case_id, path), {"motivatie": "x"}, page_url=url(case_id))
    assert posted.status_code == 404


def test_a_stale_csrf_token_saves_nothing_and_keeps_the_text(wizard_app, owner):
    case_id = owner.new_case()
    owner.page(url(case_id, "/vraag/disclosure"))
    response = owner.client.post(
        url(case_id, "/vraag/disclosure"),
        data={"csrf_token": "vals", "disclosure": "ja", "motivatie": "BEWAARD-TEKST"},
    )
    assert response.status_code == 303
    assert saved(wizard_app, case_id, "antwoord") == {}
    assert "BEWAARD-TEKST" in owner.page(response.headers["Location"])


def test_a_consulted_colleague_cannot_answer_for_the_owner(wizard_app, people, owner):
    case_id = owner.new_case()
    share(owner, case_id, people.colleague)
    colleague = signed_in(wizard_app, "colleague")
    assert colleague.get(url(case_id, "/vraag/disclosure")).status_code == 403
    assert colleague.get(url(case_id, "/check/kindcheck")).status_code == 403


def test_the_kindcheck_is_asked_where_the_kader_lists_it(wizard_app, owner):
    case_id = owner.new_case(kader="artsen")
    page = owner.page(url(case_id))
    assert "Kindcheck" in page and "Mantelzorgverleningscheck" in page
    form = owner.page(url(case_id, "/check/kindcheck"))
    assert "minderjarige kinderen" in form  # the kader's own text of the check
    response = owner.form(
        url(case_id, "/check/kindcheck"),
        {"afhankelijken": "ja", "aantal": "2", "leeftijden": "3 en 7 jaar", "zorgt_alleen": "ja"},
    )
    assert response.status_code == 303
    check = saved(wizard_app, case_id, "check")["kindcheck"]
    assert (check.afhankelijken, check.aantal, check.zorgt_alleen) == ("ja", 2, "ja")
    assert "3 en 7 jaar" in owner.page(url(case_id))


def test_no_checks_where_the_kader_lists_none(owner):
    case_id = owner.new_case(kader="onderwijs")
    assert "Kindcheck" not in owner.page(url(case_id))
    assert owner.get(url(case_id, "/check/kindcheck")).status_code == 404
    other = owner.new_case(kader="ggz")
    assert owner.get(url(other, "/check/kindcheck")).status_code == 200
    assert owner.get(url(other, "/check/mantelzorgverleningscheck")).status_code == 404


@pytest.mark.parametrize(
    "data,message",
    [
        ({"zorgt_alleen": "ja"}, "Kies ja, nee of weet ik (nog) niet."),
        ({"afhankelijken": "soms"}, "Kies ja, nee of weet ik (nog) niet."),
        ({"afhankelijken": "ja", "aantal": "twee"}, "Vul een getal in, bijvoorbeeld 2."),
        ({"afhankelijken": "ja", "aantal": "31"}, "Vul een aantal van 0 tot en met 30 in."),
        ({"afhankelijken": "nee", "aantal": "2"}, "laat het aantal leeg of kies"),
        ({"afhankelijken": "ja", "toelichting": "x" * 20001}, "Gebruik hoogstens 20.000 tekens."),
    ],
)
def test_a_bad_check_is_refused(wizard_app, owner, data, message):
    case_id = owner.new_case(kader="artsen")
    response = owner.form(url(case_id, "/check/kindcheck"), data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert saved(wizard_app, case_id, "check") == {}


def test_the_step_can_be_marked_done_and_opened_again(owner):
    case_id = owner.new_case()
    assert "Stap 1 is klaar" in owner.page(url(case_id))
    owner.form(f"/casussen/{case_id}/stap/1/klaar", {"klaar": "1"}, page_url=url(case_id))
    assert "Stap 1 weer openzetten" in owner.page(url(case_id))


def test_the_kaders_texts_follow_the_page_language(owner):
    case_id = owner.new_case()
    owner.form(url(case_id, "/vraag/disclosure"), {"disclosure": "ja"})
    assert owner.get("/taal/en").status_code == 303
    page = owner.page(url(case_id))
    assert "Disclosure: always report, with a head-to-toe examination" in page
    assert "Has the child, or a dependent adult, told you" in owner.page(
        url(case_id, "/vraag/disclosure")
    )
