"""``meldcode kaders check`` checks the shipped training cases and a trainers' folder."""

import shutil
from pathlib import Path

import pytest

from meldcode import paths

HERE = Path(__file__).resolve().parent
SHIPPED = len(list(paths.OEFENCASUSSEN_DIR.glob("*.yaml")))
ENV = "MELDCODE_OEFENCASUSSEN_DIR"


@pytest.fixture
def trainers(tmp_path, monkeypatch):
    """A trainers' folder, named in the environment as a trainer would."""
    folder = tmp_path / "eigen-casussen"
    folder.mkdir()
    monkeypatch.setenv(ENV, str(folder))
    return folder


def own_case(folder: Path, case_id: str = "eigen-casus") -> Path:
    """Write a valid case of a trainer's own into ``folder``."""
    text = (HERE / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")
    path = folder / f"{case_id}.yaml"
    path.write_text(text.replace("id: minimal\n", f"id: {case_id}\n"), encoding="utf-8")
    return path


def test_the_check_counts_the_shipped_cases(cli, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    run = cli("kaders", "check")
    assert run.code == 0, run.err
    assert run.err == ""
    assert SHIPPED >= 8
    assert f"{SHIPPED} oefencasussen: in orde\n" in run.out
    assert run.out.splitlines()[-1].endswith("in orde")


def test_a_trainers_folder_is_checked_too(cli, trainers):
    own_case(trainers)
    run = cli("kaders", "check")
    assert run.code == 0, run.err
    assert f"{SHIPPED + 1} oefencasussen: in orde" in run.out


def test_a_broken_case_in_the_trainers_folder_fails_the_check(cli, trainers):
    own_case(trainers)
    shutil.copy(HERE / "broken" / "disagrees-with-engine.yaml", trainers)
    run = cli("kaders", "check")
    assert run.code == 1
    assert "Traceback" not in run.err
    where = trainers / "disagrees-with-engine.yaml"
    assert f"{where}:35: expected.melden: het kader geeft false" in run.err
    assert f"{SHIPPED + 2} oefencasussen: 1 probleem/problemen" in run.err
    assert run.err.splitlines()[-1].endswith("1 probleem/problemen")


def test_a_trainers_folder_that_does_not_exist_fails_the_check(cli, trainers):
    shutil.rmtree(trainers)
    run = cli("kaders", "check")
    assert run.code == 1
    assert f"{trainers}: map bestaat niet" in run.err


def test_a_trainer_cannot_reuse_a_shipped_id(cli, trainers):
    own_case(trainers, "basisschool-onthulling")
    run = cli("kaders", "check")
    assert run.code == 1
    assert "oefencasus 'basisschool-onthulling' staat ook in" in run.err


def test_the_shipped_kaders_by_name_check_the_shipped_cases(cli, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    run = cli("kaders", "check", str(paths.KADERS_DIR))
    assert run.code == 0, run.err
    assert f"{SHIPPED} oefencasussen: in orde" in run.out


def test_another_kaders_folder_checks_only_the_trainers_cases(cli, trainers, tmp_path):
    """The shipped cases are written for the shipped kaders; a draft folder may lack some."""
    kaders = tmp_path / "kaders"
    kaders.mkdir()
    shutil.copy(paths.KADERS_DIR / "basis.yaml", kaders)
    own_case(trainers)
    run = cli("kaders", "check", str(kaders))
    assert run.code == 0, run.err
    assert "1 oefencasussen: in orde" in run.out
    shutil.copy(HERE / "broken" / "unknown-cite.yaml", trainers)
    run = cli("kaders", "check", str(kaders))
    assert run.code == 1
    assert "unknown-cite.yaml:32: model_answers.vermoeden.cites[0]" in run.err
