"""Statutory routes fire exactly where the law says (domain review, findings 3 to 5)."""

import pytest

from meldcode import paths
from meldcode.kader import Registry
from meldcode.kader import evaluate


@pytest.fixture(scope="module")
def shipped():
    return Registry.load(paths.KADERS_DIR, paths.DATA_ROOT)


def route(kader, **answers) -> str:
    return evaluate(kader, answers).route


SEXUAL = ["seksueel_misbruik"]


# Onderwijs: a zedenmisdrijf by someone with tasks at the school against a minor pupil.
def test_onderwijs_route_for_sexual_abuse_of_a_minor_pupil(shipped):
    onderwijs = shipped.get("onderwijs")
    decision = evaluate(
        onderwijs, {"pleger_medewerker": "ja", "vormen": SEXUAL, "minderjarige_leerling": "ja"}
    )
    assert decision.route == "meldplicht"
    assert decision.normen == ["meldplicht_onderwijs"]
    assert decision.kader.model.norms["meldplicht_onderwijs"].kind == "wettelijke_plicht"


def test_sexual_violence_less_than_a_week_ago_counts_as_sexual_abuse(shipped):
    onderwijs = shipped.get("onderwijs")
    answers = {"pleger_medewerker": "ja", "seksueel_misbruik_recent": "ja"}
    assert route(onderwijs, **answers, minderjarige_leerling="ja") == "meldplicht"


@pytest.mark.parametrize(
    ("case", "answers"),
    [
        (
            "physical violence by a teacher",
            {
                "pleger_medewerker": "ja",
                "vormen": ["kindermishandeling"],
                "minderjarige_leerling": "ja",
            },
        ),
        (
            "an MBO student of 18 or over",
            {"pleger_medewerker": "ja", "vormen": SEXUAL, "minderjarige_leerling": "nee"},
        ),
        (
            "a student in higher education",
            {"pleger_medewerker": "ja", "vormen": SEXUAL, "minderjarige_leerling": "nee"},
        ),
        (
            "a staff member's violence at home",
            {"pleger_medewerker": "nee", "vormen": ["partnergeweld"]},
        ),
        ("age group not yet known", {"pleger_medewerker": "ja", "vormen": SEXUAL}),
    ],
)
def test_the_onderwijs_route_does_not_fire(shipped, case, answers):
    decision = evaluate(shipped.get("onderwijs"), answers)
    assert decision.route == "meldcode", case
    assert "meldplicht_onderwijs" not in decision.normen, case


def test_other_violence_by_a_teacher_informs_the_board_and_the_inspector(shipped):
    decision = evaluate(
        shipped.get("onderwijs"),
        {
            "pleger_medewerker": "ja",
            "vormen": ["kindermishandeling"],
            "minderjarige_leerling": "ja",
        },
    )
    assert decision.acties == ["bevoegd_gezag_informeren", "vertrouwensinspecteur_raadplegen"]
    assert decision.bijzondere_situaties == ["medewerker_vermoedelijke_pleger"]
    # and the meldcode stays open for the home situation
    assert decision.nog_nodig == ["vermoeden"]
    closed = evaluate(
        shipped.get("onderwijs"),
        {"pleger_medewerker": "ja", "vormen": ["kindermishandeling"], "vermoeden": "nee"},
    )
    # about the staff member, not a suspicion at home: the board is still informed
    assert closed.acties == [
        "bevoegd_gezag_informeren",
        "vertrouwensinspecteur_raadplegen",
        "afsluiten_en_vastleggen",
    ]


def test_an_unknown_age_group_is_asked_before_the_afwegingen(shipped):
    decision = evaluate(shipped.get("onderwijs"), {"pleger_medewerker": "ja", "vormen": SEXUAL})
    assert decision.nog_nodig == ["minderjarige_leerling", "vermoeden"]
    assert not decision.compleet


