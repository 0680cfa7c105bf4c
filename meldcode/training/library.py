"""A training case (oefencasus): its schema and its loader.

One YAML file per fictional case: the facts a participant reads per meldcode step, a model
answer per question with its reasoning cited to the kader, the decision the kader must give
on those answers, and notes for the trainer. Schema keywords are English, domain words
Dutch; unknown keys are errors. Read with the kaders' strict loader (docs/oefencasussen.md).
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated
from typing import Literal

from pydantic import BeforeValidator
from pydantic import Field
from pydantic import StringConstraints
from pydantic import field_validator
from pydantic import model_validator

from meldcode.casus.casefile import CaseFile
from meldcode.kader.errors import Issue
from meldcode.kader.i18n import _
from meldcode.kader.inherit import Merged
from meldcode.kader.inherit import as_merged
from meldcode.kader.model_parts import Id
from meldcode.kader.model_parts import Strict
from meldcode.kader.model_parts import Text
from meldcode.kader.validate import to_model
from meldcode.kader.yamlsafe import load_file
from meldcode.training.case_parts import Expected
from meldcode.training.case_parts import KaderRef
from meldcode.training.case_parts import ModelAnswer
from meldcode.training.case_parts import StepFacts
from meldcode.training.case_parts import StepQuestion
from meldcode.training.case_parts import TeachingNotes
from meldcode.training.case_parts import at_least_one

FORMAT = "meldcode-oefencasus/1"
CaseId = Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z][a-z0-9-]*$", max_length=60)]


class TrainingCase(Strict):
    """A whole fictional training case."""

    format: Literal["meldcode-oefencasus/1"]
    id: CaseId
    fictief: Literal[True]
    fiction_notice: Text
    title: Text
    summary: Text
    sector: Text
    role: Text
    kader: KaderRef
    level: Literal["basis", "gevorderd"]
    duration_minutes: int = Field(ge=10, le=240)
    learning_goals: Annotated[list[Text], BeforeValidator(at_least_one)]
    steps: list[StepFacts]
    model_answers: dict[Id, ModelAnswer]
    step_questions: list[StepQuestion] = Field(default_factory=list)
    expected: Expected
    teaching_notes: TeachingNotes
    casusbestand: CaseFile | None = None

    @field_validator("fictief", mode="before")
    @classmethod
    def _fictional(cls, value):
        """Insist on ``fictief: true``: a training case is always made up."""
        if value is not True:
            raise ValueError(_("een oefencasus is altijd verzonnen: schrijf 'fictief: true'"))
        return value

    @field_validator("steps")
    @classmethod
    def _steps(cls, value):
        """Require each step once, in order, starting at stap 1."""
        numbers = [s.step for s in value]
        if not numbers or numbers[0] != 1 or numbers != sorted(set(numbers)):
            raise ValueError(
                _(
                    "stappen moeten bij 1 beginnen en elk één keer oplopend voorkomen, nu: {got}"
                ).format(got=", ".join(map(str, numbers)) or "-")
            )
        return value

    @field_validator("model_answers")
    @classmethod
    def _forms(cls, value):
        """Require the form(s) of violence the case is about."""
        if "vormen" not in value:
            raise ValueError(_("een modelantwoord voor 'vormen' ontbreekt"))
        return value

    @model_validator(mode="after")
    def _step_questions(self):
        """Require unique ids, and facts at the step of each own question to base it on."""
        with_facts = {s.step for s in self.steps}
        seen = set()
        for question in self.step_questions:
            if question.id in seen or question.id in self.model_answers:
                raise ValueError(_("vraag '{id}' komt twee keer voor").format(id=question.id))
            seen.add(question.id)
            if question.step not in with_facts:
                message = _("vraag '{id}' hoort bij stap {step}, maar die stap heeft geen feiten")
                raise ValueError(message.format(id=question.id, step=question.step))
        return self

    def step_question(self, qid: str) -> StepQuestion | None:
        """Return the case's own question with this id, or None."""
        return next((q for q in self.step_questions if q.id == qid), None)

    def answers(self) -> dict:
        """Return the model answers as the engine reads them."""
        return {question: model.answer for question, model in self.model_answers.items()}


@dataclass
class LoadedCase:
    """A case read from a file, with the line of every key for later messages."""

    case: TrainingCase
    merged: Merged
    file: str
    path: Path

    def issue(self, path: tuple, message: str) -> Issue:
        """Build an Issue at a key path of this file."""
        return self.merged.issue(path, message)


def load_case(path: Path, display: str | None = None) -> LoadedCase:
    """Read and validate one case file; raise KaderError naming file, line and key."""
    loaded = load_file(path, display)
    merged = as_merged(loaded)
    case = to_model(merged, TrainingCase)
    return LoadedCase(case, merged, loaded.file, path)  # type: ignore[arg-type]
