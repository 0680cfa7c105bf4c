"""Turn a stored case into a case file and back (export, import, dossier, training)."""

import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from meldcode.casus.casefile import CaseFile
from meldcode.casus.casefile import CaseHeader
from meldcode.casus.casefile import Consultation
from meldcode.casus.casefile import KaderRef
from meldcode.casus.casefile import MeldcodeContact
from meldcode.casus.casefile import MeldcodeRef
from meldcode.casus.casefile import TimelineEntry
from meldcode.casus.records import Antwoord
from meldcode.casus.records import Consultatie
from meldcode.casus.records import RouteStap
from meldcode.casus.records import StapKlaar
from meldcode.kader import ResolvedKader
from meldcode.storage import cases
from meldcode.storage import import_checks
from meldcode.storage.crypto import Cipher
from meldcode.storage.models import Case
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.storage.models import utcnow

_SINGLE = (
    "gesprek_overslaan",
    "overleg_professionals",
    "beslissing",
    "informeren",
    "melding",
    "evaluatie",
)
_LISTS = {"signaal": "signalen", "overleg": "overleg", "gesprek": "gesprekken", "hulp": "hulp"}


def export_case(session: Session, cipher: Cipher, case: Case) -> CaseFile:
    """Build the case file of a stored case, including its event log."""
    users = {
        u.id: u
        for u in session.scalars(select(User).where(User.organisation_id == case.organisation_id))
    }
    org = session.get(Organisation, case.organisation_id)
    data: dict = {
        "casus": CaseHeader(
            label=cases.label_of(cipher, case),
            zorg_sinds=case.worry_date,
            kader=KaderRef(id=case.kader_id, versie=case.kader_version),
            status=case.status,
            gearchiveerd_op=case.archived_at.date() if case.archived_at else None,
            organisatie=org.name if org else None,
            eigenaar=users[case.owner_id].email if case.owner_id in users else None,
        ),
        "antwoorden": {},
        "motivaties": {},
        "checks": {},
        "consultaties": [],
        "route_stappen": {},
        "stappen_klaar": [],
    }
    for name in _LISTS.values():
        data[name] = []
    for rec in cases.records(session, cipher, case):
        p = rec.payload
        if rec.kind == "antwoord":
            if p.antwoord is not None:
                data["antwoorden"][rec.key] = p.antwoord
            if p.motivatie:
                data["motivaties"][rec.key] = p.motivatie
        elif rec.kind in _LISTS:
            data[_LISTS[rec.kind]].append(p)
        elif rec.kind == "check":
            data["checks"][rec.key] = p
        elif rec.kind == "consultatie":
            who = users.get(rec.key)
            data["consultaties"].append(
                Consultation(collega=who.email if who else rec.key, **p.model_dump())
            )
        elif rec.kind == "route_stap":
            data["route_stappen"][rec.key] = p
        elif rec.kind == "stap_klaar" and p.klaar:
            data["stappen_klaar"].append(int(rec.key))
        elif rec.kind in _SINGLE:
            data[rec.kind] = p
    data["stappen_klaar"].sort()
    data["tijdlijn"] = [
        TimelineEntry(
            tijd=e.at,
            wie=users[e.actor_id].email if e.actor_id in users else "-",
            wat=e.action
            + (f" ({e.subject})" if e.subject and e.subject in _PUBLIC_SUBJECTS else ""),
        )
        for e in cases.events(session, case)
    ]
    data["eigen_meldcode"] = meldcode_ref(session, case)
    return CaseFile(**data)


