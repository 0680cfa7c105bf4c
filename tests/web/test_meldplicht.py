"""The statutory routes: with a staff suspect where the law says so, they replace stap 4–5."""

import re

from tests.web.casehelpers import FULL_PATH
from tests.web.casehelpers import put_answers
from tests.web.casehelpers import stored


def route_steps(page: str, case_id: str) -> list[str]:
    """Return the route steps a page links to, in page order."""
    return re.findall(rf"/casussen/{case_id}/route/(\w+)\"", page)


# The onderwijs route: a sexual offence by a staff member against a minor pupil.
STAFF = {"pleger_medewerker": "ja", "vormen": ["seksueel_misbruik"], "minderjarige_leerling": "ja"}


def afweging_links(page: str, case_id: str) -> set[str]:
    """Return the afwegingen a page links to."""
    return set(re.findall(rf"/casussen/{case_id}/afweging/(\w+)\"", page))


def test_a_staff_suspect_in_onderwijs_follows_the_meldplicht(owner, people):
    case_id = owner.new_case(kader="onderwijs")
    put_answers(owner.app, case_id, people.owner, **FULL_PATH)
    assert afweging_links(owner.page(f"/casussen/{case_id}/stap-4"), case_id)
    put_answers(owner.app, case_id, people.owner, **STAFF)
    for number in (4, 5):
        page = owner.page(f"/casussen/{case_id}/stap-{number}")
        assert "Meldplicht (vermoeden tegen een medewerker)" in page
        assert afweging_links(page, case_id) == set()
        assert route_steps(page, case_id) == [
            "melden_bevoegd_gezag",
            "overleg_vertrouwensinspecteur",
            "aangifte",
            "vastleggen",
        ]
        assert "Het bevoegd gezag direct informeren" in page
        assert 'href="tel:09001113111"' in page
    overview = owner.page(f"/casussen/{case_id}")
    assert f"/casussen/{case_id}/route/melden_bevoegd_gezag" in overview


def test_kinderopvang_reports_to_the_houder_or_else_the_police(owner, people):
    case_id = owner.new_case(kader="kinderopvang")
    put_answers(owner.app, case_id, people.owner, pleger_medewerker="ja")
    page = owner.page(f"/casussen/{case_id}/stap-5")
    assert "De houder direct informeren" in page
    assert route_steps(page, case_id)[0] == "melden_bij_houder"
    assert "Politie inschakelen" not in page
    put_answers(owner.app, case_id, people.owner, pleger_houder="ja")
    page = owner.page(f"/casussen/{case_id}/stap-5")
    assert "De houder direct informeren" not in page
    assert "Politie inschakelen" in page


def test_doctors_take_the_igj_route_not_the_schools(owner, people):
    # A care provider reports violence by a staff member to the IGJ (Wkkgz art. 11).
    case_id = owner.new_case(kader="artsen")
    put_answers(owner.app, case_id, people.owner, pleger_medewerker="ja")
    page = owner.page(f"/casussen/{case_id}/stap-5")
    assert route_steps(page, case_id) == ["leiding_informeren", "melden_inspectie", "vastleggen"]
    assert afweging_links(page, case_id) == set()
    assert owner.get(f"/casussen/{case_id}/route/melden_bevoegd_gezag").status_code == 404


def test_physical_violence_by_a_teacher_takes_no_statutory_route(owner, people):
    case_id = owner.new_case(kader="onderwijs")
    put_answers(owner.app, case_id, people.owner, **{**STAFF, "vormen": ["kindermishandeling"]})
    page = owner.page(f"/casussen/{case_id}/stap-4")
    assert route_steps(page, case_id) == []
    assert "vermoeden" in afweging_links(page, case_id)


def test_a_route_step_is_recorded_and_shown(owner, people):
    case_id = owner.new_case()
    url = f"/casussen/{case_id}/route/melden_bevoegd_gezag"
    assert owner.get(url).status_code == 404  # no route applies yet
    put_answers(owner.app, case_id, people.owner, **STAFF)
    form = owner.page(url)
    assert "Meteen het bevoegd gezag informeren" in form and "0900-1113111" in form
    assert owner.form(url, {"gedaan": "wel"}).status_code == 400
    response = owner.form(
        url, {"gedaan": "ja", "datum": "2026-09-16", "toelichting": "Bestuur gebeld"}
    )
    assert response.status_code == 303
    (record,) = stored(owner.app, case_id, "route_stap")
    assert record.key == "melden_bevoegd_gezag" and record.payload.gedaan is True
    page = owner.page(f"/casussen/{case_id}/stap-5")
    assert "Gedaan" in page and "Bestuur gebeld" in page
    assert owner.get(f"/casussen/{case_id}/route/escalatie").status_code == 404


def test_the_route_has_no_beslissing_form(owner, people):
    case_id = owner.new_case()
    put_answers(owner.app, case_id, people.owner, **STAFF)
    page = owner.page(f"/casussen/{case_id}/beslissing")
    assert "Op deze route gelden beslissing 1 en 2 van de meldcode niet" in page
    assert 'name="keuze"' not in page and "Naar de stappen van de route" in page
    # The rule id is only in the labelled "Waarom?" detail.
    assert page.index("onderwijs:route.meldplicht") > page.index('id="waarom"')
    response = owner.form(
        f"/casussen/{case_id}/beslissing",
        {"keuze": "volgen", "datum": "2026-09-16"},
        page_url=f"/casussen/{case_id}/melding",
    )
    assert response.status_code == 400
    assert not stored(owner.app, case_id, "beslissing")
    stap5 = owner.page(f"/casussen/{case_id}/stap-5")
    assert "Evaluatie van afweging 5" not in stap5 and "Beslissing 1" not in stap5
    overview = owner.page(f"/casussen/{case_id}")
    assert "nog niet beslist" not in overview
