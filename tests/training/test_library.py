"""The shipped training cases: each loads, is fictional, and agrees with the engine."""

import re

import pytest
from pydantic import BaseModel

from meldcode import paths
from meldcode.casus.casefile import dump_yaml
from meldcode.casus.casefile import load_yaml
from meldcode.kader import evaluate
from meldcode.kader.model_parts import Text
from meldcode.training.check import check_case
from meldcode.training.cites import resolve_cite
from meldcode.training.library import load_case

SHIPPED = sorted(paths.OEFENCASUSSEN_DIR.glob("*.yaml"))
DOCS = paths.PACKAGE_DIR.parent / "docs" / "oefencasussen.md"


def load(name: str):
    """Load a shipped case by id."""
    return load_case(paths.OEFENCASUSSEN_DIR / f"{name}.yaml")


def decide(registry, case, **changed):
    """Run the engine on a case's model answers, with some answers changed."""
    kader = registry.get(case.kader.id)
    return evaluate(kader, {**case.answers(), **changed})


def texts(value):
    """Yield every two-language text inside a case, however deep."""
    if isinstance(value, Text):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from texts(item)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)


def test_the_library_has_eight_cases_across_sectors():
    cases = [load_case(path).case for path in SHIPPED]
    assert len(cases) >= 8
    kaders = {case.kader.id for case in cases}
    # the thuiszorg nurse works with the V&VN framework, not the national model (review)
    assert {
        "onderwijs",
        "kinderopvang",
        "jgz",
        "sociaal-domein",
        "artsen",
        "verpleging-verzorging",
    } <= kaders


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.stem)
def test_a_shipped_case_loads_and_agrees_with_the_engine(registry, path):
    loaded = load_case(path, path.name)
    assert [str(issue) for issue in check_case(registry, loaded)] == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.stem)
def test_a_shipped_case_is_fictional_and_says_so(path):
    case = load_case(path).case
    assert case.fictief is True
    assert "Verzonnen" in case.fiction_notice.nl
    assert "Fictional" in case.fiction_notice.en


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.stem)
def test_people_are_pseudonymous_and_places_unnamed(path):
    case = load_case(path).case
    if case.casusbestand is not None:
        assert re.fullmatch(r"[A-Z]\., \d+ jaar", case.casusbestand.casus.label)
        assert case.casusbestand.casus.oefencasus is True
    raw = path.read_text(encoding="utf-8")
    assert not re.search(r"\b\d{4} ?[A-Z]{2}\b", raw), "a postcode"
    assert not re.search(r"\S+@\S+\.\w+", raw), "an e-mail address"
    assert not re.search(r"https?://", raw), "a web address"
    assert not re.search(r"\b0\d{2}[- ]?\d{7}\b|\b06[- ]?\d{8}\b", raw), "a phone number"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.stem)
def test_every_text_has_its_own_english(path):
    """A text copied into both languages is an untranslated text (short names excepted)."""
    same = [t.nl for t in texts(load_case(path).case) if t.nl == t.en and len(t.nl) > 12]
    assert same == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.stem)
def test_the_notes_say_where_groups_differ_on_a_model_answer(path):
    case = load_case(path).case
    about = {q for note in case.teaching_notes.discussion for q in note.about}
    assert about & set(case.model_answers), "no discussion point about a model answer"
    assert case.teaching_notes.pitfalls


def test_disclosure_at_school_overrules_a_nee_on_veiligheid(registry):
    case = load("basisschool-onthulling").case
    assert case.kader.id == "onderwijs"
    answered = decide(registry, case)
    overruled = decide(registry, case, veiligheid="nee")
    assert answered.acties == overruled.acties
    assert "top_tot_teen_onderzoek" in answered.acties and answered.melden is True
    step = next(s for s in overruled.pad if s.vraag == "veiligheid")
    assert (step.gegeven, step.antwoord, step.overruled_by) == ("nee", "ja", "disclosure")


def test_a_staff_member_suspected_in_kinderopvang_takes_the_meldplicht(registry):
    case = load("kinderopvang-medewerker").case
    decision = decide(registry, case)
    assert (case.kader.id, decision.route) == ("kinderopvang", "meldplicht")
    assert decision.acties == ["houder_informeren", "vertrouwensinspecteur_raadplegen"]
    weighed = decide(registry, case, vermoeden="ja", veiligheid="nee")
    assert weighed.ongebruikt() == ["vermoeden", "veiligheid"]


