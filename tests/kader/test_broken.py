"""Broken kaders (OpenFisca style): each file in broken/ fails with the message in expected.yaml.

The message must name the file and line, the key path, and say what is wrong and what is
allowed instead, so a trainer can fix the kader without reading Python.
"""

import shutil
import time

import pytest
import yaml

from meldcode import paths
from meldcode.kader import KaderError
from meldcode.kader import Registry
from meldcode.kader.files import MAX_BYTES
from meldcode.kader.yamlsafe import load_file
from tests.kader.helpers import BROKEN

EXPECTED = yaml.safe_load((BROKEN / "expected.yaml").read_text(encoding="utf-8"))


def setup_case(folder, name: str) -> None:
    """Copy a broken file and the files it needs into ``folder``."""
    folder.mkdir(exist_ok=True)
    shutil.copy(BROKEN / name, folder / name)
    for other in EXPECTED[name].get("with", []):
        source = paths.KADERS_DIR / other if other == "basis.yaml" else BROKEN / other
        shutil.copy(source, folder / other)


def companions() -> set[str]:
    return {o for case in EXPECTED.values() for o in case.get("with", []) if o != "basis.yaml"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_kader_fails_with_its_message(tmp_path, name):
    folder = tmp_path / "kaders"
    setup_case(folder, name)
    with pytest.raises(KaderError) as caught:
        Registry.load(folder, folder)
    message = str(caught.value)
    missing = [part for part in EXPECTED[name]["contains"] if part not in message]
    assert missing == [], message
    assert "Traceback" not in message


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_issue_names_a_file(tmp_path, name):
    folder = tmp_path / "kaders"
    setup_case(folder, name)
    with pytest.raises(KaderError) as caught:
        Registry.load(folder, folder)
    assert caught.value.issues
    for issue in caught.value.issues:
        assert issue.file and issue.file.endswith(".yaml"), issue
        assert issue.message, issue


@pytest.mark.parametrize(
    "needed", sorted({tuple(case.get("with", [])) for case in EXPECTED.values()} - {()})
)
def test_what_the_cases_need_loads_without_them(tmp_path, needed):
    """The error comes from the broken file, not from basis.yaml or a companion."""
    for other in needed:
        source = paths.KADERS_DIR / other if other == "basis.yaml" else BROKEN / other
        shutil.copy(source, tmp_path / other)
    registry = Registry.load(tmp_path, tmp_path)
    assert "basis" in registry.ids()


def test_every_file_in_broken_is_a_case_or_a_companion():
    files = {p.name for p in BROKEN.iterdir() if p.is_file()} - {"expected.yaml"}
    assert files == set(EXPECTED) | companions()
    assert set(EXPECTED).isdisjoint(companions())


def test_every_case_states_file_line_and_words():
    for name, case in EXPECTED.items():
        contains = case["contains"]
        assert all(isinstance(part, str) for part in contains), name
        assert contains[0].startswith(name + ":"), name
        assert len(contains) >= 2, name


def test_billion_laughs_fails_fast():
    start = time.perf_counter()
    with pytest.raises(KaderError, match="ankers en verwijzingen"):
        load_file(BROKEN / "billion_laughs.yaml")
    assert time.perf_counter() - start < 0.05


def test_python_tag_is_never_constructed(capfd):
    with pytest.raises(KaderError, match="YAML-tags"):
        load_file(BROKEN / "python_tag.yaml")
    out, err = capfd.readouterr()
    assert "meldcode-broken-kader" not in out + err


def test_file_over_the_size_cap(tmp_path):
    big = tmp_path / "groot.yaml"
    filler = "# " + "x" * 98 + "\n"
    big.write_text('id: groot\nversion: "1"\n' + filler * (MAX_BYTES // len(filler) + 1))
    size = big.stat().st_size
    assert size > MAX_BYTES
    with pytest.raises(KaderError) as caught:
        Registry.load(tmp_path, tmp_path)
    message = str(caught.value)
    assert "groot.yaml" in message
    # Only the limit plus one byte is read, so the message names the limit, not the size.
    assert f"bestand is groter dan de grens van {MAX_BYTES} bytes" in message


def test_a_file_just_under_the_cap_is_read(tmp_path):
    ok = tmp_path / "ok.yaml"
    text = "id: ok\n"
    ok.write_text(text + "#" * (MAX_BYTES - len(text) - 1) + "\n")
    assert ok.stat().st_size == MAX_BYTES
    assert load_file(ok).data == {"id": "ok"}


def test_all_problems_of_a_folder_come_together(tmp_path):
    """One check lists every broken file, so a trainer fixes them in one go."""
    for name in ("yes_value.yaml", "bad_status.yaml", "cycle.yaml"):
        setup_case(tmp_path, name)
    with pytest.raises(KaderError) as caught:
        Registry.load(tmp_path, tmp_path)
    files = {issue.file for issue in caught.value.issues}
    assert {"yes_value.yaml", "bad_status.yaml", "cycle.yaml"} <= files


def test_an_empty_folder_is_an_error(tmp_path):
    with pytest.raises(KaderError, match=r"geen kaders \(\*\.yaml\) in deze map"):
        Registry.load(tmp_path)


def test_a_kader_that_is_not_a_mapping(tmp_path):
    (tmp_path / "lijst.yaml").write_text("- id: lijst\n")
    with pytest.raises(KaderError, match=r"lijst\.yaml:1: het bestand moet een mapping"):
        Registry.load(tmp_path, tmp_path)
