"""The parts of a training case: facts per step, model answers, the expected decision, notes.

``library`` puts them together into a whole case (``TrainingCase``). The questions a case
adds to stap 2 and 3 itself (whom to consult, what to say in the conversation) are
``StepQuestion``: they are not the kader's and never reach the engine, but they are asked,
counted and revealed like the kader's questions, with a model answer citing the kader.
"""

import datetime
from typing import Annotated
from typing import Literal

from pydantic import BeforeValidator
from pydantic import Field
from pydantic import StrictBool
from pydantic import field_validator
from pydantic import model_validator

from meldcode.kader.i18n import _
from meldcode.kader.model_parts import Id
from meldcode.kader.model_parts import NonEmpty
from meldcode.kader.model_parts import Strict
from meldcode.kader.model_parts import Text
from meldcode.training.cites import Cite

STEP_QUESTION_STEPS = (2, 3)  # consultation and conversation: where a case adds questions


def at_least_one(value):
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
    facts: Annotated[list[Fact], BeforeValidator(at_least_one)]


class ModelAnswer(Strict):
    """The model answer to one question, why, and where in the kader that rests."""

    answer: str | list[str]
    reasoning: Text
    cites: Annotated[list[Cite], BeforeValidator(at_least_one)]

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

    discussion: Annotated[list[Note], BeforeValidator(at_least_one)]
    pitfalls: Annotated[list[Note], BeforeValidator(at_least_one)]
    kader_says: list[Note] = Field(default_factory=list)


class StepQuestion(Strict):
    """A question the case asks in stap 2 or 3, with its options and the model answer.

    ``keuze`` takes one option, ``meerkeuze`` one or more. The model answer names the
    option(s) the kader supports, with the reasoning and citations of any model answer.
    """

    id: Id
    step: int
    kind: Literal["keuze", "meerkeuze"]
    label: Text
    text: Text
    help: Text | None = None
    choices: dict[Id, Text]
    model: ModelAnswer

    @field_validator("step")
    @classmethod
    def _step(cls, value):
        """Allow stap 2 (consultation) and stap 3 (the conversation) only."""
        if value not in STEP_QUESTION_STEPS:
            message = _("een eigen vraag hoort bij stap 2 of stap 3, niet bij {step}")
            raise ValueError(message.format(step=value))
        return value

    @model_validator(mode="after")
    def _model_in_choices(self):
        """Require at least two options, and a model answer made of them (one for keuze)."""
        if len(self.choices) < 2:
            raise ValueError(_("geef minstens twee mogelijkheden bij 'choices'"))
        answer = self.model.answer
        chosen = answer if isinstance(answer, list) else [answer]
        if self.kind == "keuze" and not isinstance(answer, str):
            raise ValueError(_("het modelantwoord van een keuzevraag is één mogelijkheid"))
        if self.kind == "meerkeuze" and not (isinstance(answer, list) and answer):
            message = _("het modelantwoord van een meerkeuzevraag is een lijst, minstens één")
            raise ValueError(message)
        unknown = [c for c in chosen if c not in self.choices]
        if unknown:
            raise ValueError(
                _("modelantwoord '{value}' staat niet bij 'choices'. Toegestaan: {allowed}").format(
                    value=", ".join(unknown), allowed=", ".join(self.choices)
                )
            )
        return self

    def options(self) -> list[str]:
        """Return the option ids in the file's order."""
        return list(self.choices)
