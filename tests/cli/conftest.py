import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass

import pytest

from meldcode import paths
from meldcode.cli import main
from meldcode.kader.i18n import using

ROOT = paths.PACKAGE_DIR.parent


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run ``meldcode ARGS`` in this process; stdin may be given as text."""

    def run(*args: str, stdin: str | None = None) -> Run:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
        with using("nl"), pytest.raises(SystemExit) as caught:
            main(list(args))
        out, err = capsys.readouterr()
        return Run(caught.value.code, out, err)

    return run


@pytest.fixture
def cli_process():
    """Run ``meldcode ARGS`` as its own process, as a user would."""

    def run(*args: str, stdin: str | None = None) -> Run:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "MELDCODE_TAAL": "nl"}
        env.pop("MELDCODE_DEBUG", None)
        done = subprocess.run(
            [sys.executable, "-c", "from meldcode.cli import main; main()", *args],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=60,
        )
        return Run(done.returncode, done.stdout, done.stderr)

    return run


@pytest.fixture(scope="session")
def kaders_dir(tmp_path_factory):
    """basis and onderwijs on their own, so kaders being written elsewhere do not matter."""
    folder = tmp_path_factory.mktemp("kaders")
    for name in ("basis.yaml", "onderwijs.yaml"):
        shutil.copy(paths.KADERS_DIR / name, folder / name)
    return folder
