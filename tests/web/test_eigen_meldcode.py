"""The organisation's own meldcode in the app: fill in, check, adopt, versions, documents."""

import io

import pytest
from sqlalchemy import select

from meldcode.storage.models import AuditEntry
from tests.renders import fetch_pdf
from tests.renders import work_queue
from tests.web.wizard import Visitor

COMPLETE = {
    "kader": {
        "kaders": ["onderwijs"],
        "doel_en_reikwijdte": "Voor iedereen die op de school werkt.",
    },
    "rollen": {
        "aandachtsfunctionaris-naam": "Fatima Haddou",
        "aandachtsfunctionaris-functie": "intern begeleider",
        "aandachtsfunctionaris-telefoon": "010-555 12 34",
        "beslisser_melden-naam": "Jan de Vries",
        "beslisser_melden-functie": "directeur",
        "bevoegd_gezag-functie": "College van bestuur",
    },
    "taakverdeling": {
        "rijen-0-groep": "Leerkrachten",
        "rijen-0-taken": "Signaleren en vastleggen.",
    },
    "stappen": {"stap2": "Altijd eerst de aandachtsfunctionaris."},
    "bijzonder": {
        "bijzondere_vormen-van_toepassing": "ja",
        "bijzondere_vormen-tekst": "Direct Veilig Thuis bellen bij eergerelateerd geweld.",
        "verwijsindex-van_toepassing": "nee",
        "verwijsindex-tekst": "Niet aangesloten.",
        "kindcheck-van_toepassing": "nee",
        "kindcheck-tekst": "Geen volwassen cliënten.",
    },
    "afspraken": {
        "vertrouwelijkheid": "Alleen in het beveiligde leerlingdossier.",
        "bestuur": "Het bestuur zorgt voor tijd.",
        "scholing_en_evaluatie": "Elk jaar scholing.",
    },
    "sociale-kaart": {
        "veilig_thuis_regio": "rotterdam-rijnmond",
        "adressen-0-naam": "Wijkteam Noord",
        "adressen-0-telefoon": "010-555 77 00",
    },
}


@pytest.fixture
def beheerder(wizard_app, people):
    """The organisation's beheerder, signed in."""
    person = Visitor(wizard_app)
    assert person.login("beheerder").status_code == 303
    return person


def fill(person, parts=COMPLETE):
    """Save every part through its page, as a beheerder would."""
    for deel, data in parts.items():
        response = person.form(f"/meldcode/beheer/{deel}", data)
        assert response.status_code == 303, (deel, response.get_data(as_text=True)[:3000])


def adopt(person, who="College van bestuur"):
    """Adopt the concept; return the response."""
    return person.form("/meldcode/beheer/vaststellen", {"vastgesteld_door": who})


def test_a_complete_meldcode_is_adopted_and_shown_to_every_member(beheerder, owner):
    assert "Ontbreekt nog" in beheerder.page("/meldcode/beheer")
    fill(beheerder)
    overview = beheerder.page("/meldcode/beheer")
    assert "Alle onderdelen die de wet vraagt, zijn ingevuld." in overview
    assert adopt(beheerder).status_code == 303
    overview = beheerder.page("/meldcode/beheer")
    assert "Versie 1" in overview and "geldt nu" in overview
    ours = owner.page("/meldcode/")
    for text in (
        "Meldcode van OBS De Linde",
        "Fatima Haddou",
        "Jan de Vries",
        "Wijkteam Noord",
        "Uit het afwegingskader",
        "Eigen tekst van OBS De Linde",
        "Versie 1",
    ):
        assert text in ours, text


def test_adopting_an_incomplete_meldcode_names_each_missing_element(beheerder):
    parts = {k: v for k, v in COMPLETE.items() if k not in ("afspraken", "bijzonder")}
    fill(beheerder, parts)
    response = adopt(beheerder)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    for label in (
        "Omgaan met vertrouwelijke informatie",
        "Bijzondere vormen van geweld die specifieke",
        "verwijsindex risicojongeren",
        "kindcheck",
    ):
        assert label in page, label
    assert "Vastgestelde versies" not in page
    assert "Nog geen versie vastgesteld" in beheerder.page("/meldcode/beheer")


