"""``meldcode kaders list | show | check``."""

import json
import shutil

import pytest

from meldcode import paths
from tests.kader.helpers import BROKEN

AFWEGINGEN_NL = ["Vermoeden", "Veiligheid", "Hulp", "Acceptatie", "Resultaat"]
AFWEGINGEN_EN = ["Suspicion", "Safety", "Help", "Acceptance", "Result"]


def test_list(cli):
    run = cli("kaders", "list")
    assert (run.code, run.err) == (0, "")
    lines = run.out.splitlines()
    basis = next(line for line in lines if line.startswith("basis "))
    onderwijs = next(line for line in lines if line.startswith("onderwijs "))
    assert "2019.1" in basis and "2019-01-01" in basis and "gedeeltelijk" in basis
    assert "Afwegingskader meldcode onderwijs en leerplicht" in onderwijs
    assert lines[0].startswith("basis ")


def test_list_of_another_folder(cli, kaders_dir):
    run = cli("kaders", "list", "--kaders", str(kaders_dir))
    assert run.code == 0
    assert [line.split()[0] for line in run.out.splitlines()] == ["basis", "onderwijs"]


@pytest.mark.parametrize(
    ("taal", "labels", "title"),
    [
        ("nl", AFWEGINGEN_NL, "Basismodel meldcode huiselijk geweld en kindermishandeling"),
        ("en", AFWEGINGEN_EN, "National model reporting code for domestic violence"),
    ],
)
def test_show_basis(cli, taal, labels, title):
    run = cli("kaders", "show", "basis", "--taal", taal)
    assert (run.code, run.err) == (0, "")
    text = run.out
    assert text.splitlines()[0].startswith(title)
    for number, label in enumerate(labels, start=1):
        assert f"- {number} {label}: " in text, label
    for source in ("basisdocument", "knmg_meldcode", "antwoorden_juli_2026"):
        assert f"  {source}: " in text
    assert "Rijksoverheid" in text
    assert "basis 2019.1" in text


def test_show_onderwijs_names_its_parent_and_route(cli):
    run = cli("kaders", "show", "onderwijs")
    assert run.code == 0
    assert "bouwt voort op basis 2019.1" in run.out
    assert "meldplicht: Meldplicht (vermoeden tegen een medewerker)" in run.out
    assert "  kader_onderwijs: " in run.out


def test_show_as_json(cli):
    run = cli("kaders", "show", "basis", "--json")
    assert run.code == 0
    data = json.loads(run.out)
    assert data["id"] == "basis"
    assert data["start"] == "vermoeden"
    assert set(data["questions"]) >= {"vermoeden", "veiligheid", "hulp", "acceptatie", "resultaat"}


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["zorg"], "onbekend kader 'zorg'. Bekend: basis"),
        (["basis", "--versie", "1"], "kader 'basis' heeft geen versie '1'"),
        (["basis", "--datum", "2000-01-01"], "kader 'basis' had op 2000-01-01 geen geldige versie"),
        (["basis", "--datum", "morgen"], "ongeldige datum 'morgen'"),
    ],
)
def test_show_bad_input(cli, args, words):
    run = cli("kaders", "show", *args)
    assert run.code == 2
    assert run.err.count("\n") == 1
    assert words in run.err


def test_check_the_shipped_folder(cli):
    run = cli("kaders", "check")
    assert run.code == 0, run.err
    assert run.err == ""
    assert "in orde" in run.out


def test_check_the_shipped_folder_by_name(cli_process):
    run = cli_process("kaders", "check", str(paths.KADERS_DIR))
    assert run.code == 0, run.err
    assert "kaderversies" in run.out and "in orde" in run.out


