"""An installed wheel finds its data folders (kaders, templates, static, translations)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from meldcode import paths

ROOT = paths.PACKAGE_DIR.parent


@pytest.mark.slow
def test_installed_wheel_finds_its_data(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("meldcode-*.whl"))
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    probe = (
        "import json; from meldcode import paths; from meldcode.kader import Registry;"
        "r = Registry.load(paths.KADERS_DIR);"
        "print(json.dumps({'paths': paths.describe(), 'file': paths.__file__,"
        " 'kaders': r.ids()}))"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(out.stdout)
    installed = target / "meldcode"
    assert Path(found["file"]).parent == installed
    for name in ("kaders", "scenarios", "templates", "static", "translations", "oefencasussen"):
        where = Path(found["paths"][name])
        assert where.is_relative_to(installed / "_data"), name
        assert where.is_dir(), name
    assert "basis" in found["kaders"]
    assert (installed / "_data" / "static" / "fonts" / "NotoSans-Regular.ttf").is_file()
