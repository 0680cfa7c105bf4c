"""A consulted colleague finds no trace of the owner's weighing or outcome before finishing.

Every page is read from ``app.url_map`` (as the authorization tests do), so a page added later
is covered at once: the owner's outcome, a canary in every record of the weighing and the
follow-up, must not be on any page the colleague opens, nor the words that say an outcome,
nor a link or a form that would answer 403. Once the colleague has finished, the same walk
finds the canaries: the control that shows the walk can see them.
"""

import datetime
import re

import pytest

from meldcode.casus.records import Antwoord
from meldcode.casus.records import Beslissing
from meldcode.casus.records import Evaluatie
from meldcode.casus.records import Gesprek
from meldcode.casus.records import Hulp
from meldcode.casus.records import Informeren
from meldcode.casus.records import Melding
from meldcode.casus.records import Overleg
from meldcode.casus.records import RouteStap
from meldcode.casus.records import Signaal
from meldcode.storage import cases
from meldcode.storage.models import User
from tests.web.test_authorization import World
from tests.web.test_authorization import case_rules
from tests.web.test_authorization import db
from tests.web.test_authorization import signed_in
from tests.web.test_authorization import url_of
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world

CANARY = "UITKOMST-KANARIE"
EVALUATION = datetime.date(2031, 3, 17)
DAY = datetime.date(2026, 9, 15)
# Words that tell the outcome, whatever the answers: the decision box of the overview, the
# "nog niet beslist, beantwoord eerst…" line, the next action of the case list.
OUTCOME_WORDS = (
    "Melden bij Veilig Thuis:",
    "Hulp bieden of organiseren:",
    "Nog niet beslist",
    "Beantwoord eerst",
    "Beslissing vastleggen",
    "17 maart 2031",
    "Evaluatie afweging 5",
    "Wat je nu doet:",  # what stap 1's answers set in motion (an overruling norm)
    # The task list's box and "what is still open" (issue 13 §1)
    "Wat het afwegingskader tot nu toe zegt",
    "Beslissing 1: melden bij Veilig Thuis",
    "Beslissing 2: hulp bieden of organiseren",
    "nog te bepalen samen met Veilig Thuis",
    "Melding bij Veilig Thuis vastleggen",
    "Op deze route gelden de afwegingen",
)
LINK = re.compile(r'(href|action)="(/casussen/[^"#]*)"')


def _outcome(s, app, found, user) -> None:
    """Store the owner's weighing, decision and follow-up, each with the canary."""
    cipher = db(app).cipher
    kader = app.extensions["meldcode_registry"].get(found.kader_id, found.kader_version)
    for qid in [*kader.model.afwegingen(), "advies_veilig_thuis"]:
        given = Antwoord(antwoord="ja", motivatie=f"{CANARY} {qid}")
        cases.save_record(s, cipher, found, user, "antwoord", qid, given, None)
    singles = {
        "beslissing": Beslissing(
            volgt_uitkomst=False, melden=True, hulp=True, motivatie=CANARY, datum=DAY
        ),
        "melding": Melding(datum=DAY, regio=CANARY, toelichting=CANARY),
        "informeren": Informeren(geinformeerd="ja", reactie=CANARY),
        "evaluatie": Evaluatie(datum=EVALUATION, afspraken=CANARY),
    }
    for kind, payload in singles.items():
        cases.save_record(s, cipher, found, user, kind, "", payload, None)
    cases.save_record(
        s, cipher, found, user, "route_stap", "aangifte", RouteStap(toelichting=CANARY), None
    )
    return cases.add_record(s, cipher, found, user, "hulp", Hulp(omschrijving=CANARY)).key


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    """Two cases of the owner with a recorded outcome, shared with the colleague (af)."""
    app = fresh_app(tmp_path_factory.mktemp("independent"))
    people = make_world(app)
    owner = signed_in(app, "owner")
    case_id = owner.new_case(kader="onderwijs")
    route_case = owner.new_case(kader="onderwijs")

    def work(s):
        user = s.get(User, people.owner)
        cipher = db(app).cipher
        keys = {}
        for one in (case_id, route_case):
            found = cases.get_case_for_user(s, one, user).case
            facts = {
                "signaal": Signaal(datum=DAY, waarneming="een blauwe plek"),
                "overleg": Overleg(datum=DAY, met="collega", advies="goed kijken"),
                "gesprek": Gesprek(datum=DAY, met="moeder", gezegd="gevallen"),
            }
            for kind, payload in facts.items():
                keys[kind] = cases.add_record(s, cipher, found, user, kind, payload).key
            told = Antwoord(antwoord="ja", motivatie="het kind vertelde het")  # a stap 1 fact
            cases.save_record(s, cipher, found, user, "antwoord", "disclosure", told, None)
            keys["hulp"] = _outcome(s, app, found, user)
            cases.share_case(s, found, user, s.get(User, people.af))
        return keys

    keys = db(app).run_write(work)
    return World(case_id, route_case, keys, app, people)


