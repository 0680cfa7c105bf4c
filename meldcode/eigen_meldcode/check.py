"""The completeness check: which art. 2 elements are still missing, and what else is advised.

Like ``meldcode kaders check`` for a kader: a meldcode with a missing required element, an
unknown kader or an unknown Veilig Thuis region cannot be adopted (vastgesteld).
"""

from collections.abc import Collection
from dataclasses import dataclass
from dataclasses import field

from meldcode.eigen_meldcode.model import EigenMeldcode
from meldcode.eigen_meldcode.model import Relevant
from meldcode.eigen_meldcode.reference import Element
from meldcode.eigen_meldcode.reference import elementen
from meldcode.eigen_meldcode.reference import veilig_thuis
from meldcode.kader.i18n import _


@dataclass(frozen=True)
class Bevinding:
    """One element that is not filled in, by id, with its definition."""

    id: str
    element: Element


@dataclass
class Resultaat:
    """The outcome of the check: missing required elements, advised ones, and errors."""

    ontbreekt: list[Bevinding] = field(default_factory=list)
    aanbevolen: list[Bevinding] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)

    @property
    def compleet(self) -> bool:
        """Tell whether the meldcode may be adopted: nothing required missing, no errors."""
        return not self.ontbreekt and not self.fouten


def ingevuld(meldcode: EigenMeldcode, veld: str) -> bool:
    """Tell whether a field counts as filled in (text, a list, a region, a ja/nee with text)."""
    value = getattr(meldcode, veld)
    if isinstance(value, Relevant):
        return value.ingevuld()
    return bool(value)


def element_ingevuld(meldcode: EigenMeldcode, element: Element) -> bool:
    """Tell whether every field and role an element needs is there."""
    return all(ingevuld(meldcode, v) for v in element.velden) and all(
        meldcode.met_rol(r) for r in element.rollen
    )


def check(meldcode: EigenMeldcode, kader_ids: Collection[str] | None = None) -> Resultaat:
    """Check a meldcode; ``kader_ids`` (when given) are the kaders this installation knows."""
    result = Resultaat()
    for element_id, element in elementen().elementen.items():
        if element_ingevuld(meldcode, element):
            continue
        found = Bevinding(element_id, element)
        (result.ontbreekt if element.verplicht else result.aanbevolen).append(found)
    result.fouten = fouten(meldcode, kader_ids)
    return result


def fouten(meldcode: EigenMeldcode, kader_ids: Collection[str] | None) -> list[str]:
    """Return what cannot be right whatever else is filled in: unknown or doubled references."""
    problems = []
    if kader_ids is not None:
        for kader_id in meldcode.kaders:
            if kader_id not in kader_ids:
                problems.append(_("onbekend afwegingskader '{id}'").format(id=kader_id))
    if len(set(meldcode.kaders)) != len(meldcode.kaders):
        problems.append(_("een afwegingskader staat twee keer in de lijst"))
    regio = meldcode.veilig_thuis_regio
    if regio is not None and regio not in veilig_thuis().regios:
        problems.append(_("onbekende Veilig Thuis-regio '{id}'").format(id=regio))
    return problems
