import io
import sys
from dataclasses import dataclass

import pytest

from meldcode import paths
from meldcode.cli import main
from meldcode.kader import Registry
from meldcode.kader.i18n import using


@pytest.fixture(autouse=True)
def dutch_messages():
    """Messages are checked in Dutch, whatever MELDCODE_TAAL says."""
    with using("nl"):
        yield


@pytest.fixture(scope="session")
def registry():
    """Every shipped kader: the training cases use them all."""
    return Registry.load(paths.KADERS_DIR, paths.DATA_ROOT)


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run ``meldcode ARGS`` in this process."""

    def run(*args: str) -> Run:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
        with using("nl"), pytest.raises(SystemExit) as caught:
            main(list(args))
        out, err = capsys.readouterr()
        return Run(caught.value.code, out, err)

    return run
