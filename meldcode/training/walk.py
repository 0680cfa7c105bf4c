"""One participant's way through a training case: which questions each step asks, and when.

The questions come from the real wizard: the input questions the case's model answers name
(in stap 1, or stap 2 for the advice of Veilig Thuis, each conditional one only when it
applies), the case's own questions of stap 2 and 3 (whom to consult, what to say), and the
afwegingen of each step with the state the engine gives them. Only answers on the path the
participant walks now count (meldcode.training.path); the others are kept and shown as no
longer on their path. Like a case that stops after a report ('afweging 3 to 5 you weigh
together with Veilig Thuis'), a participant is done when the engine needs nothing more, or
only what the case leaves to Veilig Thuis. The trainer may open the steps one at a time:
``open_step`` is the last step open to the class.
"""

from dataclasses import dataclass
from functools import cached_property

from meldcode.kader import ResolvedKader
from meldcode.kader.layout import rows_of
from meldcode.kader.layout import step_of
from meldcode.kader.layout import step_questions
from meldcode.training.case_parts import StepQuestion
from meldcode.training.library import TrainingCase
from meldcode.training.path import applies
from meldcode.training.path import on_path

STEPS = (1, 2, 3, 4, 5)
OPEN = ("te_doen", "aan_de_beurt")  # states of a question still to answer
ANSWERABLE = (*OPEN, "beantwoord", "telt")
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
    """A question on a step page: its answer so far and what the engine does with it.

    ``state`` is "beantwoord" or "te_doen", for afwegingen also rows_of's states, and
    "niet_op_pad" for an answer the participant gave on a path they no longer walk.
    """

    qid: str
    question: object
    step: int
    state: str
    value: object
    pad: object = None

    @property
    def is_afweging(self) -> bool:
        """Tell whether this is an afweging (ja/nee with a required motivation)."""
        return self.question.kind == "afweging"

    @property
    def is_own(self) -> bool:
        """Tell whether this is one of the case's own questions (stap 2 or 3)."""
        return isinstance(self.question, StepQuestion)  # the kader's vormen is meerkeuze too


class Walk:
    """The questions of one participant, from their answers so far."""

    def __init__(self, case: TrainingCase, kader: ResolvedKader, answers: dict, open_step=5):
        """Evaluate the answers (question -> value) with the case's kader."""
        self.case = case
        self.kader = kader
        self.open_step = open_step
        self.answers, self.decision = on_path(case, kader, answers)
        own = {q.id for q in case.step_questions}
        self.own = {q: v for q, v in answers.items() if q in own}
        self.abandoned = {
            q: v for q, v in answers.items() if q in kader.kinds and q not in self.answers
        }

    def inputs(self, number: int) -> list[Item]:
        """Return the input questions of a step that this case asks and that apply."""
        items = []
        for qid in layout(self.kader, number)[0]:
            if qid not in self.case.model_answers:
                continue
            question = self.kader.model.questions[qid]
            if qid in self.abandoned:
                items.append(Item(qid, question, number, "niet_op_pad", self.abandoned[qid]))
            elif applies(self.kader, qid, self.answers):
                value = self.answers.get(qid)
                state = "beantwoord" if value is not None else "te_doen"
                items.append(Item(qid, question, number, state, value))
        return items

    def own_questions(self, number: int) -> list[Item]:
        """Return the case's own questions of a step (whom to consult, what to say)."""
        items = []
        for q in self.case.step_questions:
            if q.step == number:
                state = "beantwoord" if q.id in self.own else "te_doen"
                items.append(Item(q.id, q, number, state, self.own.get(q.id)))
        return items

    def afwegingen(self, number: int) -> list[Item]:
        """Return the afwegingen of a step with their state; on another route only left ones."""
        step = layout(self.kader, number)[1]
        if self.decision.route != "meldcode":
            return [self._left(qid, number) for qid in step.afwegingen if qid in self.abandoned]
        items = []
        for row in rows_of(self.kader, step, self.decision, self.answers):
            state = row.state
            if state == "telt" and self.answers.get(row.qid) is None:
                state = "te_doen"  # a norm answered it; the participant still weighs it
            elif state == "aan_de_beurt" and self.stops_with_veilig_thuis:
                state = "samen_met_veilig_thuis"
            if row.qid in self.abandoned and state not in ANSWERABLE:
                items.append(self._left(row.qid, number))
                continue
            items.append(
                Item(row.qid, row.question, number, state, self.answers.get(row.qid), row.pad)
            )
        return items

    def _left(self, qid: str, number: int) -> Item:
        """Return an afweging answered on a path the participant no longer walks."""
        question = self.kader.model.questions[qid]
        return Item(qid, question, number, "niet_op_pad", self.abandoned[qid])

    def items(self, number: int) -> list[Item]:
        """Return every question of a step: inputs, the case's own, then afwegingen."""
        return self.inputs(number) + self.own_questions(number) + self.afwegingen(number)

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
        """Return the questions still to answer, in order (also those in steps not open)."""
        return [i for i in self.all_items if i.state in OPEN]

    @property
    def done(self) -> bool:
        """Tell whether the participant has answered everything the case asks."""
        return not self.todo()

    def open_until(self) -> int:
        """Return the last step the participant may open: up to the first open question.

        Never past the step the trainer opened.
        """
        todo = self.todo()
        return min(todo[0].step if todo else STEPS[-1], self.open_step)

    @property
    def waiting(self) -> bool:
        """Tell whether the participant answered all they can and waits for the next step."""
        todo = self.todo()
        return bool(todo) and todo[0].step > self.open_step

    def step_now(self) -> int:
        """Return the step the participant works in (or waits after); 6 when done."""
        return 6 if self.done else self.open_until()

    def item(self, qid: str) -> Item | None:
        """Return a question the participant may answer now or change, else None."""
        return next((i for i in self.all_items if i.qid == qid and i.state in ANSWERABLE), None)

    def find(self, qid: str) -> Item | None:
        """Return a question of this case in any state (to explain why it is not open)."""
        return next((i for i in self.all_items if i.qid == qid), None)

    def next_after(self, qid: str) -> Item | None:
        """Return the next question to answer in the same step as ``qid``, else None."""
        current = self.item(qid)
        todo = [i for i in self.todo() if i.qid != qid]
        if current is None or not todo or todo[0].step != current.step:
            return None
        return todo[0]

    def counted(self) -> dict:
        """Return the answers that count in the class view: inputs, own questions, the path.

        An afweging counts with the answer the participant gave, also when a norm overrules
        it: where the group thought otherwise is what the trainer wants to see.
        """
        found = {i.qid: i.value for i in self.all_items if i.state == "beantwoord"}
        if self.decision.route == "meldcode":
            found.update({s.vraag: s.gegeven for s in self.decision.pad if s.gegeven is not None})
        return found
