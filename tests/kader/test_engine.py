"""The engine against the national semantics of the meldcode (basismodel 2019).

Five afwegingen, two separate decisions (Beslissing 1 melden, Beslissing 2 hulp), melden
and hulp both possible, afwegingen 3-5 together with Veilig Thuis after a melding, the
disclosure norm that overrules, partial answers, and the meldplicht route in onderwijs.
"""

import json

import pytest

from meldcode.kader.engine import evaluate
from meldcode.kader.engine import matches
from meldcode.kader.walk import add_actions as _add
from tests.kader.helpers import AFWEGINGEN
from tests.kader.helpers import decide
from tests.kader.helpers import pad


def test_the_five_afwegingen_in_order(basis):
    model = basis.model
    assert model.start == "vermoeden"
    assert model.afwegingen() == AFWEGINGEN
    assert [model.questions[q].number for q in AFWEGINGEN] == [1, 2, 3, 4, 5]
    assert set(basis.graph) == set(AFWEGINGEN)
    for question in AFWEGINGEN:
        assert set(basis.graph[question]) == {"ja", "nee"}


# Each answer of each afweging: what follows (gevolg), the meldnorm, and what is asked next.
BRANCHES = [
    ({"vermoeden": "ja"}, "veiligheid", None, ["veiligheid"]),
    ({"vermoeden": "nee"}, "afsluiten_en_vastleggen", None, []),
    ({"vermoeden": "ja", "veiligheid": "ja"}, "melden_veilig_thuis", "meldnorm_1", ["hulp"]),
    ({"vermoeden": "ja", "veiligheid": "nee"}, "hulp", None, ["hulp"]),
    ({"vermoeden": "ja", "veiligheid": "nee", "hulp": "ja"}, "acceptatie", None, ["acceptatie"]),
    (
        {"vermoeden": "ja", "veiligheid": "nee", "hulp": "nee"},
        "melden_veilig_thuis",
        "meldnorm_2",
        [],
    ),
    (
        {"vermoeden": "ja", "veiligheid": "nee", "hulp": "ja", "acceptatie": "ja"},
        "hulp_bieden_of_organiseren",
        None,
        ["resultaat"],
    ),
    (
        {"vermoeden": "ja", "veiligheid": "nee", "hulp": "ja", "acceptatie": "nee"},
        "melden_veilig_thuis",
        "meldnorm_2",
        [],
    ),
    (
        {
            "vermoeden": "ja",
            "veiligheid": "nee",
            "hulp": "ja",
            "acceptatie": "ja",
            "resultaat": "ja",
        },
        "hulp_afsluiten",
        None,
        [],
    ),
    (
        {
            "vermoeden": "ja",
            "veiligheid": "nee",
            "hulp": "ja",
            "acceptatie": "ja",
            "resultaat": "nee",
        },
        "melden_veilig_thuis",
        "meldnorm_3",
        [],
    ),
]


@pytest.mark.parametrize(("answers", "gevolg", "norm", "nog_nodig"), BRANCHES)
def test_each_answer_of_each_afweging(basis, answers, gevolg, norm, nog_nodig):
    decision = evaluate(basis, answers)
    last = decision.pad[-1]
    assert [s.vraag for s in decision.pad] == list(answers)
    assert last.gevolg == gevolg
    assert last.branch.norm == norm
    assert decision.nog_nodig == nog_nodig
    assert decision.compleet == (nog_nodig == [])


