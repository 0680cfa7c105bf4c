"""Who may open a case: every case page, read and posted, by every kind of other user.

The case pages are read from ``app.url_map``, so a page added later is covered at once. Other
users answer 404 (the case does not exist for them), nothing changes, and the refusal is in
the audit trail without any content. The owner opens every page, which shows the URLs used
here are real; a colleague the case is shared with reads and thinks along, nothing more.
"""

import datetime
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from meldcode.casus.records import Antwoord
from meldcode.casus.records import Gesprek
from meldcode.casus.records import GesprekOverslaan
from meldcode.casus.records import Hulp
from meldcode.casus.records import Overleg
from meldcode.casus.records import Signaal
from meldcode.storage import cases
from meldcode.storage.models import AuditEntry
from meldcode.storage.models import Case
from meldcode.storage.models import CaseEvent
from meldcode.storage.models import CaseRecord
from meldcode.storage.models import CaseShare
from meldcode.storage.models import User
from tests.web.wizard import CSRF
from tests.web.wizard import Visitor
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world

LABEL = "GEHEIM-LABEL 2016"
MARK = "INBRAAK-TEKST"
DAY = datetime.date(2026, 9, 15)
# What a colleague the case is shared with may open (GET) or post to; everything else of the
# case is the owner's. A page added later is owner-only until it is listed here.
COLLEAGUE_READS = {
    "casussen.overview",
    "casussen.stap1",
    "casussen.stap4",
    "casussen.stap5",
    "casussen.controleren",
    "casussen.tijdlijn",
    "casussen.vergelijking",
    "casussen.consultatie",
    "casussen.beslissing",
    "casussen.dossier",  # the preview; the PDF download is the owner's
}
COLLEAGUE_POSTS = {"casussen.consultatie"}
HELD_BACK = {
    "casussen.stap4",
    "casussen.stap5",
    "casussen.controleren",
    "casussen.beslissing",
    "casussen.dossier",
}
OWNER_REFUSED = {"casussen.consultatie"}  # the colleague's own page; the owner weighs in stap 4–5
# What a refused post tries to put in: every kind of field the case forms have.
ATTEMPT = {
    "versie": "1",
    "datum": "2026-09-15",
    "label": MARK,
    "waarneming": MARK,
    "advies": MARK,
    "motivatie": MARK,
    "gezegd": MARK,
    "omschrijving": MARK,
    "toelichting": MARK,
    "afspraken": MARK,
    "regio": MARK,
    "met": "collega",
    "vermoeden": "ja",
    "disclosure": "ja",
    "keuze": "volgen",
    "gedaan": "ja",
    "afhankelijken": "ja",
    "geinformeerd": "ja",
    "reden": "veiligheid_professional",
    "klaar": "1",
    "vastgelegd": "y",
}


@dataclass
class World:
    """Two cases of the owner with one record of each list kind, shared with the af."""

    case: str  # artsen: the kindcheck and the KNMG stap 4
    route_case: str  # onderwijs with a staff suspect: the meldplicht route
    keys: dict[str, str]
    app: object = None
    people: object = None


def db(app):
    """Return the app's database."""
    return app.extensions["meldcode_db"]


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    """Create the cases through the pages, their records directly, and share them.

    One world for the module: a refused request changes nothing (each test checks that),
    and what the owner and the colleague may change does not matter to the others.
    """
    wizard_app = fresh_app(tmp_path_factory.mktemp("authorization"))
    people = make_world(wizard_app)
    owner = signed_in(wizard_app, "owner")
    case_id = owner.new_case(label=LABEL, kader="artsen")
    route_case = owner.new_case(label=LABEL, kader="onderwijs")
    records = {
        "signaal": Signaal(datum=DAY, waarneming=f"{LABEL} signaal"),
        "overleg": Overleg(datum=DAY, met="collega", advies=f"{LABEL} advies"),
        "gesprek": Gesprek(datum=DAY, met="moeder", gezegd=f"{LABEL} gesprek"),
        "hulp": Hulp(omschrijving=f"{LABEL} hulp"),
    }

    def work(s):
        user = s.get(User, people.owner)
        found = cases.get_case_for_user(s, case_id, user).case
        keys = {
            kind: cases.add_record(s, db(wizard_app).cipher, found, user, kind, payload).key
            for kind, payload in records.items()
        }
        singles = {
            ("antwoord", "disclosure"): Antwoord(antwoord="nee", motivatie=LABEL),
            ("antwoord", "advies_veilig_thuis"): Antwoord(antwoord="nee", motivatie=LABEL),
            ("antwoord", "vermoeden"): Antwoord(antwoord="ja", motivatie=LABEL),
            ("gesprek_overslaan", ""): GesprekOverslaan(
                reden="veiligheid_professional", toelichting=LABEL
            ),
        }
        for (kind, key), payload in singles.items():
            cases.save_record(s, db(wizard_app).cipher, found, user, kind, key, payload, None)
        route = cases.get_case_for_user(s, route_case, user).case
        # the onderwijs route: a sexual offence by a staff member against a minor pupil
        for key, value in (
            ("pleger_medewerker", "ja"),
            ("vormen", ["seksueel_misbruik"]),
            ("minderjarige_leerling", "ja"),
        ):
            given = Antwoord(antwoord=value, motivatie=LABEL)
            cases.save_record(s, db(wizard_app).cipher, route, user, "antwoord", key, given, None)
        for shared in (found, route):
            cases.share_case(s, shared, user, s.get(User, people.af))
        return keys

    keys = db(wizard_app).run_write(work)
    return World(case_id, route_case, keys, wizard_app, people)


