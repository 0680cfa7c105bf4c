"""The registry: versions by date, extends resolved by date, newest by default."""

import shutil
from datetime import date

import pytest

from meldcode import paths
from meldcode.kader import KaderError
from meldcode.kader import Registry
from meldcode.kader import UnknownKader
from meldcode.kader import evaluate
from tests.kader.helpers import FIXTURES

FOLDER = FIXTURES / "registry"
PATH_TO_MELDEN = {"vermoeden": "ja", "veiligheid": "nee", "hulp": "nee"}


@pytest.fixture(scope="module")
def registry():
    return Registry.load(FOLDER, FIXTURES)


def test_ids_and_versions(registry):
    assert registry.ids() == ["mini", "minisector"]
    assert [k.version for k in registry.versions("mini")] == ["2020.1", "2022.1"]
    assert [k.label() for k in registry.all()] == [
        "mini 2020.1",
        "mini 2022.1",
        "minisector 2021.1",
    ]
    assert registry.get("mini").files == ("registry/mini-2022.yaml",)


def test_basis_comes_first(basis):
    from tests.kader.helpers import core_registry

    assert core_registry().ids()[0] == "basis"
    assert core_registry().ids() == ["basis", "onderwijs"]


@pytest.mark.parametrize(
    ("day", "version"),
    [
        (date(2020, 1, 1), "2020.1"),
        (date(2021, 12, 31), "2020.1"),
        (date(2022, 1, 1), "2022.1"),
        (date(2040, 6, 1), "2022.1"),
    ],
)
def test_valid_on(registry, day, version):
    assert registry.valid_on("mini", day).version == version


def test_before_the_first_version(registry):
    with pytest.raises(UnknownKader) as caught:
        registry.valid_on("mini", date(2019, 12, 31))
    message = str(caught.value)
    assert "kader 'mini' had op 2019-12-31 geen geldige versie" in message
    assert "2020.1: 2020-01-01–2022-01-01" in message
    assert "2022.1: 2022-01-01–" in message


def test_valid_until_is_the_first_day_it_no_longer_holds(tmp_path):
    shutil.copy(FOLDER / "mini-2020.yaml", tmp_path / "mini-2020.yaml")
    registry = Registry.load(tmp_path, tmp_path)
    assert registry.valid_on("mini", date(2021, 12, 31)).version == "2020.1"
    with pytest.raises(UnknownKader, match="kader 'mini' had op 2022-01-01 geen geldige versie"):
        registry.valid_on("mini", date(2022, 1, 1))


def test_get_returns_the_newest_or_the_version_asked(registry):
    assert registry.get("mini").version == "2022.1"
    assert registry.get("mini", "2020.1").version == "2020.1"
    with pytest.raises(UnknownKader) as caught:
        registry.get("mini", "2019.1")
    assert str(caught.value) == "kader 'mini' heeft geen versie '2019.1'. Versies: 2020.1, 2022.1"


def test_unknown_kader(registry):
    for call in (
        lambda: registry.get("zorg"),
        lambda: registry.versions("zorg"),
        lambda: registry.valid_on("zorg", date(2021, 1, 1)),
    ):
        with pytest.raises(UnknownKader) as caught:
            call()
        assert str(caught.value) == "onbekend kader 'zorg'. Bekend: mini, minisector"
        assert isinstance(caught.value, LookupError)


def test_versions_differ(registry):
    old, new = registry.versions("mini")
    assert old.model.valid_until == date(2022, 1, 1)
    assert new.model.valid_until is None
    assert old.model.title.nl == "Minikader 2020"
    assert new.model.title.nl == "Minikader 2022"
    assert old.sha256 != new.sha256
    contract = evaluate(old, {}).to_contract()
    assert contract["kader"]["geldig_tot"] == "2022-01-01"


def test_extends_resolves_to_the_parent_valid_on_the_childs_valid_from(registry):
    child = registry.get("minisector")
    assert child.parent == "mini 2020.1"
    assert child.files == ("registry/mini-2020.yaml", "registry/minisector.yaml")
    assert child.model.outcomes["afsluiten"].label.nl == "Afsluiten 2020"
    assert child.model.adviesplicht is False
    assert registry.valid_on("minisector", date(2021, 6, 1)) is child
    assert registry.valid_on("minisector", date(2021, 12, 31)) is child
    with pytest.raises(UnknownKader):
        registry.valid_on("minisector", date(2021, 5, 31))


def test_the_child_adds_its_own_action(registry):
    decision = evaluate(
        registry.get("minisector"), {"vermoeden": "ja", "veiligheid": "nee", "hulp": "ja"}
    )
    assert decision.acties == ["sector_actie"]
    assert decision.nog_nodig == ["acceptatie"]
    assert (
        evaluate(
            registry.get("mini"), {"vermoeden": "ja", "veiligheid": "nee", "hulp": "ja"}
        ).acties
        == []
    )


def test_a_later_child_builds_on_the_later_parent(tmp_path):
    for path in FOLDER.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    child = tmp_path / "minisector.yaml"
    child.write_text(
        child.read_text().replace('valid_from: "2021-06-01"', 'valid_from: "2023-01-01"')
    )
    registry = Registry.load(tmp_path, tmp_path)
    later = registry.get("minisector")
    assert later.parent == "mini 2022.1"
    assert later.model.outcomes["afsluiten"].label.nl == "Afsluiten 2022"
    assert later.model.adviesplicht is True


def test_a_child_older_than_every_parent_version_builds_on_the_first(tmp_path):
    # The KNMG afwegingskader (2018-07-02) predates the national model's date of force
    # (2019-01-01): such a child builds on the parent's first version.
    for path in FOLDER.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    child = tmp_path / "minisector.yaml"
    child.write_text(
        child.read_text().replace('valid_from: "2021-06-01"', 'valid_from: "2019-06-01"')
    )
    registry = Registry.load(tmp_path, tmp_path)
    assert registry.get("minisector").parent == "mini 2020.1"