# Complete paths: Beslissing 1 (melden), Beslissing 2 (hulp), afsluiten, and the actions.
OUTCOMES = [
    ({"vermoeden": "nee"}, False, False, True, ["afsluiten_en_vastleggen"]),
    (
        {"vermoeden": "ja", "veiligheid": "nee", "hulp": "nee"},
        True,
        False,
        False,
        ["melden_veilig_thuis"],
    ),
    (
        {"vermoeden": "ja", "veiligheid": "nee", "hulp": "ja", "acceptatie": "nee"},
        True,
        False,
        False,
        ["melden_veilig_thuis"],
    ),
    (
        {
            "vermoeden": "ja",
            "veiligheid": "nee",
            "hulp": "ja",
            "acceptatie": "ja",
            "resultaat": "ja",
        },
        False,
        True,
        True,
        ["hulp_bieden_of_organiseren", "veiligheid_blijven_volgen"],
    ),
    (
        {
            "vermoeden": "ja",
            "veiligheid": "nee",
            "hulp": "ja",
            "acceptatie": "ja",
            "resultaat": "nee",
        },
        True,
        False,
        False,
        # afweging 5 nee: beslissing 2 becomes nee, so the help action is withdrawn and the
        # help goes on only as agreed with Veilig Thuis (never hulp false next to "hulp bieden")
        ["melden_veilig_thuis", "hulp_afstemmen_met_veilig_thuis"],
    ),
    (
        {
            "vermoeden": "ja",
            "veiligheid": "ja",
            "hulp": "ja",
            "acceptatie": "ja",
            "resultaat": "ja",
        },
        True,
        True,
        True,
        [
            "melden_veilig_thuis",
            "samen_met_veilig_thuis",
            "hulp_bieden_of_organiseren",
            "veiligheid_blijven_volgen",
        ],
    ),
    (
        {"vermoeden": "ja", "veiligheid": "ja", "hulp": "nee"},
        True,
        False,
        False,
        ["melden_veilig_thuis", "samen_met_veilig_thuis"],
    ),
]


@pytest.mark.parametrize(("answers", "melden", "hulp", "afsluiten", "acties"), OUTCOMES)
def test_complete_paths(basis, answers, melden, hulp, afsluiten, acties):
    decision = evaluate(basis, answers)
    assert decision.route == "meldcode"
    assert decision.compleet
    assert decision.melden is melden
    assert decision.hulp is hulp
    assert decision.afsluiten is afsluiten
    assert decision.acties == acties


def test_melden_and_hulp_are_separate_decisions(basis):
    """Beslissing 1 and 2: a melding at afweging 2, and help that works, are both true."""
    decision = decide(
        basis, vermoeden="ja", veiligheid="ja", hulp="ja", acceptatie="ja", resultaat="ja"
    )
    assert decision.melden is True
    assert decision.hulp is True
    assert decision.normen == ["meldnorm_1"]
    contract = decision.to_contract()
    assert contract["melden"] is True
    assert contract["hulp"] is True


def test_after_veiligheid_ja_the_later_steps_are_with_veilig_thuis(basis):
    decision = decide(
        basis, vermoeden="ja", veiligheid="ja", hulp="ja", acceptatie="ja", resultaat="nee"
    )
    together = {s.vraag: s.samen_met_veilig_thuis for s in decision.pad}
    assert together == {
        "vermoeden": False,
        "veiligheid": False,
        "hulp": True,
        "acceptatie": True,
        "resultaat": True,
    }
    assert "samen_met_veilig_thuis" in decision.acties
    assert decision.normen == ["meldnorm_1", "meldnorm_3"]
    contract_pad = decision.to_contract()["pad"]
    assert [p["samen_met_veilig_thuis"] for p in contract_pad] == [False, False, True, True, True]


def test_without_veiligheid_ja_nothing_is_with_veilig_thuis(basis):
    decision = decide(
        basis, vermoeden="ja", veiligheid="nee", hulp="ja", acceptatie="ja", resultaat="nee"
    )
    assert not any(s.samen_met_veilig_thuis for s in decision.pad)
    assert "samen_met_veilig_thuis" not in decision.acties