def test_check_a_broken_folder(cli_process, tmp_path):
    shutil.copy(paths.KADERS_DIR / "basis.yaml", tmp_path)
    shutil.copy(BROKEN / "cycle.yaml", tmp_path)
    shutil.copy(BROKEN / "yes_value.yaml", tmp_path)
    run = cli_process("kaders", "check", str(tmp_path))
    assert run.code == 1
    assert run.out == ""
    assert "Traceback" not in run.err
    assert "cycle.yaml:12: questions.resultaat.answers.nee.next: kringloop" in run.err
    assert "yes_value.yaml:4: adviesplicht: 'yes' is in YAML 1.1" in run.err
    assert run.err.splitlines()[-1] == "2 probleem/problemen in de kaders"


def test_check_reports_a_failing_scenario(cli, tmp_path):
    shutil.copy(paths.KADERS_DIR / "basis.yaml", tmp_path)
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "basis.yaml").write_text(
        """\
kader: basis
datum: "2026-01-01"
scenarios:
  - name: Zonder vermoeden wordt er toch gemeld (fout verwacht)
    answers: {vermoeden: nee}
    expect: {route: meldcode, melden: true, hulp: false, acties: [], pad: [vermoeden=nee]}
"""
    )
    run = cli("kaders", "check", str(tmp_path))
    assert run.code == 1
    assert "Zonder vermoeden wordt er toch gemeld" in run.err
    assert "melden: verwacht True, kreeg False" in run.err
    assert "1 scenario's; minstens 10 nodig" in run.err
    assert "geen scenario voor pad vermoeden=ja" in run.err
    assert "Traceback" not in run.err


def test_check_a_folder_without_kaders(cli, tmp_path):
    run = cli("kaders", "check", str(tmp_path))
    assert run.code == 1
    assert "geen kaders (*.yaml) in deze map" in run.err


def test_list_shows_every_framework(cli):
    run = cli("kaders", "list")
    ids = {line.split()[0] for line in run.out.splitlines()}
    assert {
        "artsen",
        "verpleging-verzorging",
        "paramedici",
        "logopedie",
        "verloskundigen",
        "psychosociaal",
        "justitie",
        "ggz",
        "jgz",
        "sociaal-domein",
    } <= ids
    artsen = [line for line in run.out.splitlines() if line.startswith("artsen ")]
    assert [line.split()[1] for line in artsen] == ["2018.1", "2023.1"]


def test_beroepen(cli):
    run = cli("kaders", "beroepen")
    assert (run.code, run.err) == (0, "")
    lines = run.out.splitlines()
    assert lines[0] == "Gezondheidszorg"
    logopedist = next(line for line in lines if line.strip().startswith("Logopedist"))
    assert logopedist.split()[-1] == "logopedie"
    assert "GGZ en verslavingszorg (ggz)" in run.out


def test_beroepen_in_english_and_as_json(cli):
    english = cli("kaders", "beroepen", "--taal", "en")
    assert "Speech therapist" in english.out
    data = json.loads(cli("kaders", "beroepen", "--json").out)
    assert data["professions"]["huisarts"]["kader"] == "artsen"
    assert data["settings"]["jgz"]["follows"] == ["verpleging-verzorging", "artsen"]


def test_show_names_what_a_norm_is_and_former_versions(cli):
    run = cli("kaders", "show", "artsen", "--versie", "2018.1")
    assert "Eerdere namen van deze versie: 2019.1" in run.out
    assert "(professionele norm)" in run.out
    assert "Adviesplicht: ja, vóór een melding" in run.out
    para = cli("kaders", "show", "paramedici").out
    assert "Adviesplicht: ja, in stap 2" in para
    assert "meldplicht_zorgrelatie: " in para and "(wettelijke plicht)" in para


def test_decide_with_a_stored_version_name(cli, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("vermoeden: ja\nveiligheid: ja\n")
    run = cli("decide", "--kader", "artsen", "--versie", "2019.1", str(answers))
    assert json.loads(run.out)["kader"]["versie"] == "2018.1"
    run = cli("decide", "--kader", "artsen", "--datum", "2018-09-01", str(answers))
    assert run.code == 0
    assert json.loads(run.out)["kader"]["geldig_vanaf"] == "2018-07-02"
