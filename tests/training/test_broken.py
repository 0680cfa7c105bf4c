"""Broken training cases: each file in broken/ fails with the message in expected.yaml.

The message names the file and line, the key path, what is wrong and what is allowed, so a
trainer can fix a case without reading Python.
"""

import difflib
import shutil
from pathlib import Path

import pytest
import yaml

from meldcode import paths
from meldcode.training.check import check_folders

HERE = Path(__file__).resolve().parent
BROKEN = HERE / "broken"
MINIMAL = HERE / "fixtures" / "minimal.yaml"
EXPECTED = yaml.safe_load((BROKEN / "expected.yaml").read_text(encoding="utf-8"))


def check(registry, *folders: Path, required: bool = True):
    """Check folders the way ``meldcode kaders check`` checks a trainers' folder."""
    return check_folders(registry, [(folder, required) for folder in folders])


def messages(result) -> str:
    return "\n".join(str(issue) for issue in result.issues)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_broken_case_fails_with_its_message(registry, tmp_path, name):
    shutil.copy(BROKEN / name, tmp_path / name)
    result = check(registry, tmp_path)
    text = messages(result)
    missing = [part for part in EXPECTED[name]["contains"] if part not in text]
    assert missing == [], text
    assert "Traceback" not in text
    assert result.cases == [] and result.files == 1
    for issue in result.issues:
        assert issue.file and issue.file.endswith(name), issue
        assert issue.message, issue


def test_every_file_in_broken_has_an_expectation():
    files = {p.name for p in BROKEN.iterdir() if p.is_file()} - {"expected.yaml"}
    assert files == set(EXPECTED)
    for name, case in EXPECTED.items():
        assert case["contains"][0].startswith(f"{name}:"), name
        assert len(case["contains"]) >= 3, name


def test_the_minimal_case_is_valid(registry, tmp_path):
    """The errors come from the defects: the case they are made from is fine."""
    shutil.copy(MINIMAL, tmp_path)
    result = check(registry, tmp_path)
    assert messages(result) == ""
    assert [loaded.case.id for loaded in result.cases] == ["minimal"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_broken_case_is_the_minimal_case_with_one_defect(name):
    ours = MINIMAL.read_text(encoding="utf-8").splitlines()[1:]
    theirs = (BROKEN / name).read_text(encoding="utf-8").splitlines()[1:]
    renamed = ("+++", "---", "-id: minimal", f"+id: {name.removesuffix('.yaml')}")
    changed = [
        line
        for line in difflib.unified_diff(ours, theirs, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(renamed)
    ]
    assert 1 <= len(changed) <= 10, changed


def test_all_problems_of_a_folder_come_together(registry, tmp_path):
    """One check lists every broken file, so a trainer fixes them in one go."""
    names = ["yes-answer.yaml", "unknown-kader.yaml", "disagrees-with-engine.yaml"]
    for name in names:
        shutil.copy(BROKEN / name, tmp_path / name)
    shutil.copy(MINIMAL, tmp_path)
    result = check(registry, tmp_path)
    assert {Path(issue.file).name for issue in result.issues} == set(names)
    assert result.files == 4 and len(result.cases) == 1


def test_a_trainers_folder_that_does_not_exist(registry, tmp_path):
    result = check(registry, tmp_path / "weg")
    assert messages(result) == f"{tmp_path / 'weg'}: map bestaat niet"


def test_the_shipped_folder_may_be_absent(registry, tmp_path):
    """An installed package without training cases is not an error; a named folder is."""
    result = check(registry, tmp_path / "weg", required=False)
    assert (result.files, result.issues) == (0, [])


def test_the_same_id_in_two_folders(registry, tmp_path):
    shipped = paths.OEFENCASUSSEN_DIR / "basisschool-onthulling.yaml"
    shutil.copy(shipped, tmp_path)
    result = check(registry, paths.OEFENCASUSSEN_DIR, tmp_path)
    text = messages(result)
    assert len(result.issues) == 1, text
    assert (
        f"{tmp_path / shipped.name}:4: id: oefencasus 'basisschool-onthulling' staat ook in" in text
    )
    assert "oefencasussen/basisschool-onthulling.yaml" in text
