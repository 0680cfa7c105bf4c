"""The decision contract (docs/beslissingscontract.md): stable keys, JSON, two languages."""

import json
import re

import pytest

from meldcode.kader import evaluate

FULL = {"vermoeden": "ja", "veiligheid": "ja", "hulp": "ja", "acceptatie": "nee"}
CONTRACT_KEYS = {
    "kader",
    "route",
    "melden",
    "hulp",
    "afsluiten",
    "acties",
    "normen",
    "pad",
    "nog_nodig",
    "compleet",
    "bijzondere_situaties",
    "ongebruikt",
    "waarschuwingen",
    "bij_twijfel",
    "informeren_uitzonderingen",
}
KADER_KEYS = {"id", "versie", "geldig_vanaf", "geldig_tot", "titel", "status", "basis", "sha256"}
BRON_KEYS = {"document", "titel", "uitgever", "datum", "sectie", "url", "vindplaats", "status"}
PAD_KEYS = {
    "vraag",
    "antwoord",
    "gevolg",
    "bron",
    "regel",
    "status",
    "norm",
    "gegeven",
    "overruled_by",
    "samen_met_veilig_thuis",
}


@pytest.fixture(scope="module")
def contract(basis):
    return evaluate(basis, FULL).to_contract()


def test_keys(contract):
    assert CONTRACT_KEYS <= set(contract)
    assert KADER_KEYS <= set(contract["kader"])
    for norm in contract["normen"]:
        assert set(norm) == {"id", "soort", "bron"}
        assert norm["soort"] in ("professionele_norm", "wettelijke_plicht")
        assert BRON_KEYS <= set(norm["bron"])
    for step in contract["pad"]:
        assert PAD_KEYS <= set(step)
        assert BRON_KEYS <= set(step["bron"])


def test_values(basis, contract):
    model = basis.model
    assert contract["kader"]["id"] == "basis"
    assert contract["kader"]["versie"] == "2019.1"
    assert contract["kader"]["geldig_vanaf"] == "2019-01-01"
    assert contract["kader"]["geldig_tot"] is None
    assert contract["kader"]["titel"] == model.title.nl
    assert contract["kader"]["status"] == "gedeeltelijk"
    assert contract["kader"]["basis"] is None
    assert re.fullmatch(r"[0-9a-f]{64}", contract["kader"]["sha256"])
    assert contract["route"] == "meldcode"
    assert (contract["melden"], contract["hulp"], contract["afsluiten"]) == (True, False, False)
    assert contract["acties"] == ["melden_veilig_thuis", "samen_met_veilig_thuis"]
    assert [n["id"] for n in contract["normen"]] == ["meldnorm_1", "meldnorm_2"]
    assert contract["nog_nodig"] == []
    assert contract["compleet"] is True
    assert contract["ongebruikt"] == []
    assert contract["bij_twijfel"] == {"label": "Veilig Thuis", "telefoon": "0800-2000"}


def test_pad_entries(contract):
    assert [(p["vraag"], p["antwoord"], p["gevolg"]) for p in contract["pad"]] == [
        ("vermoeden", "ja", "veiligheid"),
        ("veiligheid", "ja", "melden_veilig_thuis"),
        ("hulp", "ja", "acceptatie"),
        ("acceptatie", "nee", "melden_veilig_thuis"),
    ]
    first = contract["pad"][0]
    assert first["regel"] == "basis:vermoeden.ja"
    assert first["status"] == "bevestigd"
    assert first["gegeven"] == "ja"
    assert first["overruled_by"] is None
    assert first["bron"] == {
        "document": "basisdocument",
        "titel": "Basisdocument – Het afwegingskader in de meldcode huiselijk geweld en "
        "kindermishandeling",
        "uitgever": "Rijksoverheid",
        "datum": "2017-07-28",
        "sectie": "Afweging 1",
        "url": "https://www.rijksoverheid.nl/documenten/richtlijnen/2017/07/28/"
        "afwegingskader-in-de-meldcode-huiselijk-geweld-en-kindermishandeling",
        "vindplaats": None,
        "status": "bevestigd",
    }
    assert [p["norm"] for p in contract["pad"]] == [None, "meldnorm_1", None, "meldnorm_2"]


def test_norm_sources(contract):
    # The national norm cites a national source, not the doctors' code (review, finding 16).
    bron = contract["normen"][0]["bron"]
    assert bron["document"] == "kamerbrief_voortgang_2025"
    assert bron["sectie"].startswith("Versterken meldcode")
    assert contract["normen"][0]["soort"] == "professionele_norm"


def test_json_serialisable(basis, contract):
    text = json.dumps(contract, ensure_ascii=False)
    assert json.loads(text) == contract
    partial = evaluate(basis, {"disclosure": "ja", "vormen": ["vgv"]}).to_contract("en")
    assert json.loads(json.dumps(partial)) == partial


def test_english(basis, onderwijs):
    decision = evaluate(onderwijs, {"vermoeden": "ja"})
    nl, en = decision.to_contract(), decision.to_contract(language="en")
    assert en["kader"]["titel"] == onderwijs.model.title.en
    assert en["kader"]["titel"] == (
        "Reporting code decision framework for education and compulsory schooling"
    )
    assert nl["kader"]["titel"] == "Afwegingskader meldcode onderwijs en leerplicht"
    assert en["bij_twijfel"]["label"] == "Veilig Thuis"
    # only the language of the texts differs
    for key in CONTRACT_KEYS - {"kader", "waarschuwingen", "bij_twijfel"}:
        assert en[key] == nl[key], key
    basis_en = evaluate(basis, {}).to_contract("en")
    assert basis_en["kader"]["titel"].startswith("National model reporting code")


def test_a_sector_kader_names_its_parent(onderwijs, basis):
    contract = evaluate(onderwijs, {"vermoeden": "nee"}).to_contract()
    assert contract["kader"]["basis"] == "basis 2019.1"
    assert contract["kader"]["id"] == "onderwijs"
    assert contract["pad"][0]["regel"] == "onderwijs:vermoeden.nee"
    assert contract["kader"]["sha256"] != evaluate(basis, {}).to_contract()["kader"]["sha256"]


def test_the_contract_is_a_copy(basis):
    decision = evaluate(basis, FULL)
    contract = decision.to_contract()
    contract["acties"].append("iets")
    contract["normen"][0]["bron"]["titel"] = "anders"
    again = decision.to_contract()
    assert "iets" not in again["acties"]
    assert again["normen"][0]["bron"]["titel"] != "anders"
