"""One participant's way through a training case: which questions each step asks, and when.

The questions come from the real wizard: the input questions the case's model answers name
(in stap 1, or stap 2 for the advice of Veilig Thuis, each conditional one only when it
applies), and the afwegingen of each step with the state the engine gives them. Like a case
that stops after a report ('afweging 3 to 5 you weigh together with Veilig Thuis'), a
participant is done when the engine needs nothing more, or only what the case leaves to
Veilig Thuis.
"""

from dataclasses import dataclass
from functools import cached_property

from meldcode.kader import ResolvedKader
from meldcode.kader import evaluate
from meldcode.kader.answers import counted
from meldcode.kader.layout import relevant
from meldcode.kader.layout import rows_of
from meldcode.kader.layout import step_of
from meldcode.kader.layout import step_questions
from meldcode.training.library import TrainingCase

STEPS = (1, 2, 3, 4, 5)
_LAYOUT: dict[tuple, tuple] = {}  # (kader, version, step) -> (input questions, step)


def layout(kader: ResolvedKader, number: int) -> tuple:
    """Return a step's input questions and the kader's step, worked out once per kader."""
    key = (kader.id, kader.version, number)
    if key not in _LAYOUT:
        inputs = step_questions(kader, number) if number in (1, 2) else []
        _LAYOUT[key] = (inputs, step_of(kader, number))
    return _LAYOUT[key]


@dataclass
class Item:
    """A question on a step page: its answer so far and what the engine does with it."""

    qid: str
    question: object
    step: int
    state: str  # "beantwoord", "te_doen", and for afwegingen also rows_of's states
    value: object
    pad: object = None

    @property
    def is_afweging(self) -> bool:
        """Tell whether this is an afweging (ja/nee with a required motivation)."""
        return self.question.kind == "afweging"


class Walk:
    """The questions of one participant, from their answers so far."""

    def __init__(self, case: TrainingCase, kader: ResolvedKader, answers: dict):
        """Evaluate the answers (question -> value) with the case's kader."""
        self.case = case
        self.kader = kader
        self.answers = counted(kader, answers)
        self.decision = evaluate(kader, self.answers)

    def inputs(self, number: int) -> list[Item]:
        """Return the input questions of a step that this case asks and that apply."""
        items = []
        for qid in layout(self.kader, number)[0]:
            if qid not in self.case.model_answers or not relevant(qid, self.answers, self.kader):
                continue
            value = self.answers.get(qid)
            state = "beantwoord" if value is not None else "te_doen"
            items.append(Item(qid, self.kader.model.questions[qid], number, state, value))
        return items

    def afwegingen(self, number: int) -> list[Item]:
        """Return the afwegingen of a step with their state; none on another route."""
        if self.decision.route != "meldcode":
            return []
        step = layout(self.kader, number)[1]
        items = []
        for row in rows_of(self.kader, step, self.decision, self.answers):
            state = row.state
            if state == "telt" and self.answers.get(row.qid) is None:
                state = "te_doen"  # a norm answered it; the participant still weighs it
            elif state == "aan_de_beurt" and self.stops_with_veilig_thuis:
                state = "samen_met_veilig_thuis"
            items.append(
                Item(row.qid, row.question, number, state, self.answers.get(row.qid), row.pad)
            )
        return items

    def items(self, number: int) -> list[Item]:
        """Return every question of a step: inputs first, then afwegingen."""
        return self.inputs(number) + self.afwegingen(number)

    @cached_property
    def all_items(self) -> list[Item]:
        """Return every question of every step, in order."""
        return [item for number in STEPS for item in self.items(number)]

    @cached_property
    def stops_with_veilig_thuis(self) -> bool:
        """Tell whether the rest is weighed with Veilig Thuis and the case stops here."""
        d = self.decision
        together = any(step.branch.with_veilig_thuis for step in d.pad)
        return bool(d.nog_nodig) and together and d.nog_nodig[0] not in self.case.model_answers

    def todo(self) -> list[Item]:
        """Return the questions still to answer now, in order."""
        return [i for i in self.all_items if i.state in ("te_doen", "aan_de_beurt")]

    @property
    def done(self) -> bool:
        """Tell whether the participant has answered everything the case asks."""
        return not self.todo()

    def open_until(self) -> int:
        """Return the last step the participant may open: up to the first open question."""
        todo = self.todo()
        return todo[0].step if todo else STEPS[-1]

    def item(self, qid: str) -> Item | None:
        """Return a question the participant may answer now or change, else None."""
        return next(
            (
                i
                for i in self.all_items
                if i.qid == qid and i.state in ("te_doen", "aan_de_beurt", "beantwoord", "telt")
            ),
            None,
        )

    def next_after(self, qid: str) -> Item | None:
        """Return the next question to answer in the same step as ``qid``, else None."""
        current = self.item(qid)
        todo = [i for i in self.todo() if i.qid != qid]
        if current is None or not todo or todo[0].step != current.step:
            return None
        return todo[0]

    def counted(self) -> dict:
        """Return the answers that count in the class view: asked inputs, afwegingen on the path.

        An afweging counts with the answer the participant gave, also when a norm overrules
        it: where the group thought otherwise is what the trainer wants to see.
        """
        found = {i.qid: i.value for i in self.all_items if i.state == "beantwoord"}
        if self.decision.route == "meldcode":
            found.update({s.vraag: s.gegeven for s in self.decision.pad if s.gegeven is not None})
        return found
