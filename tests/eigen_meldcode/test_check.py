"""The completeness check names each missing art. 2 element; the file format is strict."""

import ast
from pathlib import Path

import pytest

from meldcode.eigen_meldcode import EigenMeldcode
from meldcode.eigen_meldcode import check
from meldcode.eigen_meldcode import contacts_for_step
from meldcode.eigen_meldcode import dump_yaml
from meldcode.eigen_meldcode import load_yaml
from meldcode.eigen_meldcode.model import Relevant
from meldcode.eigen_meldcode.reference import elementen
from meldcode.eigen_meldcode.reference import veilig_thuis
from meldcode.kader import KaderError
from meldcode.kader.i18n import using
from tests.eigen_meldcode.conftest import complete

KADERS = ["basis", "onderwijs", "artsen"]
# How to take each required element out of a complete meldcode.
REMOVE = {
    "stappenplan": {"kaders": []},
    "afwegingskader": {"kaders": []},
    "taakverdeling": {"taakverdeling": []},
    "beslisser_melden": "beslisser_melden",
    "bijzondere_vormen": {"bijzondere_vormen": Relevant()},
    "verwijsindex": {"verwijsindex": Relevant(van_toepassing="nee")},
    "kindcheck": {"kindcheck": Relevant(tekst="Alleen tekst, geen keuze.")},
    "vertrouwelijkheid": {"vertrouwelijkheid": ""},
}


def without(meldcode: EigenMeldcode, element: str) -> EigenMeldcode:
    """Return the meldcode with one element removed."""
    change = REMOVE[element]
    if isinstance(change, str):
        return meldcode.model_copy(
            update={"rollen": [r for r in meldcode.rollen if r.rol != change]}
        )
    return meldcode.model_copy(update=change)


def test_the_complete_example_passes():
    result = check(complete(), KADERS)
    assert result.compleet
    assert result.ontbreekt == [] and result.aanbevolen == [] and result.fouten == []


def test_every_required_element_is_covered_here():
    required = {k for k, e in elementen().elementen.items() if e.verplicht}
    assert required == set(REMOVE)
    assert {"stappenplan", "afwegingskader", "beslisser_melden", "vertrouwelijkheid"} <= required


@pytest.mark.parametrize("element", sorted(REMOVE))
def test_the_check_names_each_missing_element(element):
    result = check(without(complete(), element), KADERS)
    assert not result.compleet
    named = {b.id for b in result.ontbreekt}
    # The kaders carry both the stappenplan and the afwegingskader; all else is one element.
    expected = (
        {"stappenplan", "afwegingskader"}
        if element in ("stappenplan", "afwegingskader")
        else {element}
    )
    assert named == expected
    assert all(
        b.element.label.nl and b.element.artikel.startswith("art. 2") for b in result.ontbreekt
    )


def test_an_empty_meldcode_misses_every_required_element_and_advises_the_rest():
    result = check(EigenMeldcode(), KADERS)
    assert {b.id for b in result.ontbreekt} == set(REMOVE)
    assert {b.id for b in result.aanbevolen} == {
        k for k, e in elementen().elementen.items() if not e.verplicht
    }


def test_a_function_without_a_name_counts_but_an_empty_role_does_not():
    meldcode = complete()
    roles = [
        r.model_copy(update={"naam": "", "functie": ""}) if r.rol == "beslisser_melden" else r
        for r in meldcode.rollen
    ]
    assert "beslisser_melden" in {
        b.id for b in check(meldcode.model_copy(update={"rollen": roles})).ontbreekt
    }
    roles = [r.model_copy(update={"naam": ""}) for r in meldcode.rollen]
    assert check(meldcode.model_copy(update={"rollen": roles}), KADERS).compleet


def test_unknown_kader_region_and_doubled_kader_are_errors():
    meldcode = complete().model_copy(
        update={
            "kaders": ["onderwijs", "onderwijs", "tandartsen"],
            "veilig_thuis_regio": "atlantis",
        }
    )
    result = check(meldcode, KADERS)
    assert not result.compleet
    assert any("tandartsen" in f for f in result.fouten)
    assert any("atlantis" in f for f in result.fouten)
    assert any("twee keer" in f for f in result.fouten)