# Kinderopvang: a geweld- or zedendelict by someone with tasks against a child in the opvang.
def test_kinderopvang_route_for_the_houder_alone(shipped):
    decision = evaluate(shipped.get("kinderopvang"), {"pleger_houder": "ja"})
    assert decision.route == "meldplicht"
    assert decision.acties == ["politie_inschakelen", "vertrouwensinspecteur_raadplegen"]
    assert decision.pad_labels() == ["pleger_medewerker=ja"]
    assert any("houder" in w for w in decision.warnings("nl"))


def test_kinderopvang_staff_violence_at_home_is_no_route(shipped):
    kinderopvang = shipped.get("kinderopvang")
    assert route(kinderopvang, pleger_medewerker="nee", vormen=["partnergeweld"]) == "meldcode"
    question = kinderopvang.model.questions["pleger_medewerker"].text.nl
    assert "tegen een kind in de opvang" in question


def test_melden_in_kinderopvang_is_a_professional_norm_not_a_legal_duty(shipped):
    norms = shipped.get("kinderopvang").model.norms
    assert norms["meldnorm_1"].kind == "professionele_norm"
    assert "verplicht" not in norms["meldnorm_1"].text.nl
    assert norms["meldplicht_kinderopvang"].kind == "wettelijke_plicht"


# Zorg, jeugdhulp and Wmo: the provider reports to the IGJ or the Wmo supervisor.
@pytest.mark.parametrize("kader_id", ["artsen", "paramedici", "logopedie", "verloskundigen"])
def test_care_professions_take_the_igj_route(shipped, kader_id):
    decision = evaluate(shipped.get(kader_id), {"pleger_medewerker": "ja"})
    assert decision.route == "meldplicht_igj"
    assert decision.acties == ["leiding_informeren", "igj_melden"]
    assert decision.normen == ["meldplicht_zorgrelatie"]


@pytest.mark.parametrize(
    "kader_id", ["basis", "verpleging-verzorging", "psychosociaal", "jgz", "ggz", "sociaal-domein"]
)
def test_providers_answer_which_duty_applies(shipped, kader_id):
    kader = shipped.get(kader_id)
    igj = {"pleger_medewerker": "ja", "aanbieder_zorg_jeugd": "ja"}
    wmo = {"pleger_medewerker": "ja", "aanbieder_zorg_jeugd": "nee", "aanbieder_wmo": "ja"}
    neither = {"pleger_medewerker": "ja", "aanbieder_zorg_jeugd": "nee", "aanbieder_wmo": "nee"}
    assert evaluate(kader, igj).route == "meldplicht_igj"
    assert evaluate(kader, wmo).route == "meldplicht_wmo"
    assert evaluate(kader, wmo).acties == ["leiding_informeren", "toezichthouder_melden"]
    assert evaluate(kader, neither).route == "meldcode"
    assert evaluate(kader, {"pleger_medewerker": "nee", "aanbieder_zorg_jeugd": "ja"}).route == (
        "meldcode"
    )


@pytest.mark.parametrize("kader_id", ["onderwijs", "kinderopvang"])
def test_schools_and_childcare_have_no_care_provider_route(shipped, kader_id):
    model = shipped.get(kader_id).model
    assert not {"meldplicht_igj", "meldplicht_wmo"} & set(model.routes)
    assert not {"aanbieder_zorg_jeugd", "aanbieder_wmo"} & set(model.questions)


def test_basis_no_longer_says_other_sectors_follow_the_meldcode(shipped):
    help_text = shipped.get("basis").model.questions["pleger_medewerker"].help.nl
    assert "In andere sectoren volg je de meldcode" not in help_text


def test_the_disclosure_norm_does_not_vanish_on_a_route(shipped):
    decision = evaluate(shipped.get("artsen"), {"pleger_medewerker": "ja", "disclosure": "ja"})
    assert decision.route == "meldplicht_igj"
    assert ("norm_buiten_route", {"norm": "disclosure"}) in decision.waarschuwingen
    assert any("thuissituatie" in w for w in decision.warnings("nl"))
