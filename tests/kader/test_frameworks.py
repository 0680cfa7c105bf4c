"""Every professional group its framework, versions that keep stored cases opening, sources.

Domain review: "Professional groups", findings 1, 7, 8 and 10.
"""

from datetime import date

import pytest

from meldcode import paths
from meldcode.kader import KaderError
from meldcode.kader import Registry
from meldcode.kader import evaluate
from meldcode.kader.professions import load_professions

FRAMEWORKS = {
    "basis",
    "onderwijs",
    "kinderopvang",
    "artsen",
    "verpleging-verzorging",
    "paramedici",
    "logopedie",
    "verloskundigen",
    "psychosociaal",
    "justitie",
    "sociaal-domein",
    "ggz",
    "jgz",
}


@pytest.fixture(scope="module")
def shipped():
    return Registry.load(paths.KADERS_DIR, paths.DATA_ROOT)


def test_every_framework_is_shipped(shipped):
    assert set(shipped.ids()) == FRAMEWORKS


def test_artsen_is_valid_from_2_july_2018_with_a_later_edition(shipped):
    versions = shipped.versions("artsen")
    assert [(k.version, k.model.valid_from) for k in versions] == [
        ("2018.1", date(2018, 7, 2)),
        ("2023.1", date(2023, 7, 1)),
    ]
    assert shipped.valid_on("artsen", date(2018, 9, 1)).version == "2018.1"
    assert shipped.valid_on("artsen", date(2026, 11, 1)).version == "2023.1"
    assert versions[1].parent == "artsen 2018.1"
    assert versions[0].parent == "basis 2019.1"  # older than basis: builds on its first version


def test_a_stored_case_keeps_its_artsen_version(shipped):
    """Cases stored before issue 11 name version 2019.1: that name opens version 2018.1."""
    assert shipped.get("artsen", "2019.1").version == "2018.1"


@pytest.mark.parametrize(
    ("setting", "framework"), [("ggz", "psychosociaal"), ("jgz", "verpleging-verzorging")]
)
def test_settings_keep_their_id_and_follow_a_framework(shipped, setting, framework):
    kader = shipped.get(setting, "2019.1")  # the version stored cases name
    assert kader.parent == f"{framework} 2019.1"
    assert evaluate(kader, {"vermoeden": "ja", "veiligheid": "ja"}).melden is True


def test_jgz_uses_the_vvn_code_for_all_nurses(shipped):
    vvn = shipped.get("verpleging-verzorging").model
    assert "Verpleegkundigen en verzorgenden" in vvn.scope.nl
    assert shipped.get("jgz").model.steps["stap_4"] == vvn.steps["stap_4"]


def test_paramedici_must_consult_veilig_thuis_in_stap_2_but_logopedie_not(shipped):
    para = evaluate(shipped.get("paramedici"), {"vermoeden": "nee"})
    assert para.acties == ["advies_veilig_thuis_stap_2", "afsluiten_en_vastleggen"]
    asked = evaluate(shipped.get("paramedici"), {"vermoeden": "nee", "advies_veilig_thuis": "ja"})
    assert asked.acties == ["afsluiten_en_vastleggen"]
    logo = evaluate(shipped.get("logopedie"), {"vermoeden": "nee"})
    assert logo.acties == ["afsluiten_en_vastleggen"]


def test_justitie_says_it_is_unconfirmed(shipped):
    model = shipped.get("justitie").model
    assert model.status == "onbevestigd"
    assert "niet teruggevonden" in model.status_note.nl


def test_sociaal_domein_calls_voluntary_use_an_inference(shipped):
    text = shipped.get("sociaal-domein").model.voluntary_use.nl
    assert "afleiding" in text
    assert "geen bron legt jou deze plicht op" not in text


def test_professions_pick_a_framework_each(shipped):
    found = shipped.professions
    assert found is not None
    used = {p.kader for p in found.professions.values()}
    assert used == FRAMEWORKS  # every framework can be picked by profession
    assert shipped.professions_for("logopedie") == ["logopedist"]
    assert found.professions["psychiater"].kader == "artsen"
    assert found.professions["jeugdverpleegkundige"].kader == "jgz"
    assert set(found.settings) == {"ggz", "jgz"}
    for profession in found.professions.values():
        assert profession.label.nl and profession.label.en
        assert profession.group in found.groups


def test_a_professions_list_naming_an_unknown_kader_is_refused(tmp_path):
    path = tmp_path / "beroepen.yaml"
    path.write_text(
        "format: meldcode-beroepen/1\n"
        "groups: {zorg: {label: {nl: Zorg, en: Care}}}\n"
        "professions:\n"
        "  huisarts: {label: {nl: Huisarts, en: GP}, group: zorg, kader: dokters}\n"
    )
    with pytest.raises(KaderError) as caught:
        load_professions(path, {"basis", "artsen"})
    assert "kader 'dokters' bestaat niet. Bekend: artsen, basis" in str(caught.value)


def test_every_source_can_be_found(shipped):
    for kader in shipped.all():
        for sid, source in kader.model.sources.items():
            assert source.url or source.citation, (kader.label(), sid)


def test_sources_the_review_filled_in(shipped):
    basis = shipped.get("basis").model.sources
    artsen = shipped.get("artsen").model.sources
    assert basis["huwelijksdwang_blog"].url.endswith("280616_meldcode-huwelijksdwang-wijkt-af")
    assert artsen["knmg_voorwoord"].url.startswith("https://knmg-meldcode.maglr.com/")
    assert artsen["handelingsprotocol_jgz_stap2"].url.endswith("utrecht-jgz-stap-2-consultatie")
