"""A small fictional case, printed once at start so the first real download is not slower."""

import datetime
from functools import lru_cache

from meldcode import paths
from meldcode.casus.casefile import CaseFile
from meldcode.dossier.build import Dossier
from meldcode.dossier.build import build
from meldcode.dossier.build import decide
from meldcode.kader import Registry
from meldcode.kader import UnknownKader

SAMPLE = {
    "casus": {
        "label": "X.Y., 2000",
        "zorg_sinds": "2026-01-05",
        "kader": {"id": "basis", "versie": "2019.1"},
        "organisatie": "Voorbeeld",
        "eigenaar": "voorbeeld@example.org",
        "oefencasus": True,
    },
    "antwoorden": {"vermoeden": "ja", "veiligheid": "nee", "hulp": "ja", "acceptatie": "ja"},
    "motivaties": {"vermoeden": "Fictief voorbeeld, alleen om het opmaken op te warmen."},
    "signalen": [
        {
            "datum": "2026-01-05",
            "waarneming": "Fictief signaal.",
            "interpretatie": "Fictieve interpretatie.",
            "tegenindicatie": "Fictief.",
            "letsel": True,
            "letsel_plaats": "arm",
        }
    ],
    "overleg": [{"datum": "2026-01-06", "met": "veilig_thuis", "advies": "Fictief advies."}],
    "consultaties": [
        {"collega": "c@example.org", "antwoorden": {"vermoeden": "nee"}, "klaar": True}
    ],
    "gesprekken": [{"datum": "2026-01-07", "met": "ouder", "gezegd": "Fictief gesprek."}],
    "beslissing": {"volgt_uitkomst": True, "datum": "2026-01-08"},
    "melding": {"datum": "2026-01-08", "regio": "Voorbeeld"},
    "hulp": [{"omschrijving": "Fictieve hulp.", "startdatum": "2026-01-09"}],
    "evaluatie": {"datum": "2026-03-01", "afspraken": "Fictief."},
    "tijdlijn": [{"tijd": "2026-01-05T09:00:00", "wie": "voorbeeld", "wat": "casus_aangemaakt"}],
}


@lru_cache(maxsize=1)
def _shipped() -> Registry:
    """Return the kaders shipped with the project (loaded once)."""
    return Registry.load(paths.KADERS_DIR, paths.DATA_ROOT)


def sample_view(registry: Registry | None = None, language: str = "nl") -> Dossier:
    """Return the dossier view of the fictional warm-up case (shipped kaders by default)."""
    case = CaseFile.model_validate(SAMPLE)
    try:
        decision = decide(case, registry) if registry is not None else None
    except UnknownKader:  # an app run with its own kader folder, without the basis
        decision = None
    if decision is None:
        decision = decide(case, _shipped())
    return build(case, decision, language, datetime.date(2026, 1, 10))
