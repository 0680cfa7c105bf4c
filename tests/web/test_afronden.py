"""The case's own pages: check every answer, the timeline, access report, settings and retention."""

import datetime
import re

from freezegun import freeze_time

from meldcode.casus.casefile import load_yaml
from meldcode.storage import audit
from meldcode.storage import purge
from meldcode.storage.models import Case
from meldcode.storage.models import utcnow
from tests.web.casehelpers import FULL_PATH
from tests.web.casehelpers import db
from tests.web.casehelpers import put_answers
from tests.web.casehelpers import shared_colleague
from tests.web.casehelpers import stored

CANARY = "KANARIE-93741"


def fill_case(visitor, case_id: str, text: str = "") -> None:
    """Record something in every page of stap 4–5, with ``text`` in every free field."""
    mark = text or "x"
    assert (
        visitor.form(
            f"/casussen/{case_id}/stap-1/signaal/nieuw",
            {
                "datum": "2026-09-14",
                "waarneming": f"{mark} waarneming",
                "interpretatie": mark,
                "waargenomen_door": mark,
                "tegenindicatie": mark,
                "letsel_plaats": mark,
                "letsel_aard": mark,
            },
        ).status_code
        == 303
    )
    for qid, value in FULL_PATH.items():
        response = visitor.form(
            f"/casussen/{case_id}/afweging/{qid}", {qid: value, "motivatie": f"{mark} {qid}"}
        )
        assert response.status_code == 303
    forms = {
        "beslissing": {
            "keuze": "afwijken",
            "melden": "ja",
            "hulp": "ja",
            "motivatie": f"{mark} motivering",
            "datum": "2026-09-20",
        },
        "informeren": {
            "geinformeerd": "ja",
            "datum": "2026-09-20",
            "wie": mark,
            "hoe": mark,
            "reactie": f"{mark} reactie",
            "bezwaren": mark,
            "pogingen": mark,
        },
        "melding": {
            "datum": "2026-09-21",
            "regio": f"{mark} regio",
            "referentie": mark,
            "toelichting": mark,
        },
        "hulp/nieuw": {"omschrijving": f"{mark} hulp", "door": mark},
        "evaluatie": {"datum": "2026-12-01", "afspraken": f"{mark} afspraken"},
    }
    for page, data in forms.items():
        response = visitor.form(f"/casussen/{case_id}/{page}", data)
        assert response.status_code == 303, (page, response.get_data(as_text=True)[:2000])


def test_check_your_answers_shows_everything_with_change_links(owner):
    case_id = owner.new_case()
    fill_case(owner, case_id, "ZICHTBAAR")
    page = owner.page(f"/casussen/{case_id}/controleren")
    for shown in ("ZICHTBAAR waarneming", "ZICHTBAAR motivering", "ZICHTBAAR reactie"):
        assert shown in page
    for shown in ("ZICHTBAAR regio", "ZICHTBAAR hulp", "ZICHTBAAR afspraken"):
        assert shown in page
    for qid in FULL_PATH:
        assert f"ZICHTBAAR {qid}" in page
        assert f'href="/casussen/{case_id}/afweging/{qid}"' in page
    (signal,) = stored(owner.app, case_id, "signaal")
    (help_record,) = stored(owner.app, case_id, "hulp")
    for target in (
        f"stap-1/signaal/{signal.key}",
        "beslissing",
        "informeren",
        "melding",
        f"hulp/{help_record.key}",
        "evaluatie",
    ):
        assert f'href="/casussen/{case_id}/{target}"' in page, target


def test_check_your_answers_shows_the_route_steps(owner, people):
    case_id = owner.new_case()
    put_answers(
        owner.app,
        case_id,
        people.owner,
        pleger_medewerker="ja",
        vormen=["seksueel_misbruik"],
        minderjarige_leerling="ja",
    )
    owner.form(f"/casussen/{case_id}/route/aangifte", {"gedaan": "nee", "toelichting": "ROUTE"})
    page = owner.page(f"/casussen/{case_id}/controleren")
    assert "ROUTE" in page and f'href="/casussen/{case_id}/route/aangifte"' in page
    assert f'href="/casussen/{case_id}/afweging/vermoeden"' not in page


def test_the_timeline_names_who_and_what_but_never_content(owner):
    case_id = owner.new_case()
    fill_case(owner, case_id, CANARY)
    assert CANARY in owner.page(f"/casussen/{case_id}/controleren")  # the canary is stored
    page = owner.page(f"/casussen/{case_id}/tijdlijn")
    assert CANARY not in page
    assert "Signaal toegevoegd" in page and "Beslissing toegevoegd" in page
    assert "Antwoord toegevoegd: Afweging 3: Hulp" in page
    assert "Casus aangemaakt" in page and "Mentor" in page
    assert "signaal_toegevoegd" not in page


