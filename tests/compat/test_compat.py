"""Case files written before issue 11 still open and print their dossier with today's kaders.

The files in casusbestanden/ were exported by the version before issue 11 (see README.md);
they are never edited. Each one is read, decided with the kader version it names, and
printed as a PDF; the checks below say what changed for it, and that nothing was lost.
"""

import json
import subprocess
from pathlib import Path

import pytest

from meldcode import paths
from meldcode.casus.casefile import load_yaml
from meldcode.cli import main
from meldcode.dossier.build import build
from meldcode.dossier.build import decide
from meldcode.dossier.render import Renderer
from meldcode.kader import Registry
from meldcode.kader.i18n import using

HERE = Path(__file__).resolve().parent
FILES = sorted((HERE / "casusbestanden").glob("*.yaml"))
BEFORE = json.loads((HERE / "beslissingen-voor-issue-11.json").read_text())


@pytest.fixture(scope="module")
def registry():
    return Registry.load(paths.KADERS_DIR, paths.DATA_ROOT)


@pytest.fixture(scope="module")
def renderer():
    return Renderer()


def open_case(path: Path, registry):
    case = load_yaml(path.read_bytes(), str(path))
    return case, decide(case, registry)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    out = tmp_path / "dossier.pdf"
    out.write_bytes(pdf)
    done = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


def test_the_files_are_the_ones_written_before(registry):
    assert [p.stem for p in FILES] == sorted(BEFORE)
    for path in FILES:
        assert path.read_text().startswith("# Casusbestand van meldcode (formaat meldcode-casus/1)")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_an_old_case_file_opens_and_prints_its_dossier(registry, renderer, path, tmp_path):
    case, decision = open_case(path, registry)
    with using("nl"):
        view = build(case, decision, "nl")
    text = pdf_text(renderer.pdf(view), tmp_path)
    assert "Dossier meldcode" in text
    assert case.casus.label in text
    for record in case.signalen:  # nothing typed is lost
        assert " ".join(record.waarneming.split())[:40] in text
    for done in case.route_stappen.values():  # also steps of a route that no longer applies
        assert done.toelichting in text


def test_the_old_artsen_version_opens_under_its_new_name(registry):
    case, decision = open_case(HERE / "casusbestanden" / "artsen-adviesplicht.yaml", registry)
    assert case.casus.kader.versie == "2019.1"
    assert decision.kader.version == "2018.1"
    assert decision.acties == BEFORE["artsen-adviesplicht"]["acties"]
    view = build(case, decision, "nl")
    assert ("Versie", "2018.1 (vastgelegd als 2019.1)") in view.cover
    # the decision was taken with other kader content: the dossier says so
    assert any("andere inhoud van het afwegingskader" in n for n in view.choice.notes)


def test_physical_violence_by_a_teacher_no_longer_takes_the_statutory_route(registry, tmp_path):
    path = HERE / "casusbestanden" / "onderwijs-docent-fysiek.yaml"
    case, decision = open_case(path, registry)
    assert BEFORE["onderwijs-docent-fysiek"]["route"] == "meldplicht"
    assert decision.route == "meldcode"
    assert decision.acties == ["bevoegd_gezag_informeren", "vertrouwensinspecteur_raadplegen"]
    # the route step recorded then is still printed, marked as no longer applying
    view = build(case, decision, "nl")
    assert any("route die nu niet geldt" in item.heading for item in view.route)


def test_the_houder_alone_now_takes_the_statutory_route(registry):
    _case, decision = open_case(HERE / "casusbestanden" / "kinderopvang-houder.yaml", registry)
    assert BEFORE["kinderopvang-houder"]["route"] == "meldcode"
    assert decision.route == "meldplicht"
    assert "politie_inschakelen" in decision.acties


def test_a_failed_help_path_no_longer_says_help_and_no_help(registry):
    _case, decision = open_case(HERE / "casusbestanden" / "ggz-hulp-mislukt.yaml", registry)
    old = BEFORE["ggz-hulp-mislukt"]
    assert old["hulp"] is False and "hulp_bieden_of_organiseren" in old["acties"]
    assert decision.hulp is False
    assert decision.acties == ["melden_veilig_thuis", "hulp_afstemmen_met_veilig_thuis"]
    assert decision.kader.parent == "psychosociaal 2019.1"  # ggz now builds on its framework


def test_acute_vgv_now_counts_as_acute_unsafety(registry):
    _case, decision = open_case(HERE / "casusbestanden" / "jgz-vgv-acuut.yaml", registry)
    assert BEFORE["jgz-vgv-acuut"]["melden"] is None
    assert decision.melden is True
    assert decision.normen[0] == "vgv_acuut"


def test_no_special_actions_after_no_suspicion(registry):
    case, decision = open_case(HERE / "casusbestanden" / "basis-egg-geen-vermoeden.yaml", registry)
    assert "veilig_thuis_direct_raadplegen" in BEFORE["basis-egg-geen-vermoeden"]["acties"]
    assert decision.acties == ["afsluiten_en_vastleggen"]


def test_the_command_line_prints_an_old_case_file(tmp_path, capsys):
    out = tmp_path / "ggz.pdf"
    path = HERE / "casusbestanden" / "ggz-hulp-mislukt.yaml"
    with pytest.raises(SystemExit) as caught:
        main(["dossier", str(path), "-o", str(out)])
    assert caught.value.code == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "dossier geschreven" in capsys.readouterr().out
