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


def test_an_answer_the_kader_does_not_ask_counts_nowhere_as_on_the_web(cli, tmp_path):  # noqa: F811
    # A case file from elsewhere may answer a question its kader version does not ask; the
    # dossier is still printed, and decided on the answers that count, as every page does.
    source = (CASES / "onderwijs.yaml").read_text()
    extra = tmp_path / "casus.yaml"
    extra.write_text(source.replace("antwoorden:\n", "antwoorden:\n  vraag_van_elders: ja\n", 1))
    texts = []
    for name, file in (("plain", CASES / "onderwijs.yaml"), ("extra", extra)):
        out = tmp_path / f"{name}.pdf"
        result = cli("dossier", str(file), "-o", str(out))
        assert result.code == 0, result.err
        run = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True)
        texts.append(run.stdout)
    plain, with_extra = (t[t.index("Beslissing") :] for t in texts)
    assert "Melden" in plain and plain.split("Herkomst")[0] == with_extra.split("Herkomst")[0]
