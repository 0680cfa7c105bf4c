"""The case file: a whole case as one documented YAML file (docs/casusbestand.md).

Used to export and import cases between systems, by the dossier renderer (which needs no
database) and by the training mode. Answers use the decision-contract vocabulary.
"""

import datetime
from typing import Literal

import yaml
from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field

from meldcode.casus.records import Beslissing
from meldcode.casus.records import Check
from meldcode.casus.records import Consultatie
from meldcode.casus.records import Evaluatie
from meldcode.casus.records import Gesprek
from meldcode.casus.records import GesprekOverslaan
from meldcode.casus.records import Hulp
from meldcode.casus.records import Informeren
from meldcode.casus.records import Melding
from meldcode.casus.records import Overleg
from meldcode.casus.records import OverlegProfessionals
from meldcode.casus.records import RouteStap
from meldcode.casus.records import Signaal
from meldcode.kader.errors import KaderError
from meldcode.kader.inherit import as_merged
from meldcode.kader.validate import to_model
from meldcode.kader.yamlsafe import load_bytes

FORMAT = "meldcode-casus/1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class KaderRef(_Model):
    """Which kader version the case uses."""

    id: str
    versie: str


class CaseHeader(_Model):
    """The case itself: pseudonymous label, kader, dates, status."""

    label: str = Field(min_length=1, max_length=60)
    zorg_sinds: datetime.date
    kader: KaderRef
    status: Literal["open", "gesloten"] = "open"
    gearchiveerd_op: datetime.date | None = None
    organisatie: str | None = None
    eigenaar: str | None = None
    oefencasus: bool = False


class Consultation(Consultatie):
    """A colleague's in-tool consultation, with who gave it."""

    collega: str


class TimelineEntry(_Model):
    """One event of the case's log: who did what, when (never content)."""

    tijd: datetime.datetime
    wie: str
    wat: str


class MeldcodeContact(_Model):
    """A contact the organisation's meldcode gave the case (role, who, number)."""

    rol: str
    wie: str
    telefoon: str = ""


class MeldcodeRef(_Model):
    """The organisation's own meldcode version the case worked under (export only)."""

    organisatie: str
    versie: int
    vastgesteld_op: datetime.date
    vastgesteld_door: str = ""
    contacten: list[MeldcodeContact] = Field(default_factory=list)


class CaseFile(_Model):
    """A whole case, as exported and imported."""

    formaat: Literal["meldcode-casus/1"] = FORMAT
    casus: CaseHeader
    antwoorden: dict[str, str | list[str]] = Field(default_factory=dict)
    motivaties: dict[str, str] = Field(default_factory=dict)
    signalen: list[Signaal] = Field(default_factory=list)
    checks: dict[str, Check] = Field(default_factory=dict)
    overleg: list[Overleg] = Field(default_factory=list)
    consultaties: list[Consultation] = Field(default_factory=list)
    gesprekken: list[Gesprek] = Field(default_factory=list)
    gesprek_overslaan: GesprekOverslaan | None = None
    overleg_professionals: OverlegProfessionals | None = None
    beslissing: Beslissing | None = None
    informeren: Informeren | None = None
    melding: Melding | None = None
    hulp: list[Hulp] = Field(default_factory=list)
    evaluatie: Evaluatie | None = None
    route_stappen: dict[str, RouteStap] = Field(default_factory=dict)
    stappen_klaar: list[int] = Field(default_factory=list)
    tijdlijn: list[TimelineEntry] = Field(default_factory=list)
    eigen_meldcode: MeldcodeRef | None = None


def dump_yaml(case: CaseFile) -> str:
    """Write a case file as YAML with a header comment."""
    data = case.model_dump(mode="json", exclude_defaults=False)
    head = (
        "# Casusbestand van meldcode (formaat meldcode-casus/1). Vertrouwelijk: bevat de\n"
        "# redenering over een vermoeden van huiselijk geweld of kindermishandeling.\n"
    )
    return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def load_yaml(raw: bytes, name: str = "casus.yaml") -> CaseFile:
    """Read a case file strictly; raise KaderError naming the line of any problem."""
    loaded = load_bytes(raw, name)
    case = to_model(as_merged(loaded), CaseFile)
    if not isinstance(case, CaseFile):  # pragma: no cover - to_model returns the model given
        raise KaderError([])
    return case
