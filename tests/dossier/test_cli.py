"""``meldcode dossier CASEFILE -o OUT.pdf [--taal nl|en]``, without any database."""

import subprocess

from tests.cli.conftest import cli  # noqa: F401 - fixture
from tests.dossier.conftest import CASES


def test_renders_a_case_file_in_english(cli, tmp_path):  # noqa: F811
    out = tmp_path / "dossier.pdf"
    result = cli("dossier", str(CASES / "knmg.yaml"), "-o", str(out), "--taal", "en")
    assert result.code == 0, result.err
    assert str(out) in result.out
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Confidential" in text and "M.K., 34 jaar" in text
    assert not list(tmp_path.glob("*.sqlite3"))


def test_a_broken_case_file_is_one_line_and_exit_code_2(cli, tmp_path):  # noqa: F811
    broken = tmp_path / "casus.yaml"
    broken.write_text("formaat: meldcode-casus/1\ncasus: {label: X}\nonbekend: 1\n")
    result = cli("dossier", str(broken), "-o", str(tmp_path / "x.pdf"))
    assert result.code == 2
    assert "Traceback" not in result.err and result.err.strip()
    assert len(result.err.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_a_missing_case_file_says_so(cli, tmp_path):  # noqa: F811
    result = cli("dossier", str(tmp_path / "nergens.yaml"), "-o", str(tmp_path / "x.pdf"))
    assert result.code == 2
    assert "nergens.yaml" in result.err