def meldcode_ref(session: Session, case: Case) -> MeldcodeRef | None:
    """Return the organisation's meldcode version the case works under, with its contacts."""
    from meldcode.eigen_meldcode import contacts_used
    from meldcode.storage import eigen_meldcode

    row = eigen_meldcode.for_case(session, case)
    if row is None:
        return None
    meldcode = eigen_meldcode.as_model(session, row)
    return MeldcodeRef(
        organisatie=meldcode.organisatie,
        versie=row.version,
        vastgesteld_op=row.adopted_at.date(),
        vastgesteld_door=meldcode.vastgesteld_door,
        contacten=[
            MeldcodeContact(rol=c.soort, wie=c.wie, telefoon=c.telefoon)
            for c in contacts_used(meldcode)
        ],
    )


_PUBLIC_SUBJECTS = {
    "vermoeden",
    "veiligheid",
    "hulp",
    "acceptatie",
    "resultaat",
    "disclosure",
    "vormen",
    "pleger_medewerker",
    "seksueel_misbruik_recent",
    "vgv_acuut",
}


def import_case(
    session: Session, cipher: Cipher, casefile: CaseFile, owner: User, kader: ResolvedKader
) -> Case:
    """Store a case file as a new case owned by ``owner``; return the case.

    Raises ImportRefused when the file reaches into another organisation or its label looks
    like personal data (meldcode.storage.import_checks).
    """
    import_checks.check(session, casefile, session.get(Organisation, owner.organisation_id))
    head = casefile.casus
    case = cases.create_case(session, cipher, owner, head.label, head.zorg_sinds, kader)
    case.status = head.status
    if head.status == "gesloten":
        # A closed case starts its retention period: from its archive date, else from now.
        case.archived_at = utcnow()
        if head.gearchiveerd_op is not None:
            archived = datetime.datetime.combine(head.gearchiveerd_op, datetime.time())
            case.archived_at = min(archived, case.archived_at)

    def put(kind: str, key: str, payload) -> None:
        """Store one record of the imported case."""
        cases.save_record(session, cipher, case, owner, kind, key, payload, None)

    questions = set(casefile.antwoorden) | set(casefile.motivaties)
    for qid in sorted(questions):
        put(
            "antwoord",
            qid,
            Antwoord(
                antwoord=casefile.antwoorden.get(qid), motivatie=casefile.motivaties.get(qid, "")
            ),
        )
    for kind, name in _LISTS.items():
        for payload in getattr(casefile, name):
            cases.add_record(session, cipher, case, owner, kind, payload)
    for key, check in casefile.checks.items():
        put("check", key, check)
    for consultation in casefile.consultaties:
        body = Consultatie(**consultation.model_dump(exclude={"collega"}))
        # Kept as a note of the importer under the address it names, never as a colleague's
        # own consultation: a file cannot make an account here say it gave advice.
        put("consultatie", "extern:" + consultation.collega[:56], body)
    for key, step in casefile.route_stappen.items():
        put("route_stap", key, RouteStap(**step.model_dump()))
    for number in casefile.stappen_klaar:
        put("stap_klaar", str(number), StapKlaar(klaar=True))
    for kind in _SINGLE:
        payload = getattr(casefile, kind)
        if payload is not None:
            put(kind, "", payload)
    cases.log_event(session, case, owner, "casus_geimporteerd")
    return case


def with_names(session: Session, casefile: CaseFile, organisation_id: str) -> CaseFile:
    """Return the case file with people shown by name instead of e-mail address.

    The exported file names people by address (that is how an import finds them again); a
    dossier that people read shows their names.
    """
    names = {
        u.email: u.name
        for u in session.scalars(select(User).where(User.organisation_id == organisation_id))
        if u.name
    }
    head = casefile.casus
    return casefile.model_copy(
        update={
            "casus": head.model_copy(
                update={"eigenaar": names.get(head.eigenaar or "", head.eigenaar)}
            ),
            "consultaties": [
                c.model_copy(update={"collega": names.get(c.collega, c.collega)})
                for c in casefile.consultaties
            ],
            "tijdlijn": [
                e.model_copy(update={"wie": names.get(e.wie, e.wie)}) for e in casefile.tijdlijn
            ],
        }
    )
