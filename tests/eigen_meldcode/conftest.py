"""Fixtures for the organisation's own meldcode: a complete example and the shipped kaders."""

from pathlib import Path

import pytest

from meldcode import paths
from meldcode.eigen_meldcode import EigenMeldcode
from meldcode.eigen_meldcode import load_yaml
from meldcode.kader import Registry

FIXTURES = Path(__file__).parent / "fixtures"
COMPLETE = FIXTURES / "obs-de-linde.yaml"


def complete() -> EigenMeldcode:
    """Return the complete example meldcode of a fictional primary school."""
    return load_yaml(COMPLETE.read_bytes(), str(COMPLETE))


@pytest.fixture(scope="session")
def registry() -> Registry:
    """The shipped kaders."""
    return Registry.load(paths.KADERS_DIR, paths.DATA_ROOT)
