"""Coverage items: every path through the afwegingen, route, overruling norm, special case."""

from meldcode.kader import evaluate
from meldcode.kader.coverage import covered_by
from meldcode.kader.coverage import graph_paths
from meldcode.kader.coverage import items


def test_basis_has_nine_paths(basis):
    found = graph_paths(basis)
    assert len(found) == 9
    assert len(set(found)) == 9
    assert ("vermoeden=nee",) in found
    assert (
        "vermoeden=ja",
        "veiligheid=ja",
        "hulp=ja",
        "acceptatie=ja",
        "resultaat=ja",
    ) in found
    assert ("vermoeden=ja", "veiligheid=nee", "hulp=nee") in found
    for path in found:
        assert path[0].startswith("vermoeden=")
        *_, last = path
        question, answer = last.split("=")
        assert basis.graph[question][answer].next is None


def test_every_path_is_a_complete_decision(basis):
    for path in graph_paths(basis):
        answers = dict(step.split("=") for step in path)
        decision = evaluate(basis, answers)
        assert decision.compleet
        assert tuple(f"{s.vraag}={s.antwoord}" for s in decision.pad) == path
        assert "pad " + " ".join(path) in covered_by(decision)


def test_items_of_basis_and_onderwijs(basis, onderwijs):
    found = items(basis)
    assert len([i for i in found if i.startswith("pad ")]) == 9
    assert "norm disclosure" in found
    assert "bijzonder vgv" in found
    assert "bijzonder vgv → politie_inschakelen" in found
    assert "bijzonder vgv → veilig_thuis_direct_raadplegen" not in found  # unconditional
    assert "norm vgv_acuut" in found
    # basis has the statutory routes of care, youth care and Wmo providers; a school has not,
    # but has its own route for a sexual offence against a minor pupil
    assert {i for i in found if i.startswith("route ")} == {
        "route meldplicht_igj",
        "route meldplicht_wmo",
    }
    assert {i for i in items(onderwijs) if i.startswith("route ")} == {"route meldplicht"}
    assert "bijzonder medewerker_vermoedelijke_pleger" in items(onderwijs)


def test_a_partial_decision_covers_no_path(basis):
    decision = evaluate(basis, {"vermoeden": "ja", "veiligheid": "ja"})
    assert covered_by(decision) == {"norm meldnorm_1"}


def test_covered_by_a_route_and_special_case(onderwijs):
    decision = evaluate(
        onderwijs,
        {
            "pleger_medewerker": "ja",
            "minderjarige_leerling": "ja",
            "vormen": ["seksueel_misbruik", "vgv"],
            "vgv_acuut": "ja",
        },
    )
    covered = covered_by(decision)
    assert "route meldplicht" in covered
    assert "norm meldplicht_onderwijs" in covered
    assert "bijzonder vgv" in covered
    assert "bijzonder vgv → politie_inschakelen" in covered
