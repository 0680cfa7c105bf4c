"""Every shipped kader loads, lints, and is covered by at least ten scenarios.

Generic on purpose: new kaders in afwegingskaders/ are checked as soon as they appear.
"""

import pytest

from meldcode import paths
from meldcode.kader import Registry
from meldcode.kader.coverage import items
from meldcode.kader.scenarios import MIN_SCENARIOS
from meldcode.kader.scenarios import check_folder
from meldcode.kader.scenarios import load_scenarios
from meldcode.kader.scenarios import run_file
from tests.kader.helpers import AFWEGINGEN


@pytest.fixture(scope="module")
def registry():
    return Registry.load(paths.KADERS_DIR, paths.DATA_ROOT)


def test_the_core_kaders_are_shipped(registry):
    assert {"basis", "onderwijs"} <= set(registry.ids())
    assert registry.ids()[0] == "basis"


def test_every_kader_has_the_five_afwegingen_and_sources(registry):
    for kader in registry.all():
        model = kader.model
        assert model.afwegingen() == AFWEGINGEN, kader.label()
        assert model.start == "vermoeden", kader.label()
        assert [s.number for _sid, s in model.ordered_steps()] == [1, 2, 3, 4, 5], kader.label()
        for question in AFWEGINGEN:
            assert ("vraag", question) in kader.bronnen, kader.label()
        assert "veilig_thuis" in model.contacts, kader.label()


def test_scenarios_pass_and_cover_every_kader(registry):
    results, issues = check_folder(registry, paths.SCENARIOS_DIR, paths.DATA_ROOT)
    assert [str(issue) for issue in issues] == []
    assert [r.report() for r in results if not r.ok] == []
    assert len(results) >= MIN_SCENARIOS * len(registry.ids())


def test_each_kader_counted_on_its_own(registry):
    """The same check, computed here, per kader id: ten scenarios and every item reached."""
    reached: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for path in sorted(paths.SCENARIOS_DIR.glob("*.yaml")):
        kader_id = load_scenarios(path).kader
        results, covered = run_file(registry, path)
        assert all(r.ok for r in results), [r.report() for r in results if not r.ok]
        reached.setdefault(kader_id, set()).update(covered)
        counts[kader_id] = counts.get(kader_id, 0) + len(results)
    problems = {}
    for kader_id in registry.ids():
        if counts.get(kader_id, 0) < MIN_SCENARIOS:
            problems[kader_id] = f"{counts.get(kader_id, 0)} scenario's"
        for kader in registry.versions(kader_id):
            missing = items(kader) - reached.get(kader_id, set())
            if missing:
                problems[kader.label()] = sorted(missing)
    assert problems == {}