def test_the_file_round_trip_keeps_everything():
    meldcode = complete()
    again = load_yaml(dump_yaml(meldcode).encode(), "again.yaml")
    assert again == meldcode
    assert dump_yaml(again) == dump_yaml(meldcode)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("formaat: meldcode-eigen/1\nkaderz: [onderwijs]\n", "kaderz"),
        ("formaat: meldcode-eigen/1\nbijzondere_vormen: {van_toepassing: yes}\n", "ja/nee"),
        ("formaat: meldcode-eigen/1\nvertrouwelijkheid: !!python/object x\n", "tags"),
        ("formaat: meldcode-eigen/1\nbestuur: a\nbestuur: b\n", "twee keer"),
        ("formaat: meldcode-eigen/2\n", "formaat"),
        ("formaat: meldcode-eigen/1\nrollen: [{rol: baas, naam: X}]\n", "rol"),
        ("formaat: meldcode-eigen/1\nrollen: [{rol: anders, telefoon: bel mij}]\n", "telefoon"),
    ],
)
def test_a_broken_file_is_refused_with_its_line(text, where):
    with pytest.raises(KaderError) as caught:
        load_yaml(text.encode(), "kapot.yaml")
    message = str(caught.value)
    assert "kapot.yaml:" in message
    assert where in message


def test_contacts_per_step_come_from_the_meldcode():
    meldcode = complete()
    step1 = contacts_for_step(meldcode, 1)
    assert [c.soort for c in step1] == ["aandachtsfunctionaris"]
    assert (
        step1[0].wie == "Fatima Haddou (intern begeleider)" and step1[0].telefoon == "010-555 12 34"
    )
    step2 = contacts_for_step(meldcode, 2)
    assert [c.soort for c in step2] == [
        "aandachtsfunctionaris",
        "veilig_thuis",
        "sociale_kaart",
        "sociale_kaart",
    ]
    assert step2[1].wie == "Veilig Thuis Rotterdam Rijnmond" and step2[1].telefoon == "0800-2000"
    assert contacts_for_step(meldcode, 5)[0].soort == "beslisser_melden"
    assert [c.soort for c in contacts_for_step(meldcode, "meldplicht")] == [
        "bevoegd_gezag",
        "vertrouwensinspecteur",
    ]


def test_without_a_meldcode_every_step_still_points_to_veilig_thuis():
    for step in (1, 2, 3, 4, 5, "meldplicht"):
        found = contacts_for_step(None, step)
        assert [(c.soort, c.telefoon) for c in found] == [("veilig_thuis", "0800-2000")]


def test_the_regions_are_the_26_veilig_thuis_organisations():
    data = veilig_thuis()
    assert len(data.regios) == 26
    assert data.landelijk.telefoon == "0800-2000" and data.landelijk.status == "bevestigd"
    names = [r.naam for r in data.regios.values()]
    assert len(set(names)) == 26 and all(n.startswith("Veilig Thuis ") for n in names)
    # No region's own number is confirmed: every region shows the national number.
    assert {data.telefoon(rid) for rid in data.regios} == {"0800-2000"}
    assert all(r.bron for r in data.regios.values() if r.naam_status == "bevestigd")


def test_element_labels_exist_in_both_languages():
    for element in elementen().elementen.values():
        assert element.label.nl != element.label.en
    with using("en"):
        assert check(EigenMeldcode(veilig_thuis_regio="x")).fouten == [
            "unknown Veilig Thuis region 'x'"
        ]


def test_the_package_imports_only_the_core_and_pydantic():
    allowed = ("meldcode.kader", "meldcode.eigen_meldcode", "pydantic", "yaml")
    folder = Path(__file__).resolve().parents[2] / "meldcode" / "eigen_meldcode"
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                top = name.split(".")[0]
                assert name.startswith(allowed) or top in {
                    "collections",
                    "dataclasses",
                    "datetime",
                    "functools",
                    "pathlib",
                    "typing",
                }, (path.name, name)
