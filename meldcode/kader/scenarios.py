"""Scenario files: named cases with the decision a kader must give (OpenFisca style).

One file per kader in ``afwegingskaders/scenarios/``. Each case gives answers and the
expected route, decisions, actions and path; the runner reports file, case, expected and
got. Used by ``meldcode kaders check`` and by the pytest collector in tests/.
"""

import datetime
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic import StrictBool

from meldcode.kader.coverage import covered_by
from meldcode.kader.coverage import items
from meldcode.kader.engine import evaluate
from meldcode.kader.errors import AnswerError
from meldcode.kader.errors import Issue
from meldcode.kader.errors import KaderError
from meldcode.kader.i18n import _
from meldcode.kader.inherit import as_merged
from meldcode.kader.model_parts import NonEmpty
from meldcode.kader.model_parts import Strict
from meldcode.kader.registry import Registry
from meldcode.kader.registry import UnknownKader
from meldcode.kader.validate import to_model
from meldcode.kader.yamlsafe import load_file

MIN_SCENARIOS = 10


class Expect(Strict):
    """What a scenario expects; the first five keys are required."""

    route: Literal["meldcode", "meldplicht"] | NonEmpty
    melden: StrictBool | None
    hulp: StrictBool | None
    acties: list[NonEmpty]
    pad: list[NonEmpty]
    afsluiten: StrictBool | None = None
    normen: list[NonEmpty] | None = None
    nog_nodig: list[NonEmpty] | None = None
    bijzondere_situaties: list[NonEmpty] | None = None


class Scenario(Strict):
    """A named case: a sentence in Dutch, answers, and the expected decision."""

    name: NonEmpty
    datum: datetime.date | None = None
    answers: dict[str, object]
    expect: Expect
    note: NonEmpty | None = None


class ScenarioFile(Strict):
    """All scenarios of one kader."""

    kader: NonEmpty
    datum: datetime.date
    scenarios: list[Scenario] = Field(min_length=1)


@dataclass
class Result:
    """The outcome of one scenario."""

    file: str
    name: str
    differences: list[tuple[str, object, object]] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        """Tell whether the scenario passed."""
        return not self.differences and self.error is None

    def report(self) -> str:
        """Describe a failure: file, case name, and expected against got."""
        lines = [f"{self.file}: {self.name}"]
        if self.error:
            lines.append("  " + self.error)
        for key, expected, got in self.differences:
            lines.append(
                _("  {key}: verwacht {expected}, kreeg {got}").format(
                    key=key, expected=expected, got=got
                )
            )
        return "\n".join(lines)


def load_scenarios(path: Path, display: str | None = None) -> ScenarioFile:
    """Load and validate one scenario file."""
    loaded = load_file(path, display)
    return to_model(as_merged(loaded), ScenarioFile)


def run_file(
    registry: Registry, path: Path, display: str | None = None
) -> tuple[list[Result], set[str]]:
    """Run every scenario in a file; return the results and the coverage items reached."""
    name = display or str(path)
    scenarios = load_scenarios(path, name)
    reached: set[str] = set()
    results = []
    for case in scenarios.scenarios:
        result = Result(name, case.name)
        try:
            kader = registry.valid_on(scenarios.kader, case.datum or scenarios.datum)
            decision = evaluate(kader, case.answers)
        except (UnknownKader, AnswerError) as exc:
            result.error = str(exc)
            results.append(result)
            continue
        reached |= covered_by(decision)
        result.differences = compare(case.expect, decision)
        results.append(result)
    return results, reached


def compare(expect: Expect, decision) -> list[tuple[str, object, object]]:
    """List every expected key whose value differs from the decision."""
    got = {
        "route": decision.route,
        "melden": decision.melden,
        "hulp": decision.hulp,
        "afsluiten": decision.afsluiten,
        "acties": decision.acties,
        "normen": decision.normen,
        "pad": decision.pad_labels(),
        "nog_nodig": decision.nog_nodig,
        "bijzondere_situaties": decision.bijzondere_situaties,
    }
    differences = []
    for key, expected in expect.model_dump(exclude_unset=True).items():
        if expected != got[key]:
            differences.append((key, expected, got[key]))
    return differences


def check_folder(
    registry: Registry, folder: Path, root: Path | None = None
) -> tuple[list[Result], list[Issue]]:
    """Run all scenario files; report failures and uncovered or under-tested kaders."""
    results: list[Result] = []
    issues: list[Issue] = []
    reached: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for path in sorted(folder.glob("*.yaml")):
        shown = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
        try:
            file_results, file_reached = run_file(registry, path, shown)
            kader_id = load_scenarios(path, shown).kader
        except KaderError as exc:
            issues += exc.issues
            continue
        results += file_results
        reached.setdefault(kader_id, set()).update(file_reached)
        counts[kader_id] = counts.get(kader_id, 0) + len(file_results)
    where = str(folder.relative_to(root)) if root and folder.is_relative_to(root) else str(folder)
    for kader_id in registry.ids():
        for kader in registry.versions(kader_id):
            missing = sorted(items(kader) - reached.get(kader_id, set()))
            for item in missing:
                issues.append(
                    Issue(
                        where,
                        None,
                        kader_id,
                        _("geen scenario voor {item} (versie {version})").format(
                            item=item, version=kader.version
                        ),
                    )
                )
        if counts.get(kader_id, 0) < MIN_SCENARIOS:
            issues.append(
                Issue(
                    where,
                    None,
                    kader_id,
                    _("{count} scenario's; minstens {minimum} nodig").format(
                        count=counts.get(kader_id, 0), minimum=MIN_SCENARIOS
                    ),
                )
            )
    return results, issues
