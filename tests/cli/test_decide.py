"""``meldcode decide``: the contract as JSON on stdout, or one line on stderr and exit 2."""

import json
import os
import subprocess
import sys

import pytest

ALL_KEYS = {"kader", "route", "melden", "hulp", "afsluiten", "acties", "normen", "pad", "nog_nodig"}


@pytest.fixture
def decide(cli, kaders_dir):
    def run(*args, stdin=None):
        return cli("decide", "--kaders", str(kaders_dir), *args, stdin=stdin)

    return run


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_yaml_answers_from_a_file(decide, tmp_path):
    answers = write(tmp_path, "a.yaml", "vermoeden: ja\nveiligheid: nee\nhulp: nee\n")
    run = decide("--kader", "basis", answers)
    assert (run.code, run.err) == (0, "")
    contract = json.loads(run.out)
    assert ALL_KEYS <= set(contract)
    assert contract["kader"]["id"] == "basis"
    assert contract["kader"]["versie"] == "2019.1"
    assert contract["route"] == "meldcode"
    assert (contract["melden"], contract["hulp"], contract["afsluiten"]) == (True, False, False)
    assert contract["acties"] == ["melden_veilig_thuis"]
    assert [n["id"] for n in contract["normen"]] == ["meldnorm_2"]
    assert [p["vraag"] for p in contract["pad"]] == ["vermoeden", "veiligheid", "hulp"]
    assert contract["nog_nodig"] == []


def test_json_answers_from_a_file(decide, tmp_path):
    answers = write(
        tmp_path, "a.json", json.dumps({"disclosure": "ja", "vermoeden": "ja", "veiligheid": "nee"})
    )
    run = decide("--kader", "onderwijs", answers)
    assert run.code == 0
    contract = json.loads(run.out)
    assert contract["kader"]["id"] == "onderwijs"
    assert contract["kader"]["basis"] == "basis 2019.1"
    assert contract["melden"] is True
    assert contract["hulp"] is None
    assert contract["pad"][1]["overruled_by"] == "disclosure"
    assert contract["pad"][1]["gegeven"] == "nee"
    assert contract["nog_nodig"] == ["hulp"]
    assert contract["acties"][-1] == "top_tot_teen_onderzoek"


def test_answers_from_stdin(decide):
    stdin = "pleger_medewerker: ja\nvormen: [seksueel_misbruik]\nminderjarige_leerling: ja\n"
    run = decide("--kader", "onderwijs", "-", stdin=stdin)
    assert run.code == 0
    contract = json.loads(run.out)
    assert contract["route"] == "meldplicht"
    assert contract["acties"] == ["bevoegd_gezag_informeren", "vertrouwensinspecteur_raadplegen"]
    assert contract["melden"] is None


def test_json_from_stdin_in_a_real_process(cli_process):
    run = cli_process("decide", "--kader", "basis", "-", stdin='{"vermoeden": "nee"}')
    assert (run.code, run.err) == (0, "")
    contract = json.loads(run.out)
    assert contract["afsluiten"] is True
    assert contract["acties"] == ["afsluiten_en_vastleggen"]


def test_an_empty_answers_file_asks_the_first_question(decide, tmp_path):
    run = decide("--kader", "basis", write(tmp_path, "leeg.yaml", ""))
    assert run.code == 0
    assert json.loads(run.out)["nog_nodig"] == ["vermoeden"]


def test_english_and_a_version(decide, tmp_path):
    answers = write(tmp_path, "a.yaml", "vermoeden: nee\n")
    run = decide("--kader", "basis", "--versie", "2019.1", "--taal", "en", answers)
    assert run.code == 0
    titel = json.loads(run.out)["kader"]["titel"]
    assert titel.startswith("National model reporting code")


def test_a_date_picks_the_version(decide, tmp_path):
    run = decide("--kader", "basis", "--datum", "2019-01-01", write(tmp_path, "a.yaml", "{}"))
    assert run.code == 0
    assert json.loads(run.out)["kader"]["geldig_vanaf"] == "2019-01-01"


def test_the_shipped_kaders_by_default(cli, tmp_path):
    run = cli("decide", "--kader", "basis", write(tmp_path, "a.yaml", "vermoeden: ja\n"))
    assert run.code == 0
    assert json.loads(run.out)["nog_nodig"] == ["veiligheid"]


