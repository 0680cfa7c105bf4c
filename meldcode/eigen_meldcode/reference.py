"""The data every organisation's meldcode is checked against: art. 2 elements, Veilig Thuis.

Both live in YAML beside this module (rules are data, never Python) and are read with the
core's strict loader and validated like a kader, once per process.
"""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field

from meldcode.kader.inherit import as_merged
from meldcode.kader.model_parts import NonEmpty
from meldcode.kader.model_parts import SourceDocument
from meldcode.kader.model_parts import Status
from meldcode.kader.model_parts import Strict
from meldcode.kader.model_parts import Text
from meldcode.kader.validate import to_model
from meldcode.kader.yamlsafe import load_file

HERE = Path(__file__).resolve().parent
NATIONAL_NUMBER = "0800-2000"
Veld = Literal[
    "kaders",
    "taakverdeling",
    "bijzondere_vormen",
    "verwijsindex",
    "kindcheck",
    "vertrouwelijkheid",
    "veilig_thuis_regio",
    "sociale_kaart",
    "bestuur",
    "scholing_en_evaluatie",
    "doel_en_reikwijdte",
]
RolVeld = Literal["aandachtsfunctionaris", "beslisser_melden", "bevoegd_gezag"]


class BronRef(Strict):
    """Where in a source document an element is written."""

    document: str
    section: NonEmpty


class Element(Strict):
    """One element a meldcode contains: the law's (verplicht) or the usual templates'."""

    artikel: str
    verplicht: bool
    velden: list[Veld] = Field(default_factory=list)
    rollen: list[RolVeld] = Field(default_factory=list)
    label: Text
    uitleg: Text
    bron: BronRef
    status: Status


class Elementen(Strict):
    """The element list with its sources."""

    bronnen: dict[str, SourceDocument]
    elementen: dict[str, Element]


class Regio(Strict):
    """A regional Veilig Thuis organisation."""

    naam: NonEmpty
    naam_status: Status
    bron: NonEmpty | None = None
    eigen_nummer: NonEmpty | None = None  # only when the region's own page confirms one


class Landelijk(Strict):
    """The national Veilig Thuis number, which reaches every region."""

    telefoon: NonEmpty
    status: Status
    bron: SourceDocument
    aantal_bron: SourceDocument


class VeiligThuis(Strict):
    """The national number and the regions."""

    landelijk: Landelijk
    regios: dict[str, Regio]

    def telefoon(self, regio_id: str | None) -> str:
        """Return the number to call for a region: its own when confirmed, else 0800-2000."""
        regio = self.regios.get(regio_id or "")
        return regio.eigen_nummer if regio and regio.eigen_nummer else self.landelijk.telefoon


@lru_cache(maxsize=1)
def elementen() -> Elementen:
    """Return the art. 2 elements and the advised ones, read once."""
    found = to_model(as_merged(load_file(HERE / "elementen.yaml")), Elementen)
    assert isinstance(found, Elementen)  # noqa: S101 - to_model returns the model given
    return found


@lru_cache(maxsize=1)
def veilig_thuis() -> VeiligThuis:
    """Return the Veilig Thuis regions, read once."""
    found = to_model(as_merged(load_file(HERE / "veilig_thuis.yaml")), VeiligThuis)
    assert isinstance(found, VeiligThuis)  # noqa: S101
    return found