def test_a_version_builds_on_an_earlier_version_of_itself(tmp_path):
    for path in FOLDER.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "minisector-2023.yaml").write_text(
        "id: minisector\nextends: minisector\nversion: '2023.1'\n"
        "title: {nl: Minisector 2023, en: Mini sector 2023}\n"
        "summary: {nl: Later., en: Later.}\nvalid_from: '2023-01-01'\n"
    )
    sector = tmp_path / "minisector.yaml"
    sector.write_text(
        sector.read_text() + 'valid_until: "2023-01-01"\nversion_aliases: ["2021.0"]\n'
    )
    registry = Registry.load(tmp_path, tmp_path)
    later = registry.get("minisector")
    assert later.version == "2023.1"
    assert later.parent == "minisector 2021.1"
    assert later.model.valid_until is None
    assert later.model.version_aliases == []  # a former name is not inherited
    assert registry.get("minisector", "2021.0").version == "2021.1"
    assert registry.valid_on("minisector", date(2022, 6, 1)).version == "2021.1"


def test_a_version_cannot_build_on_a_later_version_of_itself(tmp_path):
    for path in FOLDER.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "minisector-2020.yaml").write_text(
        "id: minisector\nextends: minisector\nversion: '2020.9'\n"
        "title: {nl: Minisector 2020, en: Mini sector 2020}\n"
        "summary: {nl: Eerder., en: Earlier.}\nvalid_from: '2020-06-01'\n"
    )
    with pytest.raises(KaderError) as caught:
        Registry.load(tmp_path, tmp_path)
    assert "extends: kader 'minisector' (geldig op 2020-06-01) om op voort te bouwen" in str(
        caught.value
    )


def test_a_former_version_name_must_not_be_another_version(tmp_path):
    for path in FOLDER.glob("mini-*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    old = tmp_path / "mini-2020.yaml"
    old.write_text(old.read_text() + 'version_aliases: ["2022.1"]\n')
    with pytest.raises(KaderError) as caught:
        Registry.load(tmp_path, tmp_path)
    assert "'2022.1' is al een versie van kader 'mini'" in str(caught.value)


def test_versions_may_touch_but_not_overlap(tmp_path):
    for path in FOLDER.glob("mini-*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    old = tmp_path / "mini-2020.yaml"
    old.write_text(
        old.read_text().replace('valid_until: "2022-01-01"', 'valid_until: "2022-01-02"')
    )
    with pytest.raises(KaderError) as caught:
        Registry.load(tmp_path, tmp_path)
    assert str(caught.value) == (
        "mini-2022.yaml:7: valid_from: versie 2022.1 begint op 2022-01-01, maar versie 2020.1 "
        "loopt dan nog; geef versie 2020.1 een valid_until"
    )


def test_valid_until_before_valid_from(tmp_path):
    shutil.copy(FOLDER / "mini-2020.yaml", tmp_path / "mini-2020.yaml")
    old = tmp_path / "mini-2020.yaml"
    old.write_text(
        old.read_text().replace('valid_until: "2022-01-01"', 'valid_until: "2019-01-01"')
    )
    with pytest.raises(KaderError, match="valid_until moet na valid_from liggen"):
        Registry.load(tmp_path, tmp_path)


def test_adviesplicht_puts_advice_before_melden(registry):
    with_duty = registry.get("mini", "2022.1")
    decision = evaluate(with_duty, PATH_TO_MELDEN)
    assert decision.acties == ["advies_veilig_thuis_voor_melden", "melden_veilig_thuis"]
    warnings = decision.to_contract()["waarschuwingen"]
    assert any("adviesplicht" in w for w in warnings)
    asked = evaluate(with_duty, {**PATH_TO_MELDEN, "advies_veilig_thuis": "ja"})
    assert asked.acties == ["melden_veilig_thuis"]
    assert asked.to_contract()["waarschuwingen"] == []
    no_melding = evaluate(with_duty, {"vermoeden": "nee"})
    assert "advies_veilig_thuis_voor_melden" not in no_melding.acties
    without_duty = registry.get("mini", "2020.1")
    assert evaluate(without_duty, PATH_TO_MELDEN).acties == ["melden_veilig_thuis"]


def test_the_shipped_folder_displays_paths_from_the_data_root():
    registry = Registry.load(paths.KADERS_DIR, paths.DATA_ROOT)
    assert registry.get("basis").files == ("afwegingskaders/basis.yaml",)


def test_a_child_keeps_its_own_validity_when_its_parent_version_ends(registry):
    """The child does not inherit valid_until: mini 2020.1 ends, minisector goes on."""
    child = registry.get("minisector")
    assert child.model.valid_until is None
    assert registry.valid_on("minisector", date(2023, 6, 1)) is child


def test_a_direct_contact_with_veilig_thuis_counts_as_the_advice(tmp_path):
    """Where a special case already calls Veilig Thuis at once, adviesplicht adds no delay."""
    kaders = Registry.load(paths.KADERS_DIR, paths.DATA_ROOT)
    artsen = kaders.get("artsen")
    plain = evaluate(artsen, {"vermoeden": "ja", "veiligheid": "ja"})
    assert plain.acties[:2] == ["advies_veilig_thuis_voor_melden", "melden_veilig_thuis"]
    urgent = evaluate(artsen, {"vermoeden": "ja", "veiligheid": "ja", "vormen": ["vgv"]})
    assert "advies_veilig_thuis_voor_melden" not in urgent.acties
    assert "veilig_thuis_direct_raadplegen" in urgent.acties
