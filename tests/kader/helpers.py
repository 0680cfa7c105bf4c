"""Shared helpers for the rules-core tests: the shipped core kaders, isolated from the rest."""

import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from meldcode import paths
from meldcode.kader import Registry
from meldcode.kader import evaluate
from meldcode.kader.yamlsafe import load_bytes

HERE = Path(__file__).resolve().parent
BROKEN = HERE / "broken"
FIXTURES = HERE / "fixtures"
CORE_KADERS = ("basis.yaml", "onderwijs.yaml")
AFWEGINGEN = ["vermoeden", "veiligheid", "hulp", "acceptatie", "resultaat"]


@lru_cache(maxsize=1)
def core_registry() -> Registry:
    """Load basis and onderwijs on their own, so kaders being written elsewhere do not matter."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in CORE_KADERS:
            shutil.copy(paths.KADERS_DIR / name, folder / name)
        return Registry.load(folder, folder)


def basis():
    return core_registry().get("basis")


def onderwijs():
    return core_registry().get("onderwijs")


def decide(kader, **answers):
    """Evaluate keyword answers against a kader."""
    return evaluate(kader, answers)


def pad(decision) -> list[str]:
    return [f"{s.vraag}={s.antwoord}" for s in decision.pad]


def parse(text: str):
    """Parse YAML text with the strict loader and return the data."""
    return load_bytes(text.encode(), "test.yaml").data