def walk(world: World, person) -> dict:
    """Open every GET page of the cases (and the case list); return {url: (status, body)}."""
    seen = {"/casussen": person.get("/casussen")}
    for rule in case_rules(world.app):
        if "GET" in rule.methods:
            _case_id, url = url_of(world.app, rule, world, world.people)
            seen[url] = person.get(url)
    return {url: (r.status_code, r.get_data(as_text=True)) for url, r in seen.items()}


def test_the_colleague_finds_no_trace_of_the_outcome_before_finishing(world):
    colleague = signed_in(world.app, "af")
    pages = walk(world, colleague)
    opened = [url for url, (status, _body) in pages.items() if status == 200]
    assert len(opened) >= 5, opened  # the overview, stap 1, the timeline, their own page …
    for url, (status, body) in pages.items():
        assert CANARY not in body, (url, status)
        if status != 200:
            continue
        for words in OUTCOME_WORDS:
            assert words not in body, (url, words)
        for what, target in LINK.findall(body):
            target = target.replace("&amp;", "&")
            if what == "action":  # the only thing they may post is their own consultation
                assert target.endswith("/consultatie"), (url, target)
            elif "/static/" not in target:
                answer = colleague.get(target)
                assert answer.status_code not in (403, 404), (url, target, answer.status_code)


def test_the_timeline_shows_the_facts_but_no_answer_to_an_afweging(world):
    colleague = signed_in(world.app, "af")
    page = colleague.page(f"/casussen/{world.case}/tijdlijn")
    assert "Signaal toegevoegd" in page and "Gesprek toegevoegd" in page
    for hidden in ("Beslissing", "Melding", "Hulp", "Evaluatie", "Informeren"):
        assert f"{hidden} toegevoegd" not in page, hidden
    assert page.count("Antwoord toegevoegd") == 1  # stap 1's disclosure; no afweging
    owner = signed_in(world.app, "owner")
    assert owner.page(f"/casussen/{world.case}/tijdlijn").count("Antwoord toegevoegd") > 3
    assert "Wat je nu doet:" in owner.page(f"/casussen/{world.case}/stap-1")
    assert "Beslissing toegevoegd" in owner.page(f"/casussen/{world.case}/tijdlijn")


def test_once_finished_the_colleague_sees_the_owners_outcome(world):
    """The control: the walk above would have found the canary and the words."""
    colleague = signed_in(world.app, "af")
    finish = {"vermoeden": "nee", "vermoeden_motivatie": "eigen oordeel", "klaar": "y"}
    for case_id in (world.case, world.route_case):
        assert colleague.form(f"/casussen/{case_id}/consultatie", finish).status_code == 303
    pages = walk(world, colleague)
    assert any(CANARY in body for status, body in pages.values() if status == 200)
    overview = pages[f"/casussen/{world.case}"][1]
    assert "Beslissing 1: melden bij Veilig Thuis" in overview
