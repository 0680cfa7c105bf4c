"""What a case holds, record by record: signals, consultations, conversations, answers, decisions.

Each kind of record has a payload model. The database stores one row per record (encrypted
payload, its own version for optimistic locking); the case file export lists them. Field
names are the domain's Dutch words; free text is capped so a dossier stays printable.
"""

import datetime
from typing import Annotated
from typing import Literal

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field
from pydantic import StringConstraints

from meldcode.kader.words import OVERLEG_MET

FreeText = Annotated[str, StringConstraints(max_length=20000)]
ShortText = Annotated[str, StringConstraints(max_length=200)]
JaNee = Literal["ja", "nee"]
JaNeeOnbekend = Literal["ja", "nee", "onbekend"]


class Payload(BaseModel):
    """Base of every record payload: unknown keys are refused."""

    model_config = ConfigDict(extra="forbid")


class Signaal(Payload):
    """Stap 1: an observation, with facts apart from interpretation."""

    datum: datetime.date
    waarneming: Annotated[str, StringConstraints(min_length=1, max_length=20000)]
    interpretatie: FreeText = ""
    waargenomen_door: ShortText = ""
    categorie: ShortText = ""
    tegenindicatie: FreeText = ""
    letsel: bool = False
    letsel_plaats: ShortText = ""
    letsel_aard: FreeText = ""


class Antwoord(Payload):
    """An answer to a question of the kader (an afweging or an input such as ``vormen``)."""

    antwoord: JaNee | list[str] | None = None
    motivatie: FreeText = ""


class Check(Payload):
    """Stap 1: a kindcheck or mantelzorgverleningscheck."""

    afhankelijken: JaNeeOnbekend
    aantal: int | None = Field(default=None, ge=0, le=30)
    leeftijden: ShortText = ""
    zorgt_alleen: JaNeeOnbekend = "onbekend"
    toelichting: FreeText = ""


class Overleg(Payload):
    """Stap 2: a consultation (a colleague, Veilig Thuis, an injury expert …)."""

    datum: datetime.date
    met: Literal[tuple(OVERLEG_MET)]  # the codes the core names (meldcode.kader.words)
    wie: ShortText = ""
    anoniem: bool = False
    advies: Annotated[str, StringConstraints(min_length=1, max_length=20000)]


class Consultatie(Payload):
    """Stap 2: a colleague's advice and independent answers to the afwegingen, in the tool."""

    advies: FreeText = ""
    antwoorden: dict[str, JaNee] = Field(default_factory=dict)
    motivaties: dict[str, FreeText] = Field(default_factory=dict)
    klaar: bool = False


class Gesprek(Payload):
    """Stap 3: a conversation with the person(s) involved."""

    datum: datetime.date
    met: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    gezegd: Annotated[str, StringConstraints(min_length=1, max_length=20000)]
    reactie: FreeText = ""
    afspraken: FreeText = ""


class GesprekOverslaan(Payload):
    """Stap 3 skipped, only with one of the kader's reason codes."""

    reden: ShortText
    toelichting: Annotated[str, StringConstraints(min_length=1, max_length=20000)]


class OverlegProfessionals(Payload):
    """KNMG stap 4: consultation with other professionals and a signal to the Verwijsindex."""

    datum: datetime.date | None = None
    met: FreeText = ""
    verwijsindex: JaNeeOnbekend = "onbekend"
    toelichting: FreeText = ""


class Beslissing(Payload):
    """Stap 5: what the professional decided, next to what the kader concluded."""

    volgt_uitkomst: bool
    melden: bool | None = None
    hulp: bool | None = None
    motivatie: FreeText = ""
    datum: datetime.date
    uitkomst: dict = Field(default_factory=dict)


class Informeren(Payload):
    """Informing the client before melden, or the exception that applied."""

    geinformeerd: JaNee
    datum: datetime.date | None = None
    wie: ShortText = ""
    hoe: ShortText = ""
    reactie: FreeText = ""
    bezwaren: FreeText = ""
    pogingen: FreeText = ""
    uitzondering: ShortText = ""
    toelichting: FreeText = ""


class Melding(Payload):
    """The melding at Veilig Thuis."""

    datum: datetime.date
    regio: ShortText
    referentie: ShortText = ""
    toelichting: FreeText = ""


class Hulp(Payload):
    """Help offered or organised."""

    omschrijving: Annotated[str, StringConstraints(min_length=1, max_length=20000)]
    door: ShortText = ""
    startdatum: datetime.date | None = None


class Evaluatie(Payload):
    """The follow-up: when afweging 5 is weighed, and the agreements."""

    datum: datetime.date
    afspraken: FreeText = ""


class RouteStap(Payload):
    """A step of a route other than the meldcode (e.g. the meldplicht)."""

    gedaan: bool = False
    datum: datetime.date | None = None
    toelichting: FreeText = ""


class StapKlaar(Payload):
    """The professional marked a step as done."""

    klaar: bool


KINDS: dict[str, tuple[type[Payload], bool]] = {
    # kind: (payload model, many records per case?)
    "signaal": (Signaal, True),
    "antwoord": (Antwoord, False),
    "check": (Check, False),
    "overleg": (Overleg, True),
    "consultatie": (Consultatie, False),
    "gesprek": (Gesprek, True),
    "gesprek_overslaan": (GesprekOverslaan, False),
    "overleg_professionals": (OverlegProfessionals, False),
    "beslissing": (Beslissing, False),
    "informeren": (Informeren, False),
    "melding": (Melding, False),
    "hulp": (Hulp, True),
    "evaluatie": (Evaluatie, False),
    "route_stap": (RouteStap, False),
    "stap_klaar": (StapKlaar, False),
}


def payload_model(kind: str) -> type[Payload]:
    """Return the payload model of a record kind."""
    return KINDS[kind][0]
