"""The strict YAML loader: plain types, text that stays text, line numbers, and refusals."""

import pytest

from meldcode.kader import KaderError
from meldcode.kader.errors import Issue
from meldcode.kader.errors import dotted
from meldcode.kader.files import MAX_BYTES
from meldcode.kader.yamlsafe import load_bytes
from meldcode.kader.yamlsafe import load_file
from tests.kader.helpers import parse


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", 0),
        ("1", 1),
        ("-3", -3),
        ("+4", 4),
        ("2019", 2019),
        ("2019.1", 2019.1),
        ("0.5", 0.5),
        (".5", 0.5),
        ("1.5e3", 1500.0),
        ("-2.25", -2.25),
    ],
)
def test_numbers(text, value):
    got = parse(f"a: {text}")["a"]
    assert got == value
    assert type(got) is type(value)


@pytest.mark.parametrize("text", ["", "~", "null", "Null", "NULL"])
def test_null(text):
    assert parse(f"a: {text}") == {"a": None}


@pytest.mark.parametrize(
    ("text", "value"),
    [("true", True), ("True", True), ("TRUE", True), ("false", False), ("False", False)],
)
def test_booleans(text, value):
    assert parse(f"a: {text}")["a"] is value


@pytest.mark.parametrize(
    "text",
    ['"1"', "'2019.1'", '"true"', "'null'", '"yes"', "'off'", '""', '"2019-01-01"'],
)
def test_quoted_text_stays_text(text):
    got = parse(f"a: {text}")["a"]
    assert isinstance(got, str)
    assert got == text[1:-1]


@pytest.mark.parametrize(
    "text",
    ["2019-01-01", "0800-2000", "007", "0900-44 45 444", "1e5", "1.2.3", "ja", "nee", "12:30"],
)
def test_dates_phone_numbers_and_other_words_stay_text(text):
    assert parse(f"a: {text}") == {"a": text}


def test_long_and_block_text_stays_text():
    data = parse("a: 123456789012345678901234567890\nb: |\n  yes\nc: >-\n  on\n  off\n")
    assert data == {"a": "123456789012345678901234567890", "b": "yes\n", "c": "on off"}


@pytest.mark.parametrize("word", ["yesterday", "nooit", "online", "offline", "yes please"])
def test_words_that_start_like_a_trap_are_fine(word):
    assert parse(f"a: {word}") == {"a": word}


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "Yes", "NO", "On", "OFF"])
def test_yaml_11_booleans_are_refused_as_value_and_key(word):
    for text in (f"a: {word}", f"{word}: a", f"a:\n  - {word}"):
        with pytest.raises(KaderError) as caught:
            parse(text)
        message = str(caught.value)
        assert f"'{word}' is in YAML 1.1 een ja/nee-waarde" in message
        assert "schrijf ja of nee" in message
        assert "test.yaml:" in message


def test_structures_and_line_numbers():
    text = """\
# a comment
id: basis
questions:
  vermoeden:
    answers:
      ja: {next: veiligheid}
      nee:
        outcome: afsluiten
list:
  - een
  - twee: 2
"""
    loaded = load_bytes(text.encode(), "k.yaml")
    assert loaded.file == "k.yaml"
    assert loaded.data == {
        "id": "basis",
        "questions": {
            "vermoeden": {
                "answers": {"ja": {"next": "veiligheid"}, "nee": {"outcome": "afsluiten"}}
            }
        },
        "list": ["een", {"twee": 2}],
    }
    lines = loaded.lines
    assert lines[("id",)] == 2
    assert lines[("questions",)] == 3
    assert lines[("questions", "vermoeden")] == 4
    assert lines[("questions", "vermoeden", "answers", "ja")] == 6
    assert lines[("questions", "vermoeden", "answers", "ja", "next")] == 6
    assert lines[("questions", "vermoeden", "answers", "nee", "outcome")] == 8
    assert lines[("list", 0)] == 10
    assert lines[("list", 1)] == 11
    assert lines[("list", 1, "twee")] == 11


def test_an_empty_file_is_no_data():
    assert load_bytes(b"", "leeg.yaml").data is None
    assert load_bytes(b"# alleen commentaar\n", "leeg.yaml").data is None


