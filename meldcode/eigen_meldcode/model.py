"""The organisation's own meldcode as data: what a beheerder fills in, one pydantic model.

Field names are the domain's Dutch words, as in the case file; unknown keys are errors.
Everything may be empty while the meldcode is a concept: :mod:`check` names what is
still missing before it can be adopted (vastgesteld).
"""

import datetime
from typing import Annotated
from typing import Literal

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field
from pydantic import StringConstraints

FORMAT = "meldcode-eigen/1"
MAX_TEXT = 20000

Tekst = Annotated[str, StringConstraints(strict=True, max_length=MAX_TEXT)]
Kort = Annotated[str, StringConstraints(strict=True, max_length=200)]
# Digits with the usual separators; no letters, so nothing but a number reaches a tel: link.
Telefoon = Annotated[str, StringConstraints(strict=True, max_length=40, pattern=r"^[0-9+()\- ]*$")]
Email = Annotated[
    str, StringConstraints(strict=True, max_length=254, pattern=r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$")
]
KaderId = Annotated[
    str, StringConstraints(strict=True, pattern=r"^[a-z][a-z0-9-]*$", max_length=40)
]
RegioId = Annotated[
    str, StringConstraints(strict=True, pattern=r"^[a-z][a-z0-9-]*$", max_length=60)
]

ROLLEN = ("aandachtsfunctionaris", "beslisser_melden", "bevoegd_gezag", "vertrouwensinspecteur")
RolSoort = Literal[
    "aandachtsfunctionaris", "beslisser_melden", "bevoegd_gezag", "vertrouwensinspecteur", "anders"
]
STAPPEN = ("stap1", "stap2", "stap3", "stap4", "stap5")
Stap = Literal["stap1", "stap2", "stap3", "stap4", "stap5"]


class _Model(BaseModel):
    """Base of every part: no unknown keys, stripped text."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Rol(_Model):
    """A role in the meldcode with the person or function who holds it."""

    rol: RolSoort
    naam: Kort = ""  # a person's name, or left empty when only the function is named
    functie: Kort = ""  # e.g. "intern begeleider", "directeur"
    telefoon: Telefoon = ""
    email: Email = ""
    taken: Tekst = ""

    def genoemd(self) -> bool:
        """Tell whether someone is named: a person or at least a function."""
        return bool(self.naam or self.functie)


class Taak(_Model):
    """What one group of staff does in the meldcode (art. 2: who does what)."""

    groep: Kort
    taken: Tekst


class Adres(_Model):
    """An entry of the sociale kaart: a local organisation and what it offers."""

    naam: Kort
    telefoon: Telefoon = ""
    aanbod: Tekst = ""


class Relevant(_Model):
    """An element the law asks for 'where relevant': whether it applies, and how (or why not)."""

    van_toepassing: Literal["ja", "nee"] | None = None
    tekst: Tekst = ""

    def ingevuld(self) -> bool:
        """Tell whether the question is answered and explained."""
        return self.van_toepassing is not None and bool(self.tekst)


class EigenMeldcode(_Model):
    """The organisation's own part of its meldcode; the kader supplies the rest."""

    formaat: Literal["meldcode-eigen/1"] = FORMAT
    organisatie: Kort = ""  # export only: import uses the target organisation
    versie: int | None = Field(default=None, ge=1)  # export only: the adopted version
    vastgesteld_op: datetime.date | None = None  # export only
    vastgesteld_door: Kort = ""  # the body that adopts it, e.g. the school board
    doel_en_reikwijdte: Tekst = ""
    kaders: list[KaderId] = Field(default_factory=list, max_length=8)
    stappen: dict[Stap, Tekst] = Field(default_factory=dict)
    rollen: list[Rol] = Field(default_factory=list, max_length=40)
    taakverdeling: list[Taak] = Field(default_factory=list, max_length=40)
    bijzondere_vormen: Relevant = Field(default_factory=Relevant)
    verwijsindex: Relevant = Field(default_factory=Relevant)
    kindcheck: Relevant = Field(default_factory=Relevant)
    vertrouwelijkheid: Tekst = ""
    bestuur: Tekst = ""
    scholing_en_evaluatie: Tekst = ""
    veilig_thuis_regio: RegioId | None = None
    sociale_kaart: list[Adres] = Field(default_factory=list, max_length=60)

    def met_rol(self, rol: str) -> list[Rol]:
        """Return the named people or functions holding ``rol``."""
        return [r for r in self.rollen if r.rol == rol and r.genoemd()]

    def inhoud(self) -> "EigenMeldcode":
        """Return the content only, without the export metadata (organisation, version, date)."""
        return self.model_copy(update={"organisatie": "", "versie": None, "vastgesteld_op": None})