def test_disclosure_overrules_veiligheid_nee(basis):
    decision = decide(basis, vermoeden="ja", veiligheid="nee", disclosure="ja")
    assert pad(decision) == ["vermoeden=ja", "veiligheid=ja"]
    vermoeden, veiligheid = decision.pad
    assert (vermoeden.gegeven, vermoeden.overruled_by) == ("ja", None)
    assert (veiligheid.gegeven, veiligheid.overruled_by) == ("nee", "disclosure")
    assert decision.melden is True
    assert decision.hulp is None
    assert decision.nog_nodig == ["hulp"]
    assert decision.normen == ["disclosure", "meldnorm_1"]
    assert decision.acties == [
        "melden_veilig_thuis",
        "samen_met_veilig_thuis",
        "top_tot_teen_onderzoek",
    ]
    contract = decision.to_contract()
    assert contract["pad"][1]["overruled_by"] == "disclosure"
    assert contract["pad"][1]["gegeven"] == "nee"
    assert contract["pad"][1]["antwoord"] == "ja"
    warning = contract["waarschuwingen"][0]
    assert "Afweging 'Veiligheid' telt als 'ja'" in warning
    assert basis.model.norms["disclosure"].title.nl in warning
    assert "gegeven antwoord: nee" in warning


def test_disclosure_overrules_vermoeden_nee_too(basis):
    decision = decide(basis, vermoeden="nee", veiligheid="nee", disclosure="ja")
    assert pad(decision) == ["vermoeden=ja", "veiligheid=ja"]
    assert [(s.gegeven, s.overruled_by) for s in decision.pad] == [
        ("nee", "disclosure"),
        ("nee", "disclosure"),
    ]
    assert decision.melden is True
    assert decision.afsluiten is False
    assert "afsluiten_en_vastleggen" not in decision.acties
    warnings = decision.to_contract()["waarschuwingen"]
    assert any("Afweging 'Vermoeden' telt als 'ja'" in w for w in warnings)
    assert any("Afweging 'Veiligheid' telt als 'ja'" in w for w in warnings)


def test_disclosure_alone_counts_as_vermoeden_and_veiligheid(basis):
    decision = decide(basis, disclosure="ja")
    assert pad(decision) == ["vermoeden=ja", "veiligheid=ja"]
    assert [(s.gegeven, s.overruled_by) for s in decision.pad] == [
        (None, "disclosure"),
        (None, "disclosure"),
    ]
    assert decision.melden is True
    warning = decision.to_contract()["waarschuwingen"][0]
    assert "hoeft die afweging niet zelf te beantwoorden" in warning
    assert "gegeven antwoord" not in warning


def test_disclosure_nee_changes_nothing(basis):
    decision = decide(basis, vermoeden="ja", veiligheid="nee", disclosure="nee")
    assert pad(decision) == ["vermoeden=ja", "veiligheid=nee"]
    assert decision.normen == []
    assert "top_tot_teen_onderzoek" not in decision.acties
    assert all(s.overruled_by is None for s in decision.pad)
    assert decision.to_contract()["waarschuwingen"] == []


def test_disclosure_with_the_same_answer_is_not_an_overruling(basis):
    decision = decide(basis, vermoeden="ja", veiligheid="ja", disclosure="ja")
    assert all(s.overruled_by is None for s in decision.pad)
    assert decision.normen == ["disclosure", "meldnorm_1"]
    assert decision.to_contract()["waarschuwingen"] == []


@pytest.mark.parametrize(
    ("answers", "nog_nodig"),
    [
        ({}, ["vermoeden"]),
        ({"vermoeden": "ja"}, ["veiligheid"]),
        ({"vermoeden": "ja", "veiligheid": "nee"}, ["hulp"]),
        ({"vermoeden": "ja", "veiligheid": "nee", "hulp": "ja"}, ["acceptatie"]),
        ({"vormen": ["vgv"], "pleger_medewerker": "nee"}, ["vermoeden"]),
    ],
)
def test_partial_answers_leave_the_decisions_open(basis, answers, nog_nodig):
    decision = evaluate(basis, answers)
    assert decision.melden is None
    assert decision.hulp is None
    assert decision.afsluiten is False
    assert decision.nog_nodig == nog_nodig
    assert not decision.compleet
    contract = decision.to_contract()
    assert contract["melden"] is None
    assert contract["hulp"] is None
    assert contract["nog_nodig"] == nog_nodig
    assert contract["compleet"] is False