def case_rules(app) -> list:
    """Return every rule of the app that takes a case id."""
    found = [r for r in app.url_map.iter_rules() if "case_id" in r.arguments]
    assert len(found) >= 40
    return sorted(found, key=lambda r: r.rule)


QIDS = {
    "afweging": "vermoeden",
    "stap-1/vraag": "disclosure",
    "stap-2/vraag": "advies_veilig_thuis",
}


def url_of(app, rule, world: World, people) -> tuple[str, str]:
    """Return the case a rule is tried on, and its URL with plausible values for every part."""
    case_id = world.route_case if "step_id" in rule.arguments else world.case
    before = {a: rule.rule.split(f"<{a}>")[0].rstrip("/") for a in rule.arguments}
    values = {"case_id": case_id}
    for name in rule.arguments - {"case_id"}:
        prefix = before[name]
        if name == "key":
            kind = prefix.rsplit("/", 1)[-1]
            values[name] = "kindcheck" if kind == "check" else world.keys[kind]
        elif name == "qid":
            values[name] = next(q for p, q in QIDS.items() if prefix.endswith(p))
        elif name == "step_id":
            values[name] = "aangifte"
        elif name == "user_id":
            values[name] = people.af
        elif name == "number":
            values[name] = 1
        else:
            raise AssertionError(f"add a plausible value for <{name}> of {rule.rule}")
    with app.test_request_context():
        from flask import url_for

        return case_id, url_for(rule.endpoint, **values)


def snapshot(app, case_id: str) -> dict:
    """Return everything stored about a case, to compare before and after."""
    with db(app).reader() as s:
        case = s.get(Case, case_id)
        return {
            "case": {c.name: getattr(case, c.name) for c in Case.__table__.columns},
            "records": sorted(
                (r.id, r.kind, r.key, r.version, r.payload_enc, r.updated_at)
                for r in s.scalars(select(CaseRecord).where(CaseRecord.case_id == case_id))
            ),
            "shares": sorted(
                s.scalars(select(CaseShare.user_id).where(CaseShare.case_id == case_id))
            ),
            "events": sorted(s.scalars(select(CaseEvent.id).where(CaseEvent.case_id == case_id))),
        }


def denials(app, user_id: str, case_id: str) -> int:
    """Return how many refused lookups of a case by a user the audit trail holds."""
    with db(app).reader() as s:
        rows = s.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "denied",
                AuditEntry.actor_id == user_id,
                AuditEntry.object_id == case_id,
            )
        )
        return len(list(rows))


def signed_in(app, who: str) -> Visitor:
    """Return a visitor signed in as ``who``."""
    person = Visitor(app)
    assert person.login(who).status_code == 303
    return person


def token_of(person: Visitor) -> str:
    """Return a valid CSRF token of the visitor's session (from a page they may open)."""
    return CSRF.search(person.page("/account")).group(1)


def requests(app, world, people):
    """Yield (endpoint, method, case id, url) for every case page and method."""
    for rule in case_rules(app):
        case_id, url = url_of(app, rule, world, people)
        for method in sorted(rule.methods & {"GET", "POST"}):
            yield rule.endpoint, method, case_id, url


@pytest.mark.parametrize("who", ["colleague", "stranger", "beheerder", "trainer"])
def test_another_user_gets_404_on_every_case_page_and_changes_nothing(world, who):
    wizard_app, people = world.app, world.people
    person = signed_in(wizard_app, who)
    token = token_of(person)
    user_id = getattr(people, who)
    audited = who != "trainer"  # a trainer never reaches the case lookup: no case pages at all
    tried = 0
    for endpoint, method, case_id, url in requests(wizard_app, world, people):
        before, refusals = snapshot(wizard_app, case_id), denials(wizard_app, user_id, case_id)
        response = person.client.open(url, method=method, data=dict(ATTEMPT, csrf_token=token))
        where = (who, method, url, endpoint)
        assert response.status_code == 404, (*where, response.status_code)
        body = response.get_data(as_text=True)
        assert LABEL not in body and "GEHEIM" not in body, where
        assert snapshot(wizard_app, case_id) == before, where
        if audited:
            assert denials(wizard_app, user_id, case_id) > refusals, ("not audited", *where)
        tried += 1
    assert tried >= 60
    if who != "trainer":
        assert LABEL not in person.page("/casussen")


