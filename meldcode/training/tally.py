"""Where the class stands: answers per question, decisions that came out, who is still busy.

Computed from the stored answers on every look (the engine takes about 10 µs per
participant), so the trainer view can never disagree with what participants answered.
Only counts leave this module: never a name, never a motivation.
"""

from collections import Counter
from dataclasses import dataclass
from dataclasses import field

from meldcode.kader import ResolvedKader
from meldcode.kader.layout import step_questions
from meldcode.training.library import TrainingCase
from meldcode.training.walk import Walk


@dataclass
class QuestionTally:
    """The answers of the class to one question, next to the model answer."""

    qid: str
    question: object
    model: object  # the model answer: "ja", "nee", a list of choices, or None
    counts: dict[str, int]  # answer (or choice) -> how many gave it
    answered: int = 0
    departing: int = 0  # gave another answer than the model answer
    notes: list = field(default_factory=list)  # discussion points about this question

    def is_model(self, option: str) -> bool:
        """Tell whether an answer (or one of the chosen options) is the model answer."""
        return option in self.model if isinstance(self.model, list) else option == self.model

    @property
    def majority_departs(self) -> bool:
        """Tell whether more than half of those who answered depart from the model."""
        return self.answered > 0 and self.departing * 2 > self.answered


@dataclass
class OutcomeTally:
    """One decision that came out, and how many participants reached it."""

    route: str
    melden: bool | None
    hulp: bool | None
    afsluiten: bool
    acties: tuple[str, ...]
    count: int
    is_model: bool


@dataclass
class ClassTally:
    """Everything the trainer view and the class report show."""

    participants: int
    done: int
    questions: list[QuestionTally]
    outcomes: list[OutcomeTally]

    @property
    def busy(self) -> int:
        """Return how many participants are still answering."""
        return self.participants - self.done


def decision_key(decision) -> tuple:
    """Return what makes two decisions the same: route, melden, hulp, afsluiten, actions."""
    d = decision
    return (d.route, d.melden, d.hulp, d.afsluiten, tuple(d.acties))


def _same(given, model) -> bool:
    """Compare an answer with the model answer; lists of choices in any order."""
    if isinstance(given, list) or isinstance(model, list):
        return set(given or []) == set(model or [])
    return given == model


def tally(case: TrainingCase, kader: ResolvedKader, everyone: dict[str, dict]) -> ClassTally:
    """Return the class's tally from every participant's answers (id -> answers)."""
    counted: dict[str, Counter] = {}
    departing: Counter = Counter()
    answered: Counter = Counter()
    outcomes: Counter = Counter()
    done = 0
    models = case.answers()
    for answers in everyone.values():
        walk = Walk(case, kader, answers)
        for qid, value in walk.counted().items():
            counts = counted.setdefault(qid, Counter())
            counts.update(value if isinstance(value, list) else [value])
            answered[qid] += 1
            if qid in models and not _same(value, models[qid]):
                departing[qid] += 1
        if walk.done:
            done += 1
            outcomes[decision_key(walk.decision)] += 1
    model = model_key(case)
    return ClassTally(
        participants=len(everyone),
        done=done,
        questions=[
            _question(case, kader, qid, counted.get(qid, Counter()), answered, departing)
            for qid in _order(kader, models, counted)
        ],
        outcomes=[
            OutcomeTally(*key, count=count, is_model=key == model)
            for key, count in sorted(outcomes.items(), key=lambda kv: (-kv[1], str(kv[0])))
        ],
    )


def model_key(case: TrainingCase) -> tuple:
    """Return the key of the case's model decision (its ``expected``)."""
    e = case.expected
    return (e.route, e.melden, e.hulp, e.afsluiten, tuple(e.acties))


def _order(kader: ResolvedKader, models: dict, counted: dict) -> list[str]:
    """Return the questions to show: inputs in the kader's order, then the afwegingen."""
    wanted = set(models) | set(counted)
    inputs = [q for n in (1, 2) for q in step_questions(kader, n) if q in wanted]
    return inputs + [q for q in kader.model.afwegingen() if q in wanted]


def _question(case, kader, qid, counts: Counter, answered, departing) -> QuestionTally:
    """Return one question's tally, with every possible answer listed (also at zero)."""
    question = kader.model.questions[qid]
    model = case.model_answers.get(qid)
    options = ["ja", "nee"]
    if question.choices:  # of many forms of violence, those chosen or in the model answer
        chosen = set(counts) | set(model.answer if model else [])
        options = [option for option in question.choices if option in chosen]
    notes = [n for n in case.teaching_notes.discussion if qid in n.about]
    return QuestionTally(
        qid,
        question,
        model.answer if model else None,
        {option: counts.get(option, 0) for option in options},
        answered[qid],
        departing[qid],
        notes,
    )