def test_vgv_before_the_summer_holiday_calls_veilig_thuis_and_the_police(registry):
    case = load("jgz-vgv-zomervakantie").case
    decision = decide(registry, case)
    assert decision.melden is True and decision.bijzondere_situaties == ["vgv"]
    assert {"veilig_thuis_direct_raadplegen", "politie_inschakelen"} <= set(decision.acties)
    assert "politie_inschakelen" not in decide(registry, case, vgv_acuut="nee").acties


def test_honour_based_violence_in_inburgering_asks_an_expert_first(registry):
    case = load("inburgering-eergerelateerd").case
    assert registry.get(case.kader.id).model.voluntary_use is not None
    decision = decide(registry, case)
    assert {"veilig_thuis_direct_raadplegen", "geen_gesprek_met_familie"} <= set(decision.acties)
    assert "kader:voluntary_use" in {c for n in case.teaching_notes.discussion for c in n.cites}


def test_neglect_where_help_works_closes_with_agreements(registry):
    case = load("consultatiebureau-verwaarlozing").case
    decision = decide(registry, case)
    assert [s.antwoord for s in decision.pad] == ["ja", "nee", "ja", "ja", "ja"]
    assert (decision.melden, decision.hulp, decision.afsluiten) == (False, True, True)
    assert decision.acties == ["hulp_bieden_of_organiseren", "veiligheid_blijven_volgen"]


def test_the_gp_case_uses_the_knmg_layout_the_kindcheck_and_the_adviesplicht(registry):
    case = load("huisarts-kindcheck-verslaving").case
    kader = registry.get(case.kader.id)
    assert (kader.id, kader.model.step_layout, kader.model.adviesplicht) == ("artsen", "knmg", True)
    assert any(f.kind == "check" for s in case.steps if s.step == 1 for f in s.facts)
    assert "advies_veilig_thuis_voor_melden" not in decide(registry, case).acties
    without = decide(registry, case, advies_veilig_thuis="nee").acties
    assert without.index("advies_veilig_thuis_voor_melden") < without.index("melden_veilig_thuis")


def test_derailed_care_supports_the_carer_and_says_it_is_unconfirmed(registry):
    case = load("thuiszorg-ontspoorde-mantelzorg").case
    kader = registry.get(case.kader.id)
    decision = decide(registry, case)
    assert "mantelzorger_ondersteuning_organiseren" in decision.acties
    assert set(decision.bijzondere_situaties) == {"ouderenmishandeling", "ontspoorde_mantelzorg"}
    assert kader.model.special_cases["ontspoorde_mantelzorg"].status == "onbevestigd"
    assert "onbevestigd" in case.expected.explanation.nl
    assert "unconfirmed" in case.expected.explanation.en


def test_the_conversation_removes_the_suspicion(registry):
    case = load("kinderopvang-vermoeden-weggenomen").case
    decision = decide(registry, case)
    assert [f"{s.vraag}={s.antwoord}" for s in decision.pad] == ["vermoeden=nee"]
    assert decision.acties == ["afsluiten_en_vastleggen"] and decision.afsluiten is True
    assert any(f.kind == "gesprek" for s in case.steps if s.step == 3 for f in s.facts)


def test_the_example_dossiers_round_trip_as_case_files():
    examples = [load_case(path).case.casusbestand for path in SHIPPED]
    examples = [example for example in examples if example is not None]
    assert len(examples) >= 2
    for example in examples:
        assert load_yaml(dump_yaml(example).encode()) == example


def test_citations_point_into_the_kader(registry):
    onderwijs, basis = registry.get("onderwijs"), registry.get("basis")
    social = registry.get("sociaal-domein")
    assert resolve_cite(onderwijs, "norm:disclosure").title.nl.startswith("Onthulling")
    assert resolve_cite(onderwijs, "regel:veiligheid.ja").norm == "meldnorm_1"
    assert resolve_cite(onderwijs, "plicht:stap_2.advies_bij_twijfel") is not None
    assert resolve_cite(onderwijs, "route:meldplicht") is not None
    assert resolve_cite(social, "kader:voluntary_use") is not None
    assert resolve_cite(basis, "kader:voluntary_use") is None
    assert resolve_cite(basis, "regel:veiligheid.misschien") is None
    assert resolve_cite(basis, "norm:meldplicht_onderwijs") is None


def test_the_example_in_the_docs_is_a_valid_case(registry, tmp_path):
    text = DOCS.read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    example = next(block for block in blocks if "format: meldcode-oefencasus/1" in block)
    case_id = re.search(r"^id: (\S+)$", example, flags=re.M).group(1)
    path = tmp_path / f"{case_id}.yaml"
    path.write_text(example, encoding="utf-8")
    loaded = load_case(path, path.name)
    assert [str(issue) for issue in check_case(registry, loaded)] == []