def test_the_access_report_is_for_the_owner_only(wizard_app, people, owner):
    case_id = owner.new_case()
    colleague = shared_colleague(wizard_app, people, case_id)
    colleague.page(f"/casussen/{case_id}")
    page = owner.page(f"/casussen/{case_id}/toegang")
    assert "Bekeken" in page and "Collega" in page and "Mentor" in page
    assert colleague.get(f"/casussen/{case_id}/toegang").status_code == 403
    for url in ("instellingen", "sluiten", "verwijderen"):
        assert colleague.get(f"/casussen/{case_id}/{url}").status_code == 403, url


def test_the_label_is_checked_like_on_creation(owner):
    case_id = owner.new_case()
    url = f"/casussen/{case_id}/instellingen"
    response = owner.form(url, {"label": "jan@example.nl"})
    assert response.status_code == 400
    assert "Dit lijkt op een e-mailadres." in response.get_data(as_text=True)
    assert owner.form(url, {"label": "K.L., 2015"}).status_code == 303
    assert "K.L., 2015" in owner.page(f"/casussen/{case_id}")
    assert "Label gewijzigd" in owner.page(f"/casussen/{case_id}/tijdlijn")


def test_closing_starts_the_retention_and_the_purge_deletes_after_it(owner):
    case_id = owner.new_case()
    url = f"/casussen/{case_id}/sluiten"
    assert owner.form(url, {}).status_code == 400  # the dossier must be filed first
    assert owner.form(url, {"vastgelegd": "y"}).status_code == 303
    with db(owner.app).reader() as s:
        closed = s.get(Case, case_id)
        assert closed.status == "gesloten"
        deletes_on = closed.archived_at + datetime.timedelta(days=30)
    page = owner.page(f"/casussen/{case_id}/instellingen")
    assert "Hij wordt verwijderd op" in page and str(deletes_on.year) in page
    with freeze_time(deletes_on - datetime.timedelta(days=1)):
        report = db(owner.app).run_write(lambda s: purge.purge(s, utcnow()))
    assert report.cases == []
    with freeze_time(deletes_on + datetime.timedelta(minutes=1)):
        report = db(owner.app).run_write(lambda s: purge.purge(s, utcnow()))
    assert report.cases == [case_id]
    with db(owner.app).reader() as s:
        assert s.get(Case, case_id) is None
    owner.login("owner")  # the purge also ended the idle session
    assert owner.get(f"/casussen/{case_id}").status_code == 404


def test_a_closed_case_can_be_reopened_before_its_deletion(owner):
    case_id = owner.new_case()
    owner.form(f"/casussen/{case_id}/sluiten", {"vastgelegd": "y"})
    response = owner.form(
        f"/casussen/{case_id}/heropenen", {}, page_url=f"/casussen/{case_id}/instellingen"
    )
    assert response.status_code == 303
    with db(owner.app).reader() as s:
        case = s.get(Case, case_id)
        assert (case.status, case.archived_at) == ("open", None)


def test_the_case_file_downloads_as_yaml_and_is_audited(owner):
    case_id = owner.new_case()
    fill_case(owner, case_id)
    response = owner.form(
        f"/casussen/{case_id}/exporteren", {}, page_url=f"/casussen/{case_id}/instellingen"
    )
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    assert disposition == f'attachment; filename="meldcode-casus-{case_id[:8]}.yaml"'
    assert "no-store" in response.headers["Cache-Control"]
    casefile = load_yaml(response.get_data())
    assert casefile.casus.label == "J.B., 2016"
    assert casefile.antwoorden == FULL_PATH
    assert casefile.beslissing.motivatie == "x motivering"
    with db(owner.app).reader() as s:
        assert "export" in [row.action for row in audit.for_object(s, case_id)]
    assert "Casusbestand gedownload" in owner.page(f"/casussen/{case_id}/tijdlijn")


def test_deleting_removes_the_case_at_once(wizard_app, people, owner):
    case_id = owner.new_case()
    colleague = shared_colleague(wizard_app, people, case_id)
    refused = colleague.form(
        f"/casussen/{case_id}/verwijderen", {}, page_url=f"/casussen/{case_id}"
    )
    assert refused.status_code == 403
    assert owner.get(f"/casussen/{case_id}").status_code == 200
    page = owner.page(f"/casussen/{case_id}/verwijderen")
    assert "Weet je zeker dat je deze casus wilt verwijderen?" in page
    response = owner.form(f"/casussen/{case_id}/verwijderen", {})
    assert response.status_code == 303
    assert owner.get(f"/casussen/{case_id}").status_code == 404
    assert not re.search(case_id, owner.page("/casussen"))
    with db(owner.app).reader() as s:
        assert s.get(Case, case_id) is None
        assert "delete" in [row.action for row in audit.for_object(s, case_id)]