def test_bad_input_is_shown_next_to_the_field_with_the_text_kept(beheerder):
    response = beheerder.form(
        "/meldcode/beheer/rollen",
        {"aandachtsfunctionaris-naam": "Fatima", "aandachtsfunctionaris-telefoon": "bel mij maar"},
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Gebruik alleen cijfers" in page and 'value="bel mij maar"' in page and "Fatima" in page


def test_text_over_a_limit_is_refused_whole_never_cut_off(beheerder):
    assert "maxlength" not in beheerder.page("/meldcode/beheer/rollen")  # the browser cuts none
    long_name = "Fatima Haddou " + "x" * 200
    response = beheerder.form("/meldcode/beheer/rollen", {"aandachtsfunctionaris-naam": long_name})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Gebruik hoogstens 200 tekens. Je tekst is 14 tekens te lang." in page
    assert f'value="{long_name}"' in page


def test_an_old_version_stays_viewable_after_a_new_adoption(beheerder, owner):
    fill(beheerder)
    adopt(beheerder)
    beheerder.form(
        "/meldcode/beheer/afspraken", {**COMPLETE["afspraken"], "bestuur": "Nieuw beleid."}
    )
    assert adopt(beheerder).status_code == 303
    old = owner.page("/meldcode/versies/1")
    assert "Dit is een oude versie" in old and "Het bestuur zorgt voor tijd." in old
    assert "Nieuw beleid." not in old
    assert "Nieuw beleid." in owner.page("/meldcode/")
    for suffix in (".pdf", ".docx"):
        url = f"/meldcode/versies/1{suffix}"
        response = fetch_pdf(owner.app, owner, url) if suffix == ".pdf" else owner.get(url)
        assert response.status_code == 200 and len(response.data) > 1000
        assert response.headers["Cache-Control"] == "no-store"


def test_downloads_are_audited_and_another_organisation_sees_nothing(wizard_app, beheerder):
    fill(beheerder)
    adopt(beheerder)
    pdf = fetch_pdf(wizard_app, beheerder, "/meldcode/versies/1.pdf")
    assert pdf.mimetype == "application/pdf"
    with wizard_app.extensions["meldcode_db"].reader() as s:
        actions = [(a.action, a.object_type) for a in s.scalars(select(AuditEntry))]
    assert ("export", "meldcode") in actions and ("create", "meldcode_versie") in actions
    stranger = Visitor(wizard_app)
    stranger.login("stranger")
    assert stranger.get("/meldcode/versies/1").status_code == 404
    assert stranger.get("/meldcode/versies/1.pdf").status_code == 404
    assert "nog geen eigen meldcode" in stranger.page("/meldcode/")


def test_export_then_import_gives_the_same_concept(beheerder):
    fill(beheerder)
    adopt(beheerder)
    exported = beheerder.get("/meldcode/versies/1.yaml").get_data(as_text=True)
    assert "formaat: meldcode-eigen/1" in exported and "Fatima Haddou" in exported
    page = beheerder.page("/meldcode/beheer/importeren")
    from tests.web.wizard import CSRF

    token = CSRF.search(page).group(1)
    response = beheerder.client.post(
        "/meldcode/beheer/importeren",
        data={"csrf_token": token, "bestand": (io.BytesIO(exported.encode()), "meldcode.yaml")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 303
    again = beheerder.get("/meldcode/beheer/concept.yaml").get_data(as_text=True)
    body = lambda text: text.split("vastgesteld_door:", 1)[1]  # noqa: E731 - metadata differs
    assert body(again) == body(exported)
    broken = beheerder.client.post(
        "/meldcode/beheer/importeren",
        data={
            "csrf_token": token,
            "bestand": (io.BytesIO(b"formaat: meldcode-eigen/1\nkaderz: []\n"), "x.yaml"),
        },
        content_type="multipart/form-data",
    )
    assert broken.status_code == 400 and "kaderz" in broken.get_data(as_text=True)


def test_the_dossier_cites_the_version_the_case_started_under(beheerder, owner):
    before = owner.new_case(label="A.B., 2015")
    assert "Geen eigen meldcode vastgesteld toen de casus begon" in owner.page(
        f"/casussen/{before}/dossier"
    )
    fill(beheerder)
    adopt(beheerder)
    after = owner.new_case(label="C.D., 2016")
    page = owner.page(f"/casussen/{after}/dossier")
    assert "OBS De Linde, versie 1, vastgesteld op" in page
    assert "Fatima Haddou (intern begeleider)" in page and "Veilig Thuis Rotterdam Rijnmond" in page
    beheerder.form("/meldcode/beheer/afspraken", COMPLETE["afspraken"])
    adopt(beheerder)
    assert "OBS De Linde, versie 1," in owner.page(f"/casussen/{after}/dossier")
    assert "Geen eigen meldcode" in owner.page(f"/casussen/{before}/dossier")


def test_case_pages_can_ask_for_the_contacts_of_a_step(wizard_app, beheerder, owner):
    from meldcode.storage.models import Case
    from meldcode.web.eigen_meldcode.contacts import contacts_for_case

    fill(beheerder)
    adopt(beheerder)
    case_id = owner.new_case()
    with wizard_app.test_request_context():
        from meldcode.web.database import session

        case = session().get(Case, case_id)
        assert [c.soort for _label, c in contacts_for_case(case, 1)] == ["aandachtsfunctionaris"]
        labels = [label for label, _c in contacts_for_case(case, 5)]
        assert labels[:2] == ["Beslist over melden", "Aandachtsfunctionaris"]


def test_a_case_page_says_our_meldcode_only_when_one_was_adopted(beheerder, owner):
    # Before adoption only the national number, and the page does not claim "our meldcode".
    before = owner.page(f"/casussen/{owner.new_case()}/stap-1")
    assert "Volgens onze meldcode" not in before
    assert "nog geen eigen meldcode vastgesteld" in before and 'href="tel:08002000"' in before
    fill(beheerder)
    adopt(beheerder)
    after = owner.page(f"/casussen/{owner.new_case()}/stap-1")
    assert "Volgens onze meldcode" in after and "nog geen eigen meldcode" not in after


def test_the_concept_pdf_is_printed_by_the_worker_and_reprinted_when_it_changes(
    wizard_app, beheerder
):
    fill(beheerder)
    first = fetch_pdf(wizard_app, beheerder, "/meldcode/beheer/concept.pdf")
    assert first.mimetype == "application/pdf" and first.data.startswith(b"%PDF")
    assert beheerder.get("/meldcode/beheer/concept.pdf").mimetype == "application/pdf"
    assert work_queue(wizard_app) == 0  # the same concept: the worker's copy
    beheerder.form(
        "/meldcode/beheer/afspraken", {**COMPLETE["afspraken"], "bestuur": "Nieuw beleid."}
    )
    assert beheerder.get("/meldcode/beheer/concept.pdf").status_code == 202  # a new version