def test_a_melding_is_known_before_the_path_ends(basis):
    decision = decide(basis, vermoeden="ja", veiligheid="ja")
    assert decision.melden is True
    assert decision.hulp is None
    assert decision.nog_nodig == ["hulp"]


def test_help_is_known_before_the_result(basis):
    decision = decide(basis, vermoeden="ja", veiligheid="nee", hulp="ja", acceptatie="ja")
    assert decision.melden is None
    assert decision.hulp is True
    assert decision.nog_nodig == ["resultaat"]


def test_an_answer_after_a_gap_waits(basis):
    decision = decide(basis, vermoeden="ja", hulp="ja", acceptatie="ja")
    assert pad(decision) == ["vermoeden=ja"]
    assert decision.nog_nodig == ["veiligheid"]
    assert decision.ongebruikt() == ["hulp", "acceptatie"]


def test_unused_answers_are_reported(basis):
    decision = decide(basis, vermoeden="nee", veiligheid="ja", resultaat="ja", disclosure="nee")
    assert pad(decision) == ["vermoeden=nee"]
    assert decision.ongebruikt() == ["veiligheid", "resultaat"]
    contract = decision.to_contract()
    assert contract["ongebruikt"] == ["veiligheid", "resultaat"]
    assert any("Veiligheid, Resultaat" in w for w in contract["waarschuwingen"])


def test_nothing_unused_on_a_full_path(basis):
    decision = decide(
        basis, vermoeden="ja", veiligheid="nee", hulp="ja", acceptatie="ja", resultaat="ja"
    )
    assert decision.ongebruikt() == []
    assert decision.to_contract()["waarschuwingen"] == []


MELDPLICHT = {
    "pleger_medewerker": "ja",
    "vormen": ["seksueel_misbruik"],
    "minderjarige_leerling": "ja",
    "vermoeden": "ja",
    "veiligheid": "nee",
    "hulp": "nee",
}


def test_meldplicht_route_in_onderwijs(onderwijs):
    decision = evaluate(onderwijs, MELDPLICHT)
    assert decision.route == "meldplicht"
    assert decision.melden is None
    assert decision.hulp is None
    assert decision.afsluiten is False
    assert decision.acties == ["bevoegd_gezag_informeren", "vertrouwensinspecteur_raadplegen"]
    assert decision.normen == ["meldplicht_onderwijs"]
    assert decision.pad == []
    assert decision.nog_nodig == []
    assert decision.compleet
    assert decision.ongebruikt() == ["vermoeden", "veiligheid", "hulp"]
    contract = decision.to_contract()
    assert contract["route"] == "meldplicht"
    assert [(p["vraag"], p["antwoord"], p["gevolg"]) for p in contract["pad"]] == [
        ("pleger_medewerker", "ja", "meldplicht"),
        ("vormen", ["seksueel_misbruik"], "meldplicht"),
        ("minderjarige_leerling", "ja", "meldplicht"),
    ]
    assert contract["pad"][0]["regel"] == "onderwijs:route.meldplicht"
    assert contract["pad"][0]["norm"] == "meldplicht_onderwijs"
    assert contract["normen"][0]["bron"]["document"] == "inspectie_zedenmisdrijven"
    assert contract["normen"][0]["soort"] == "wettelijke_plicht"


def test_no_onderwijs_route_in_basis_but_the_providers_question(basis):
    answers = {k: v for k, v in MELDPLICHT.items() if k != "minderjarige_leerling"}
    decision = evaluate(basis, answers)
    assert decision.route == "meldcode"
    assert pad(decision) == ["vermoeden=ja", "veiligheid=nee", "hulp=nee"]
    assert decision.melden is True  # known from the path, but not complete: a route may apply
    assert not decision.compleet
    assert decision.nog_nodig == ["aanbieder_zorg_jeugd", "aanbieder_wmo"]
    assert decision.acties == ["leiding_informeren", "melden_veilig_thuis"]
    done = evaluate(basis, {**answers, "aanbieder_zorg_jeugd": "nee", "aanbieder_wmo": "nee"})
    assert (done.route, done.melden, done.nog_nodig) == ("meldcode", True, [])


