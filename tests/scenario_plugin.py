"""Pytest collector for the kader scenario files (afwegingskaders/scenarios/*.yaml).

Each scenario becomes one test item named after its Dutch sentence; a failure reports the
file, the case name, and what was expected against what the engine gave.
"""

from functools import lru_cache

import pytest

from meldcode import paths
from meldcode.kader import Registry
from meldcode.kader.engine import evaluate
from meldcode.kader.scenarios import compare
from meldcode.kader.scenarios import load_scenarios


@lru_cache(maxsize=1)
def registry() -> Registry:
    return Registry.load(paths.KADERS_DIR, paths.DATA_ROOT)


def pytest_collect_file(file_path, parent):
    if file_path.suffix == ".yaml" and file_path.parent == paths.SCENARIOS_DIR:
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


class ScenarioFile(pytest.File):
    def collect(self):
        scenarios = load_scenarios(self.path, self.path.name)
        for case in scenarios.scenarios:
            yield ScenarioItem.from_parent(
                self,
                name=case.name,
                case=case,
                kader_id=scenarios.kader,
                day=case.datum or scenarios.datum,
            )


class ScenarioMismatch(Exception):
    pass


class ScenarioItem(pytest.Item):
    def __init__(self, *, case, kader_id, day, **kwargs):
        super().__init__(**kwargs)
        self.case = case
        self.kader_id = kader_id
        self.day = day

    def runtest(self):
        kader = registry().valid_on(self.kader_id, self.day)
        decision = evaluate(kader, self.case.answers)
        differences = compare(self.case.expect, decision)
        if differences:
            raise ScenarioMismatch(differences)

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, ScenarioMismatch):
            lines = [f"{self.path.name}: {self.name}"]
            for key, expected, got in excinfo.value.args[0]:
                lines.append(f"  {key}: expected {expected!r}, got {got!r}")
            return "\n".join(lines)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, 0, f"scenario: {self.name}"
