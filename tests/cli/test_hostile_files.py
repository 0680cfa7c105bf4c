"""Hostile input files: endless devices, huge and deeply nested files, secrets that must not
be echoed. Each runs the real command in its own process with a memory limit, as a user's
shell would, so a command that reads too much dies instead of taking the machine."""

import os
import resource
import subprocess
import sys
import time

import pytest

from tests.cli.conftest import ROOT

SHADOW = (
    "root:$y$j9T$GEHEIMEZOUT$c2VjcmV0aGFzaHZhbHVlZm9ydGVzdGluZw:20228:0:99999:7:::\n"
    "daemon:*:20228:0:99999:7:::\n"
)
MEMORY = 1024 * 1024 * 1024  # a gigabyte of address space: plenty for the command itself


def run(*args: str, timeout: int = 60) -> tuple[int, str, float]:
    """Run ``meldcode ARGS`` with a memory limit; return exit code, stderr and seconds."""

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    env = {**os.environ, "PYTHONPATH": str(ROOT), "MELDCODE_TAAL": "nl"}
    env.pop("MELDCODE_DEBUG", None)
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", "from meldcode.cli import main; main()", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=timeout,
        preexec_fn=limit,  # noqa: PLW1509 - only sets a resource limit in the child
    )
    return done.returncode, done.stderr, time.monotonic() - began


@pytest.fixture
def huge(tmp_path):
    """A 400 MB file (sparse: it takes no disk space)."""
    path = tmp_path / "groot.yaml"
    with open(path, "wb") as handle:
        handle.truncate(400 * 1024 * 1024)
    return str(path)


@pytest.fixture
def nested(tmp_path):
    """100,000 nested lists, closed again: valid YAML that no loader should recurse into."""
    path = tmp_path / "diep.yaml"
    path.write_text("[" * 100_000 + "]" * 100_000)
    return str(path)


@pytest.mark.parametrize("source", ["/dev/zero", "huge"])
def test_an_endless_or_huge_file_is_refused_after_the_limit(source, request, kaders_dir):
    path = request.getfixturevalue(source) if source == "huge" else source
    for command in (
        ("decide", "--kaders", str(kaders_dir), "--kader", "basis", path),
        ("dossier", path, "-o", os.devnull),
        ("kaders", "check", path if source == "huge" else "/dev/zero"),
    ):
        code, err, seconds = run(*command)
        assert code in (1, 2) and "interne fout" not in err, (command, err)
        assert seconds < 20, (command, seconds)
        if command[0] != "kaders":
            assert "groter dan de grens van 262144 bytes" in err, (command, err)


def test_deep_nesting_is_refused_at_once_with_the_line(nested, kaders_dir):
    for command in (
        ("decide", "--kaders", str(kaders_dir), "--kader", "basis", nested),
        ("dossier", nested, "-o", os.devnull),
    ):
        code, err, seconds = run(*command)
        assert code == 2, (command, err)
        assert "te diep genest: hoogstens 40 niveaus" in err and ":1:" in err, err
        assert seconds < 10, (command, seconds)


def test_no_error_echoes_what_a_file_holds(tmp_path, kaders_dir):
    shadow = tmp_path / "shadow"
    shadow.write_text(SHADOW)
    secret_values = tmp_path / "antwoorden.yaml"
    secret_values.write_text("vermoeden: c2VjcmV0aGFzaHZhbHVl\n")
    for path in (shadow, secret_values):
        for command in (
            ("decide", "--kaders", str(kaders_dir), "--kader", "basis", str(path)),
            ("dossier", str(path), "-o", os.devnull),
        ):
            code, err, _seconds = run(*command)
            assert code == 2, err
            said = err.replace(str(path), "BESTAND")
            for secret in ("root", "GEHEIMEZOUT", "c2VjcmV0aGFzaHZhbHVl", "20228", "daemon"):
                assert secret not in said, (command, said)
            if command[0] == "decide":
                assert "niet getoond" in said, said
