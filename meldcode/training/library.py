"""A training case (oefencasus): its schema and its loader.

One YAML file per fictional case: the facts a participant reads per meldcode step, a model
answer per question with its reasoning cited to the kader, the decision the kader must give
on those answers, and notes for the trainer. Schema keywords are English, domain words
Dutch; unknown keys are errors. Read with the kaders' strict loader (docs/oefencasussen.md).
"""

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated
from typing import Literal

from pydantic import BeforeValidator
from pydantic import Field
from pydantic import StrictBool
from pydantic import StringConstraints
from pydantic import field_validator
from pydantic import model_validator

from meldcode.casus.casefile import CaseFile
from meldcode.kader.errors import Issue
from meldcode.kader.i18n import _
from meldcode.kader.inherit import Merged
from meldcode.kader.inherit import as_merged
from meldcode.kader.model_parts import Id
from meldcode.kader.model_parts import NonEmpty
from meldcode.kader.model_parts import Strict
from meldcode.kader.model_parts import Text
from meldcode.kader.validate import to_model
from meldcode.kader.yamlsafe import load_file
from meldcode.training.cites import Cite

FORMAT = "meldcode-oefencasus/1"
CaseId = Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z][a-z0-9-]*$", max_length=60)]


def _at_least_one(value):
    """Refuse an empty list with a sentence instead of pydantic's."""
    if isinstance(value, list) and not value:
        raise ValueError(_("noem er minstens één"))
    return value


class KaderRef(Strict):
    """Which kader the case is weighed with: its newest version, or one by version or date."""

    id: NonEmpty
    version: NonEmpty | None = None
    date: datetime.date | None = None

    @model_validator(mode="after")
    def _one_choice(self):
        """Refuse both a version and a date: they could disagree."""
        if self.version is not None and self.date is not None:
            raise ValueError(_("geef 'version' of 'date', niet allebei"))
        return self


class Fact(Strict):
    """One thing the participant reads: an observation, a remark, a consultation, a talk."""

    kind: Literal[
        "achtergrond", "waarneming", "uitspraak", "overleg", "gesprek", "check", "vervolg"
    ]
    who: Text | None = None
    when: Text | None = None
    text: Text


class StepFacts(Strict):
    """The facts shown at one step of the meldcode, before its questions."""

    step: int = Field(ge=1, le=5)
    intro: Text | None = None
    facts: Annotated[list[Fact], BeforeValidator(_at_least_one)]


class ModelAnswer(Strict):
    """The model answer to one question, why, and where in the kader that rests."""

    answer: str | list[str]
    reasoning: Text
    cites: Annotated[list[Cite], BeforeValidator(_at_least_one)]

    @field_validator("answer", mode="before")
    @classmethod
    def _answer(cls, value):
        """Accept a word (ja, nee) or a list of words (vormen)."""
        if isinstance(value, str) or (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
        ):
            return value
        raise ValueError(_("schrijf ja of nee, of een lijst van waarden"))


class Expected(Strict):
    """The decision the kader must give on the model answers (the decision contract's keys)."""

    route: NonEmpty
    melden: StrictBool | None
    hulp: StrictBool | None
    afsluiten: StrictBool
    acties: list[Id]
    nog_nodig: list[Id] = Field(default_factory=list)
    normen: list[Id] | None = None
    pad: list[NonEmpty] | None = None
    bijzondere_situaties: list[Id] | None = None
    explanation: Text


class Note(Strict):
    """A teaching note: a text, the questions it is about, the kader it cites."""

    text: Text
    about: list[Id] = Field(default_factory=list)
    cites: list[Cite] = Field(default_factory=list)


class TeachingNotes(Strict):
    """For the trainer: where groups differ, common pitfalls, what the kader says."""

    discussion: Annotated[list[Note], BeforeValidator(_at_least_one)]
    pitfalls: Annotated[list[Note], BeforeValidator(_at_least_one)]
    kader_says: list[Note] = Field(default_factory=list)


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
    learning_goals: Annotated[list[Text], BeforeValidator(_at_least_one)]
    steps: list[StepFacts]
    model_answers: dict[Id, ModelAnswer]
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