def test_a_json_file_is_read_too():
    assert parse('{"vermoeden": "ja", "vormen": ["vgv"], "n": 1}') == {
        "vermoeden": "ja",
        "vormen": ["vgv"],
        "n": 1,
    }


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("a: 1\na: 2\n", "test.yaml:2: a: sleutel 'a' staat twee keer in deze mapping"),
        ("a: &x 1\nb: *x\n", "test.yaml:1: a: ankers en verwijzingen (& en *)"),
        ("a: !!str 1\n", "test.yaml:1: a: YAML-tags zoals 'tag:yaml.org,2002:str'"),
        ("a: !eigen 1\n", "YAML-tags zoals '!eigen' zijn niet toegestaan"),
        ("<<: {a: 1}\n", "test.yaml:1: samenvoegsleutel '<<' is niet toegestaan"),
        ("1: a\n", "test.yaml:1: sleutel '1' moet tekst zijn"),
        ("true: a\n", "sleutel 'True' moet tekst zijn"),
        ("? [a, b]\n: c\n", "test.yaml:1: een sleutel moet een eenvoudige tekst zijn"),
        ("a: [1, 2\n", "test.yaml:2: geen geldige YAML"),
        ("a: 1\n---\nb: 2\n", "test.yaml:2: één document per bestand"),
        ("a: 'open\n", "geen geldige YAML"),
    ],
)
def test_refusals(text, words):
    with pytest.raises(KaderError) as caught:
        parse(text)
    assert words in str(caught.value)


def test_not_utf8():
    with pytest.raises(KaderError, match="x.yaml: bestand is geen UTF-8-tekst"):
        load_bytes(b"a: caf\xe9\n", "x.yaml")


def test_size_cap():
    with pytest.raises(KaderError, match=f"groter dan de grens van {MAX_BYTES} bytes"):
        load_bytes(b"#" * (MAX_BYTES + 1), "x.yaml")
    assert load_bytes(b"#" * MAX_BYTES, "x.yaml").data is None


def test_unreadable_file(tmp_path):
    with pytest.raises(KaderError, match="weg.yaml: bestand niet te lezen"):
        load_file(tmp_path / "weg.yaml", "weg.yaml")
    with pytest.raises(KaderError, match="bestand niet te lezen"):
        load_file(tmp_path)


def test_load_file_names_the_file_as_shown(tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text("a: yes\n")
    with pytest.raises(KaderError, match=r"^kaders/k\.yaml:1: a: "):
        load_file(path, "kaders/k.yaml")
    with pytest.raises(KaderError, match=str(path)):
        load_file(path)


def test_issue_rendering():
    assert str(Issue("k.yaml", 3, "a.b", "mis")) == "k.yaml:3: a.b: mis"
    assert str(Issue("k.yaml", None, "a", "mis")) == "k.yaml: a: mis"
    assert str(Issue("k.yaml", 3, "", "mis")) == "k.yaml:3: mis"
    assert str(Issue(None, 7, "a", "mis")) == "regel 7: a: mis"
    assert str(Issue(None, None, "", "mis")) == "mis"


def test_kader_error_keeps_every_issue():
    issues = [Issue("a.yaml", 1, "", "een"), Issue("b.yaml", 2, "x", "twee")]
    error = KaderError(issues)
    assert error.issues == issues
    assert str(error) == "a.yaml:1: een\nb.yaml:2: x: twee"


def test_dotted_paths():
    assert dotted(("questions", "vermoeden", "answers", "ja")) == "questions.vermoeden.answers.ja"
    assert dotted(("steps", "stap_5", "afwegingen", 3)) == "steps.stap_5.afwegingen[3]"
    assert dotted((0, "a")) == "[0].a"
    assert dotted(()) == ""


def test_nesting_deeper_than_the_limit_is_refused_with_its_line():
    from meldcode.kader.yamlsafe import MAX_DEPTH

    ok = (
        "a:\n"
        + "".join("  " * d + f"b{d}:\n" for d in range(1, MAX_DEPTH))
        + "  " * MAX_DEPTH
        + "x\n"
    )
    assert load_bytes(ok.encode(), "ok.yaml").data is not None
    with pytest.raises(KaderError, match=r"diep.yaml:2: te diep genest: hoogstens 40 niveaus"):
        load_bytes(b"a:\n  " + b"[" * 100_000 + b"]" * 100_000, "diep.yaml")


@pytest.mark.parametrize(
    ("value", "shown_as"),
    [
        ("vermoeden", "vermoeden"),
        ("Ja", "Ja"),
        (True, "True"),
        ("2019-01-01", "2019-01-01"),
        ("2019.1", "2019.1"),
        (["ja"], "['ja']"),
        ("root:*:20228:0:99999:7::", "[24 tekens, niet getoond]"),
        ("c2VjcmV0aGFzaHZhbHVl", "[20 tekens, niet getoond]"),
        ("deadbeef0123456789", "[18 tekens, niet getoond]"),
        ("Een hele zin uit een casus", "[26 tekens, niet getoond]"),
        ({"a": "x y"}, "[een lijst of mapping, niet getoond]"),
    ],
)
def test_messages_quote_only_vocabulary_from_a_file(value, shown_as):
    from meldcode.kader.errors import shown

    assert shown(value) == shown_as