BAD = [
    (["--kader", "zorg"], "vermoeden: ja\n", "onbekend kader 'zorg'. Bekend: basis, onderwijs"),
    (
        ["--kader", "basis"],
        "onthulling: ja\n",
        "onbekende vraag 'onthulling'. Toegestaan: aanbieder_wmo, aanbieder_zorg_jeugd, acceptatie",
    ),
    (
        ["--kader", "basis"],
        "vermoeden: misschien\n",
        "vraag 'vermoeden': waarde 'misschien' is niet toegestaan. Toegestaan: ja, nee",
    ),
    (
        ["--kader", "basis"],
        "vormen: [besnijdenis]\n",
        "waarde 'besnijdenis' is niet toegestaan. Toegestaan: achterlating,",
    ),
    (
        ["--kader", "basis", "--datum", "1-2-2026"],
        "vermoeden: ja\n",
        "ongeldige datum '1-2-2026'; gebruik JJJJ-MM-DD",
    ),
    (
        ["--kader", "basis", "--datum", "2018-12-31"],
        "vermoeden: ja\n",
        "kader 'basis' had op 2018-12-31 geen geldige versie (2019.1: 2019-01-01–)",
    ),
    (
        ["--kader", "basis", "--versie", "2030.1"],
        "vermoeden: ja\n",
        "kader 'basis' heeft geen versie '2030.1'. Versies: 2019.1",
    ),
    (
        ["--kader", "basis"],
        "- vermoeden\n- ja\n",
        "moet een mapping van vraag naar antwoord bevatten",
    ),
    (["--kader", "basis"], "vermoeden: yes\n", "'yes' is in YAML 1.1 een ja/nee-waarde"),
    (["--kader", "basis"], "vermoeden: ja\nvermoeden: nee\n", "staat twee keer"),
    (["--kader", "basis"], '{"vermoeden": true}', "waarde 'True' is niet toegestaan"),
    (["--kader", "basis"], "vermoeden: [ja\n", "geen geldige YAML"),
]


@pytest.mark.parametrize(("args", "text", "words"), BAD, ids=[b[2][:30] for b in BAD])
def test_bad_input_is_one_line_and_exit_2(decide, tmp_path, args, text, words):
    run = decide(*args, write(tmp_path, "a.yaml", text))
    assert run.code == 2
    assert run.out == ""
    assert run.err.startswith("meldcode: ")
    assert run.err.endswith("\n")
    assert run.err.count("\n") == 1, run.err
    assert words in run.err
    assert "Traceback" not in run.err


def test_a_yes_on_stdin_names_stdin(decide):
    run = decide("--kader", "basis", "-", stdin="vermoeden: ja\nveiligheid: no\n")
    assert run.code == 2
    assert run.err == (
        "meldcode: stdin:2: veiligheid: 'no' is in YAML 1.1 een ja/nee-waarde en wordt verkeerd "
        "gelezen; schrijf ja of nee (of zet de tekst tussen aanhalingstekens)\n"
    )


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_an_unreadable_file(decide, tmp_path, kind):
    target = tmp_path / "weg.yaml" if kind == "missing" else tmp_path
    run = decide("--kader", "basis", str(target))
    assert run.code == 2
    assert run.err.count("\n") == 1
    assert f"meldcode: kan '{target}' niet lezen: " in run.err


def test_a_missing_option_is_a_usage_error(decide, tmp_path):
    run = decide(write(tmp_path, "a.yaml", "{}"))
    assert run.code == 2
    assert "--kader" in run.err
    assert "Traceback" not in run.err


@pytest.mark.parametrize(
    ("args", "stdin", "words"),
    [
        (["--kader", "zorg", "-"], "{}", "onbekend kader 'zorg'. Bekend: basis, onderwijs"),
        (["--kader", "basis", "-"], "onthulling: ja", "onbekende vraag 'onthulling'"),
        (["--kader", "basis", "--datum", "gisteren", "-"], "{}", "ongeldige datum 'gisteren'"),
        (["--kader", "basis", "/bestaat/niet.yaml"], None, "kan '/bestaat/niet.yaml' niet lezen"),
    ],
)
def test_no_traceback_in_a_real_process(cli_process, kaders_dir, args, stdin, words):
    run = cli_process("decide", "--kaders", str(kaders_dir), *args, stdin=stdin)
    assert run.code == 2
    assert run.out == ""
    assert run.err.count("\n") == 1, run.err
    assert words in run.err
    assert "Traceback" not in run.err


def test_decide_reads_the_instance_settings_without_importing_flask(tmp_path, kaders_dir):
    """config.py names the kaders folder; Flask and the other commands stay unimported."""
    (tmp_path / "config.py").write_text(f"KADERS_DIR = {str(kaders_dir)!r}\n")
    env = {**os.environ, "MELDCODE_INSTANCE_PATH": str(tmp_path), "MELDCODE_TAAL": "nl"}
    env.pop("MELDCODE_KADERS_DIR", None)
    script = (
        "import sys\n"
        "from meldcode.cli import main\n"
        "try:\n"
        "    main(['decide', '--kader', 'basis', '-'])\n"
        "finally:\n"
        "    heavy = ('flask', 'sqlalchemy', 'meldcode.cli.admin', 'meldcode.cli.kaders')\n"
        "    print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], input="{}", capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["kader"]["id"] == "basis"
    assert done.stderr.strip() == "[]"
    # The folder is the one config.py names, not the shipped one (which has more kaders).
    script = script.replace("'basis'", "'zorg'")
    done = subprocess.run(
        [sys.executable, "-c", script], input="{}", capture_output=True, text=True, env=env
    )
    assert "Bekend: basis, onderwijs" in done.stderr