def test_refused_lookups_are_audited_without_content(world):
    wizard_app, people = world.app, world.people
    stranger = signed_in(wizard_app, "stranger")
    token = token_of(stranger)
    base = f"/casussen/{world.case}"
    before = denials(wizard_app, people.stranger, world.case)
    stranger.client.post(f"{base}/stap-1/signaal/nieuw", data=dict(ATTEMPT, csrf_token=token))
    stranger.get(f"{base}/stap-1/signaal/{world.keys['signaal']}")
    assert denials(wizard_app, people.stranger, world.case) == before + 2
    with db(wizard_app).reader() as s:
        rows = list(
            s.scalars(
                select(AuditEntry)
                .where(AuditEntry.action == "denied", AuditEntry.actor_id == people.stranger)
                .order_by(AuditEntry.id.desc())
                .limit(2)
            )
        )
    for row in rows:
        assert (row.actor_id, row.organisation_id) == (people.stranger, people.other_org)
        assert (row.object_type, row.object_id, row.result) == ("case", world.case, "denied")
        assert row.role == "medewerker" and row.at is not None and row.origin
    with db(wizard_app).reader() as s:
        for row in s.scalars(select(AuditEntry)):
            values = " ".join(str(getattr(row, c.name)) for c in AuditEntry.__table__.columns)
            assert MARK not in values and "GEHEIM" not in values and "signaal" not in values


def test_the_owner_opens_every_case_page(world):
    wizard_app, people = world.app, world.people
    owner = signed_in(wizard_app, "owner")
    # The control: the URLs above are real pages, so their 404s mean "not yours".
    for endpoint, method, _case_id, url in requests(wizard_app, world, people):
        if method != "GET":
            continue
        expected = 403 if endpoint in OWNER_REFUSED else 200
        if endpoint == "casussen.dossier_pdf":
            expected = 202  # asked of the worker: the page that waits for it
        assert owner.get(url).status_code == expected, (url, endpoint)
    token = token_of(owner)
    actions = {r.endpoint for r in case_rules(wizard_app) if not r.methods & {"GET"}}
    assert "casussen.delen_stoppen" in actions
    for endpoint, _method, _case_id, url in requests(wizard_app, world, people):
        if endpoint in actions:  # a button on another page: it acts, then goes back
            response = owner.client.post(url, data={"csrf_token": token, "klaar": "1"})
            assert response.status_code in (200, 303), (url, response.status_code)
    # Stopping to share worked; share again for the other tests of this module.
    assert owner.form(f"/casussen/{world.case}/delen", {"collega": people.af}).status_code == 303


def test_a_shared_colleague_reads_and_thinks_along_but_changes_nothing_else(world):
    wizard_app, people = world.app, world.people
    colleague = signed_in(wizard_app, "af")
    token = token_of(colleague)
    # Pages that show the owner's weighing wait until the colleague's own is done.
    case_urls = list(requests(wizard_app, world, people))
    for endpoint, method, _case_id, url in case_urls:
        if endpoint in HELD_BACK and method == "GET":
            assert colleague.get(url).status_code == 403, url
    finish = {"csrf_token": token, "vermoeden": "ja", "klaar": "y"}
    consult = f"/casussen/{world.case}/consultatie"
    assert colleague.client.post(consult, data=finish).status_code == 303
    for endpoint, method, case_id, url in case_urls:
        before = snapshot(wizard_app, case_id)
        data = dict(ATTEMPT, csrf_token=token, versie="1")  # their consultation, saved once
        response = colleague.client.open(url, method=method, data=data)
        where = (method, url, endpoint, response.status_code)
        allowed = COLLEAGUE_READS if method == "GET" else COLLEAGUE_POSTS
        if endpoint in allowed:
            assert response.status_code in (200, 303), where
            continue
        assert response.status_code in (403, 404), where
        assert snapshot(wizard_app, case_id) == before, where
    own = [r for r in cases_records(wizard_app, world.case) if r.kind == "consultatie"]
    assert [r.key for r in own] == [people.af]  # their own consultation, nothing else


def cases_records(app, case_id: str) -> list:
    """Return a case's decrypted records."""
    with db(app).reader() as s:
        return cases.records(s, db(app).cipher, s.get(Case, case_id))