def test_a_parent_who_is_no_staff_member_follows_the_meldcode(onderwijs):
    decision = decide(onderwijs, pleger_medewerker="nee", vermoeden="ja", veiligheid="ja")
    assert decision.route == "meldcode"
    assert decision.melden is True


def test_the_meldplicht_route_keeps_special_cases(onderwijs):
    decision = decide(
        onderwijs,
        pleger_medewerker="ja",
        vormen=["seksueel_misbruik"],
        minderjarige_leerling="ja",
        seksueel_misbruik_recent="ja",
    )
    assert decision.route == "meldplicht"
    assert decision.bijzondere_situaties == ["seksueel_misbruik_recent"]
    assert decision.acties[-1] == "centrum_seksueel_geweld"


def test_vgv_calls_veilig_thuis_and_only_when_acute_the_police(basis):
    plain = decide(basis, vormen=["vgv"], vermoeden="ja", veiligheid="ja")
    assert plain.bijzondere_situaties == ["vgv"]
    # urgent: contacting Veilig Thuis comes before the melding
    assert plain.acties == [
        "veilig_thuis_direct_raadplegen",
        "melden_veilig_thuis",
        "samen_met_veilig_thuis",
    ]
    acute = decide(basis, vormen=["vgv"], vgv_acuut="ja", vermoeden="ja", veiligheid="ja")
    assert acute.acties[:2] == ["veilig_thuis_direct_raadplegen", "politie_inschakelen"]
    not_acute = decide(basis, vormen=["vgv"], vgv_acuut="nee")
    assert not_acute.acties == ["veilig_thuis_direct_raadplegen"]


def test_special_cases_add_each_action_once(basis):
    decision = decide(basis, vormen=["huwelijksdwang", "achterlating", "eergerelateerd_geweld"])
    assert decision.bijzondere_situaties == ["eergerelateerd_geweld", "huwelijksdwang_achterlating"]
    assert decision.acties == [
        "veilig_thuis_direct_raadplegen",
        "geen_gesprek_met_familie",
        "lkha_raadplegen",
    ]
    contract = decision.to_contract()
    assert [s["id"] for s in contract["bijzondere_situaties"]] == decision.bijzondere_situaties
    assert contract["bijzondere_situaties"][0]["bron"]["document"] == "vt_hm_egg"


@pytest.mark.parametrize(
    ("answers", "case", "action"),
    [
        (
            {"vormen": ["kindermishandeling_door_falsificatie"]},
            "kindermishandeling_door_falsificatie",
            "vertrouwensarts_raadplegen",
        ),
        (
            {"vormen": ["ontspoorde_mantelzorg"]},
            "ontspoorde_mantelzorg",
            "mantelzorger_ondersteuning_organiseren",
        ),
        ({"seksueel_misbruik_recent": "ja"}, "seksueel_misbruik_recent", "centrum_seksueel_geweld"),
        ({"vormen": ["ouderenmishandeling"]}, "ouderenmishandeling", None),
    ],
)
def test_special_cases(basis, answers, case, action):
    decision = evaluate(basis, answers)
    assert decision.bijzondere_situaties == [case]
    assert decision.acties == ([action] if action else [])


def test_forms_without_a_special_case_add_nothing(basis):
    decision = decide(basis, vormen=["kindermishandeling", "partnergeweld"], vermoeden="ja")
    assert decision.bijzondere_situaties == []
    assert decision.acties == []


def test_special_case_actions_follow_the_path(basis):
    decision = decide(
        basis, vormen=["ontspoorde_mantelzorg"], vermoeden="ja", veiligheid="nee", hulp="nee"
    )
    assert decision.acties == ["melden_veilig_thuis", "mantelzorger_ondersteuning_organiseren"]


