"""Resolving ``extends:``: mappings merge, lists and text are replaced, null removes a key,
and every key remembers the file and line it came from."""

import pytest

from meldcode.kader import KaderError
from meldcode.kader.inherit import as_merged
from meldcode.kader.inherit import defined_in
from meldcode.kader.inherit import merge
from meldcode.kader.yamlsafe import load_bytes

OWN = """\
id: kind
version: "1"
title: t
summary: s
valid_from: "2020-01-01"
"""

PARENT = """\
id: ouder
version: "1"
title: ouder
summary: s
valid_from: "2019-01-01"
tekst: van de ouder
weg: dit verdwijnt
lijst: [a, b, c]
map:
  x: 1
  y: 2
  diep:
    p: ouder
    q: ouder
"""

CHILD = (
    OWN
    + """\
tekst: van het kind
weg: null
lijst: [z]
map:
  x: 10
  z: 3
  diep:
    q: kind
nieuw: {a: 1}
"""
)


@pytest.fixture
def parent():
    return as_merged(load_bytes(PARENT.encode(), "ouder.yaml"))


@pytest.fixture
def child():
    return load_bytes(CHILD.encode(), "kind.yaml")


def test_mappings_merge_key_by_key(parent, child):
    merged = merge(parent, child)
    assert merged.data["map"] == {"x": 10, "y": 2, "z": 3, "diep": {"p": "ouder", "q": "kind"}}
    assert merged.data["nieuw"] == {"a": 1}


def test_lists_and_text_are_replaced(parent, child):
    merged = merge(parent, child)
    assert merged.data["lijst"] == ["z"]
    assert merged.data["tekst"] == "van het kind"


def test_null_removes_a_key(parent, child):
    merged = merge(parent, child)
    assert "weg" not in merged.data
    assert ("weg",) not in merged.origins


def test_the_child_states_its_own_header(parent, child):
    merged = merge(parent, child)
    assert merged.data["id"] == "kind"
    assert merged.data["title"] == "t"
    assert merged.files == ["ouder.yaml", "kind.yaml"]
    assert "extends" not in merged.data


def test_the_parent_is_not_changed(parent, child):
    merge(parent, child)
    assert parent.data["map"] == {"x": 1, "y": 2, "diep": {"p": "ouder", "q": "ouder"}}
    assert parent.data["lijst"] == ["a", "b", "c"]
    assert parent.data["weg"] == "dit verdwijnt"


def test_origins_point_at_the_file_and_line(parent, child):
    merged = merge(parent, child)
    assert merged.origin(("map", "x")) == ("kind.yaml", 10)
    assert merged.origin(("map", "y")) == ("ouder.yaml", 11)
    assert merged.origin(("map",)) == ("kind.yaml", 9)
    assert merged.origin(("map", "diep", "p")) == ("ouder.yaml", 13)
    assert merged.origin(("map", "diep", "q")) == ("kind.yaml", 13)
    assert merged.origin(("tekst",)) == ("kind.yaml", 6)
    assert merged.origin(("lijst",)) == ("kind.yaml", 8)
    assert merged.origin(("lijst", 0)) == ("kind.yaml", 8)
    assert merged.origin(("nieuw", "a")) == ("kind.yaml", 14)


def test_a_replaced_list_forgets_the_parents_items(parent, child):
    merged = merge(parent, child)
    assert ("lijst", 2) not in merged.origins
    assert merged.origin(("lijst", 2)) == ("kind.yaml", 8)


def test_origin_falls_back_to_the_nearest_known_parent(parent, child):
    merged = merge(parent, child)
    assert merged.origin(("map", "y", "bestaat", "niet")) == ("ouder.yaml", 11)
    # a key the child removed, or never had, belongs to the child's file
    assert merged.origin(("weg",)) == ("kind.yaml", 1)
    assert merged.origin(("gesprek",)) == ("kind.yaml", 1)


def test_issue_uses_the_origin(parent, child):
    merged = merge(parent, child)
    issue = merged.issue(("map", "diep", "q"), "mis")
    assert str(issue) == "kind.yaml:13: map.diep.q: mis"
    assert str(merged.issue(("map", "y"), "mis")) == "ouder.yaml:11: map.y: mis"


def test_defined_in(parent, child):
    merged = merge(parent, child)
    assert defined_in(merged, ("map",), "kind.yaml")
    assert defined_in(merged, ("map", "diep"), "kind.yaml")
    assert not defined_in(merged, ("map", "y"), "kind.yaml")
    assert defined_in(merged, ("map", "y"), "ouder.yaml")
    assert not defined_in(merged, ("nieuw",), "ouder.yaml")


def test_a_grandchild_merges_on_the_resolved_child(parent, child):
    grandchild = load_bytes(
        (OWN.replace("kind", "kleinkind") + "map: {y: 20}\n").encode(), "kleinkind.yaml"
    )
    merged = merge(merge(parent, child), grandchild)
    assert merged.data["map"]["x"] == 10
    assert merged.data["map"]["y"] == 20
    assert merged.files == ["ouder.yaml", "kind.yaml", "kleinkind.yaml"]
    assert merged.origin(("map", "x")) == ("kind.yaml", 10)
    assert merged.origin(("map", "y")) == ("kleinkind.yaml", 6)


@pytest.mark.parametrize("key", ["id", "version", "title", "summary", "valid_from"])
def test_a_child_must_state_its_own_header(parent, key):
    text = "\n".join(line for line in OWN.splitlines() if not line.startswith(key + ":"))
    child = load_bytes(text.encode(), "kind.yaml")
    with pytest.raises(KaderError) as caught:
        merge(parent, child)
    assert f"kind.yaml:1: een kader dat 'extends' gebruikt moet zelf {key} noemen" == str(
        caught.value
    )


def test_a_single_file_is_its_own_origin():
    merged = as_merged(load_bytes(b"a:\n  b: 1\n", "los.yaml"))
    assert merged.files == ["los.yaml"]
    assert merged.origin(("a", "b")) == ("los.yaml", 2)
    assert merged.origin(("c",)) == ("los.yaml", 1)


def test_onderwijs_builds_on_basis(basis, onderwijs):
    assert onderwijs.parent == "basis 2019.1"
    assert basis.parent is None
    assert onderwijs.files == ("basis.yaml", "onderwijs.yaml")
    assert basis.files == ("basis.yaml",)
    m, b = onderwijs.model, basis.model
    # a mapping merged: stap_2 reworded with its own duties, the other steps kept
    assert m.steps["stap_2"].help.nl != b.steps["stap_2"].help.nl
    assert set(m.steps["stap_2"].duties) == {"aandachtsfunctionaris", "advies_bij_twijfel"}
    assert m.steps["stap_4"] == b.steps["stap_4"]
    # groups that gained entries keep the parent's entries
    assert set(b.norms) < set(m.norms)
    assert "meldplicht_onderwijs" in m.norms
    assert set(b.signal_categories) | {"schoolverzuim"} == set(m.signal_categories)
    assert set(b.sources) < set(m.sources)
    # questions: one added (the pupil's age group), two removed with null (a school is no
    # care or Wmo provider); the rest inherited unchanged
    assert set(m.questions) == (set(b.questions) - {"aanbieder_zorg_jeugd", "aanbieder_wmo"}) | {
        "minderjarige_leerling"
    }
    assert all(m.questions[q] == b.questions[q] for q in m.questions if q in b.questions)
    assert m.title.nl != b.title.nl
    assert set(b.routes) == {"meldplicht_igj", "meldplicht_wmo"}
    assert set(m.routes) == {"meldplicht"}
