"""Trainers' own cases: a folder in the configuration, shown in the app, checked by the CLI."""

import io
import sys
from pathlib import Path

import pytest

from meldcode import paths
from meldcode.cli import main
from meldcode.kader.i18n import using
from tests.training_web.helpers import complete
from tests.training_web.helpers import join
from tests.web.wizard import Visitor
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world

SHIPPED_COUNT = len(list(paths.OEFENCASUSSEN_DIR.glob("*.yaml")))  # besides one own case

SHIPPED = paths.OEFENCASUSSEN_DIR / "kinderopvang-vermoeden-weggenomen.yaml"


def own_case(folder: Path, case_id: str, title: str = "Eigen casus over de schommel") -> Path:
    """Write a trainer's own case: a shipped one under a new id and title."""
    folder.mkdir(parents=True, exist_ok=True)
    text = SHIPPED.read_text().replace("id: kinderopvang-vermoeden-weggenomen", f"id: {case_id}", 1)
    start = text.index("title:")
    end = text.index("summary:")
    text = text[:start] + f"title:\n  nl: {title}\n  en: {title}\n" + text[end:]
    path = folder / f"{case_id}.yaml"
    path.write_text(text)
    return path


def run_cli(capsys, monkeypatch, *args) -> tuple[int, str]:
    """Run ``meldcode ARGS`` in this process; return its exit code and what it printed."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with using("nl"), pytest.raises(SystemExit) as caught:
        main(list(args))
    out, err = capsys.readouterr()
    return caught.value.code, out + err


def test_an_own_case_can_be_started_and_completed(tmp_path):
    folder = tmp_path / "mijn-casussen"
    own_case(folder, "eigen-schommel")
    (folder / "kapot.yaml").write_text("format: meldcode-oefencasus/1\nid: kapot\n")
    app = fresh_app(tmp_path, OEFENCASUSSEN_DIR=str(folder))
    make_world(app)
    trainer = Visitor(app)
    trainer.login("trainer")
    page = trainer.page("/oefensessies/")
    assert "Eigen casus over de schommel" in page
    assert "Een leerling vertelt het aan de juf" in page  # the shipped ones stay
    assert "1 eigen oefencasus(sen) zijn overgeslagen" in page
    # Each case names its kader by title, never by its id.
    assert "Kader: Afwegingskader meldcode onderwijs en leerplicht" in page
    assert "Kader: onderwijs " not in page and "Kader: sociaal-domein" not in page
    from tests.training_web.helpers import start

    _sid, code = start(trainer, "eigen-schommel")
    person = join(app, code)
    complete(person, lambda qid: "kindermishandeling" if qid == "vormen" else "nee")
    assert "Eigen casus over de schommel" in person.page("/oefenen/uitkomst")


def test_kaders_check_reads_the_folder_from_the_instance_config(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "mijn-casussen"
    own_case(folder, "eigen-schommel")
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "config.py").write_text(f"OEFENCASUSSEN_DIR = {str(folder)!r}\n")
    monkeypatch.setenv("MELDCODE_INSTANCE_PATH", str(instance))
    monkeypatch.delenv("MELDCODE_OEFENCASUSSEN_DIR", raising=False)
    code, printed = run_cli(capsys, monkeypatch, "kaders", "check")
    assert code == 0, printed
    assert f"{SHIPPED_COUNT + 1} oefencasussen: in orde" in printed
    broken = folder / "eigen-schommel.yaml"
    broken.write_text(broken.read_text().replace("answer: nee", "answer: misschien", 1))
    code, printed = run_cli(capsys, monkeypatch, "kaders", "check")
    assert code == 1
    assert "eigen-schommel.yaml:" in printed and "misschien" in printed


def test_the_environment_variable_wins_over_the_config(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "via-omgeving"
    own_case(folder, "eigen-omgeving")
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "config.py").write_text("OEFENCASUSSEN_DIR = '/bestaat/niet'\n")
    monkeypatch.setenv("MELDCODE_INSTANCE_PATH", str(instance))
    monkeypatch.setenv("MELDCODE_OEFENCASUSSEN_DIR", str(folder))
    code, printed = run_cli(capsys, monkeypatch, "kaders", "check")
    assert code == 0, printed
    assert f"{SHIPPED_COUNT + 1} oefencasussen: in orde" in printed


def test_the_readme_example_is_a_sound_case(tmp_path):
    import re

    from meldcode.kader import Registry
    from meldcode.training.check import check_folders

    readme = (paths.PACKAGE_DIR.parent / "README.md").read_text()
    section = readme[readme.index("## Eigen oefencasussen") :]
    example = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    case_id = re.search(r"^id: (\S+)$", example, re.M).group(1)
    (tmp_path / f"{case_id}.yaml").write_text(example)
    registry = Registry.load(paths.KADERS_DIR, paths.DATA_ROOT)
    result = check_folders(registry, [(tmp_path, True)])
    assert [str(i) for i in result.issues] == [] and len(result.cases) == 1