def test_matches():
    condition = (("vormen", frozenset({"vgv", "achterlating"})), ("vgv_acuut", frozenset({"ja"})))
    assert matches(None, {})
    assert matches(condition, {"vormen": ["partnergeweld", "vgv"], "vgv_acuut": "ja"})
    assert not matches(condition, {"vormen": ["partnergeweld"], "vgv_acuut": "ja"})
    assert not matches(condition, {"vormen": ["vgv"], "vgv_acuut": "nee"})
    assert not matches(condition, {"vormen": ["vgv"]})
    assert matches((("disclosure", frozenset({"ja"})),), {"disclosure": "ja"})


def test_conditional_actions_when_and_unless():
    when = (("vgv_acuut", frozenset({"ja"})),)
    unless = (("advies_veilig_thuis", frozenset({"ja"})),)
    candidates = (
        ("altijd", None, None),
        ("alleen_acuut", when, None),
        ("tenzij_advies", None, unless),
        ("altijd", None, None),
    )
    actions = []
    _add(actions, candidates, {"vgv_acuut": "nee"})
    assert actions == ["altijd", "tenzij_advies"]
    actions = []
    _add(actions, candidates, {"vgv_acuut": "ja", "advies_veilig_thuis": "ja"})
    assert actions == ["altijd", "alleen_acuut"]


@pytest.mark.parametrize(
    "answers",
    [
        {},
        {"vermoeden": "nee", "veiligheid": "ja"},
        {"disclosure": "ja", "vormen": ["vgv", "huwelijksdwang"], "vgv_acuut": "ja"},
        {
            "vermoeden": "ja",
            "veiligheid": "ja",
            "hulp": "ja",
            "acceptatie": "ja",
            "resultaat": "nee",
        },
    ],
)
def test_deterministic(basis, answers):
    first = evaluate(basis, dict(answers))
    second = evaluate(basis, dict(reversed(list(answers.items()))))
    assert first.to_contract() == second.to_contract()
    assert json.dumps(first.to_contract(), sort_keys=False) == json.dumps(
        second.to_contract(), sort_keys=False
    )
    assert json.dumps(first.to_contract("en")) == json.dumps(
        evaluate(basis, answers).to_contract("en")
    )


def test_the_order_of_forms_does_not_change_the_decision(basis):
    one = decide(basis, vormen=["vgv", "eergerelateerd_geweld", "ontspoorde_mantelzorg"])
    other = decide(basis, vormen=["ontspoorde_mantelzorg", "eergerelateerd_geweld", "vgv"])
    assert json.dumps(one.to_contract()) == json.dumps(other.to_contract())


def test_evaluate_does_not_change_the_answers(basis):
    answers = {"vermoeden": "nee", "disclosure": "ja", "vormen": ["vgv", "vgv"], "hulp": None}
    copy = {k: (list(v) if isinstance(v, list) else v) for k, v in answers.items()}
    decision = evaluate(basis, answers)
    assert answers == copy
    assert decision.antwoorden == {"vermoeden": "nee", "disclosure": "ja", "vormen": ["vgv"]}


def test_a_disclosure_on_another_route_is_not_silently_dropped():
    """On the meldplicht route the disclosure norm does not fire, but the user is warned."""
    from tests.kader.helpers import onderwijs

    route = {
        "pleger_medewerker": "ja",
        "vormen": ["seksueel_misbruik"],
        "minderjarige_leerling": "ja",
    }
    decision = decide(onderwijs(), disclosure="ja", **route)
    assert decision.route == "meldplicht"
    assert "top_tot_teen_onderzoek" not in decision.acties
    warnings = decision.to_contract()["waarschuwingen"]
    assert any("thuissituatie" in w for w in warnings)
    assert decide(onderwijs(), **route).to_contract()["waarschuwingen"] == []
