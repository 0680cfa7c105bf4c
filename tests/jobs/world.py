"""A test world for the jobs: accounts, and a case with a canary in its label and its text."""

import datetime
from dataclasses import dataclass

from meldcode.casus.records import Evaluatie
from meldcode.casus.records import Melding
from meldcode.casus.records import Signaal
from meldcode.storage import cases
from meldcode.storage.casefile_io import import_case
from meldcode.storage.models import User
from tests.dossier.conftest import load_case
from tests.web.wizard import make_world

CANARY = "KANARIE5J"


@dataclass
class World:
    """Ids of the people and the case."""

    people: object
    case_id: str


def make_case(app, people, source="onderwijs", canary=CANARY, **dates) -> str:
    """Import an example case for the owner, with canaries in the label and free text."""
    database = app.extensions["meldcode_db"]
    registry = app.extensions["meldcode_registry"]
    casefile = load_case(source)
    kader = registry.get(casefile.casus.kader.id, casefile.casus.kader.versie)

    def put(s, case, owner, kind, payload):
        """Save a single record, over the one the example case may have."""
        found = cases.get_record(s, case, kind, "")
        version = found.version if found else None
        cases.save_record(s, database.cipher, case, owner, kind, "", payload, version)

    def work(s):
        owner = s.get(User, people.owner)
        case = import_case(s, database.cipher, casefile, owner, kader)
        cases.set_label(s, database.cipher, case, owner, f"{canary} label", case.label_version)
        cases.add_record(
            s,
            database.cipher,
            case,
            owner,
            "signaal",
            Signaal(datum=datetime.date(2026, 9, 1), waarneming=f"{canary} gezien"),
        )
        if dates.get("melding"):
            melding = Melding(datum=dates["melding"], regio=f"{canary} regio", toelichting=canary)
            put(s, case, owner, "melding", melding)
        if dates.get("evaluatie"):
            plan = Evaluatie(datum=dates["evaluatie"], afspraken=f"{canary} afspraken")
            put(s, case, owner, "evaluatie", plan)
            case.evaluation_date = dates["evaluatie"]
        return case.id

    return database.run_write(work)


def build_world(app, **dates) -> World:
    """Make the accounts (the colleague reads English) and one case."""
    people = make_world(app)

    def english(s):
        s.get(User, people.colleague).language = "en"

    app.extensions["meldcode_db"].run_write(english)
    return World(people, make_case(app, people, **dates))
