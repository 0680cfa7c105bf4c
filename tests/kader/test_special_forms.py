"""Norms and special forms without contradictions (domain review, findings 2, 9, 11 to 15)."""

import pytest

from meldcode import paths
from meldcode.kader import Registry
from meldcode.kader import evaluate
from meldcode.kader.coverage import graph_paths


@pytest.fixture(scope="module")
def shipped():
    return Registry.load(paths.KADERS_DIR, paths.DATA_ROOT)


@pytest.fixture(scope="module")
def basis(shipped):
    return shipped.get("basis")


# VGV
def test_acute_vgv_makes_afweging_2_count_as_ja(basis):
    decision = evaluate(
        basis, {"vormen": ["vgv"], "vgv_acuut": "ja", "vermoeden": "ja", "veiligheid": "nee"}
    )
    assert decision.melden is True
    assert decision.normen[0] == "vgv_acuut"
    step = decision.pad[1]
    assert (step.vraag, step.antwoord, step.gegeven, step.overruled_by) == (
        "veiligheid",
        "ja",
        "nee",
        "vgv_acuut",
    )
    assert decision.acties[:2] == ["veilig_thuis_direct_raadplegen", "politie_inschakelen"]
    assert basis.model.norms["vgv_acuut"].kind == "professionele_norm"


def test_acute_vgv_without_vgv_in_vormen_is_treated_as_vgv_with_a_warning(basis):
    decision = evaluate(basis, {"vgv_acuut": "ja"})
    assert decision.effectief["vormen"] == ["vgv"]
    assert decision.antwoorden == {"vgv_acuut": "ja"}  # what was given is kept apart
    assert decision.bijzondere_situaties == ["vgv"]
    assert decision.melden is True
    assert any(code == "afgeleid" for code, _p in decision.waarschuwingen)
    assert any("Vrouwelijke genitale verminking" in w for w in decision.warnings("nl"))


def test_vgv_already_done_to_a_minor_involves_the_raad(basis):
    decision = evaluate(basis, {"vormen": ["vgv"], "vgv_uitgevoerd": "ja"})
    assert "raad_kinderbescherming_via_veilig_thuis" in decision.acties
    plain = evaluate(basis, {"vormen": ["vgv"], "vgv_uitgevoerd": "nee"})
    assert "raad_kinderbescherming_via_veilig_thuis" not in plain.acties


# Huwelijksdwang, achterlating, eergerelateerd geweld
@pytest.mark.parametrize("form", ["eergerelateerd_geweld", "huwelijksdwang", "achterlating"])
def test_advice_before_any_conversation_and_no_informing_the_family(basis, form):
    decision = evaluate(basis, {"vormen": [form], "vermoeden": "ja", "veiligheid": "ja"})
    acties = decision.acties
    assert acties.index("veilig_thuis_direct_raadplegen") < acties.index("melden_veilig_thuis")
    assert acties.index("geen_gesprek_met_familie") < acties.index("melden_veilig_thuis")
    assert decision.informeren_uitzonderingen() == ["familie_gevaar"]
    contract = decision.to_contract()
    assert contract["informeren_uitzonderingen"] == ["familie_gevaar"]
    assert "familie_gevaar" in basis.model.informeren.exceptions


def test_the_lkha_is_named_with_its_role(basis):
    decision = evaluate(basis, {"vormen": ["achterlating"]})
    assert "lkha_raadplegen" in decision.acties
    text = basis.model.actions["lkha_raadplegen"].text.nl
    assert "buitenland" in text and "complexe" in text


def test_no_special_actions_next_to_closing_after_afweging_1_nee(basis):
    decision = evaluate(basis, {"vormen": ["eergerelateerd_geweld", "vgv"], "vermoeden": "nee"})
    assert decision.acties == ["afsluiten_en_vastleggen"]
    assert decision.bijzondere_situaties == []
    assert ("bijzonder_zonder_vermoeden", {"cases": ["vgv", "eergerelateerd_geweld"]}) in (
        decision.waarschuwingen
    )
    assert any("Veilig Thuis" in w and "afweging 1" in w for w in decision.warnings("nl"))


# Disclosure
def test_top_tot_teen_only_for_a_child(basis):
    child = evaluate(basis, {"disclosure": "ja"})
    unknown_age = child
    adult = evaluate(basis, {"disclosure": "ja", "slachtoffer_minderjarig": "nee"})
    elder = evaluate(
        basis,
        {"disclosure": "ja", "vormen": ["ouderenmishandeling"], "slachtoffer_minderjarig": "nee"},
    )
    assert "top_tot_teen_onderzoek" in unknown_age.acties
    assert "top_tot_teen_onderzoek" not in adult.acties
    assert "top_tot_teen_onderzoek" not in elder.acties
    assert adult.melden is True and elder.melden is True


def test_knmg_2023_counts_a_parents_disclosure_as_acute(shipped):
    answers = {"onthulling_ouder_pleger": "ja", "vermoeden": "nee", "veiligheid": "nee"}
    decision = evaluate(shipped.get("artsen"), answers)
    assert decision.kader.version == "2023.1"
    assert decision.melden is True
    assert decision.normen[0] == "onthulling_ouder_pleger"
    assert "top_tot_teen_onderzoek" not in decision.acties  # a parent, not the child, told


def test_the_2018_knmg_version_has_the_national_disclosure_norm(shipped):
    old = shipped.get("artsen", "2018.1")
    assert "onthulling_ouder_pleger" not in old.model.questions
    assert old.model.norms["disclosure"] == shipped.get("basis").model.norms["disclosure"]


# A coherent outcome
def test_afweging_5_nee_withdraws_the_help_action(basis):
    answers = {"vermoeden": "ja", "veiligheid": "nee", "hulp": "ja", "acceptatie": "ja"}
    helping = evaluate(basis, answers)
    assert helping.hulp is True and "hulp_bieden_of_organiseren" in helping.acties
    failed = evaluate(basis, {**answers, "resultaat": "nee"})
    assert (failed.melden, failed.hulp) == (True, False)
    assert failed.acties == ["melden_veilig_thuis", "hulp_afstemmen_met_veilig_thuis"]


def test_no_kader_says_no_help_next_to_offering_help(shipped):
    for kader in shipped.all():
        for path in graph_paths(kader):
            answers = dict(step.split("=") for step in path)
            decision = evaluate(kader, {**answers, "advies_veilig_thuis": "ja"})
            if decision.hulp is False:
                assert "hulp_bieden_of_organiseren" not in decision.acties, (kader.label(), path)


# The forms list and the words for norms
def test_new_forms_change_the_advice(basis):
    forms = basis.choices["vormen"]
    assert {"mensenhandel", "stalking", "geweld_tegen_ouders"} <= forms
    for form in ("mensenhandel", "stalking", "geweld_tegen_ouders"):
        assert evaluate(basis, {"vormen": [form]}).bijzondere_situaties == [form]


def test_ouderenmishandeling_has_no_age_limit(basis):
    text = basis.model.special_cases["ouderenmishandeling"].text.nl
    assert "65" not in text
    assert "geen leeftijdsgrens" in text


def test_every_norm_says_what_it_is(shipped):
    for kader in shipped.all():
        for nid, norm in kader.model.norms.items():
            legal = nid.startswith("meldplicht")
            assert norm.kind == ("wettelijke_plicht" if legal else "professionele_norm"), (
                kader.label(),
                nid,
            )
