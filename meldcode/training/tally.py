"""Where the class stands: answers per question, decisions, who is at which step, who is stuck.

Computed from the stored answers on every look (the engine takes about 10 µs per
participant), so the trainer view can never disagree with what participants answered. Only
answers on a participant's current path count (meldcode.training.path). The first answers,
kept when the trainer revealed a question, give the split before the discussion. Only counts
and participant ids leave this module: never a name, never a motivation.
"""

from collections import Counter
from dataclasses import dataclass
from dataclasses import field

from meldcode.kader import ResolvedKader
from meldcode.training.library import TrainingCase
from meldcode.training.path import inputs_of
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
    before: dict[str, int] | None = None  # the first answers, kept when it was revealed
    before_answered: int = 0
    changed: int = 0  # answer now differs from the one kept at the reveal

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
    """Everything the trainer view, the projector and the class report show."""

    participants: int
    done: int
    questions: list[QuestionTally]
    outcomes: list[OutcomeTally]
    steps: dict[int, int] = field(default_factory=dict)  # step -> participants working in it
    waiting: int = 0  # answered all the open steps ask; wait for the trainer
    stuck: list[str] = field(default_factory=list)  # participant ids: quiet, not waiting
    outcomes_before: list[OutcomeTally] | None = None
    on_path: dict[str, dict] = field(default_factory=dict)  # participant -> answers that count

    @property
    def busy(self) -> int:
        """Return how many participants are still answering."""
        return self.participants - self.done

    def question(self, qid: str) -> QuestionTally | None:
        """Return one question's tally, or None."""
        return next((q for q in self.questions if q.qid == qid), None)


def decision_key(decision) -> tuple:
    """Return what makes two decisions the same: route, melden, hulp, afsluiten, actions."""
    d = decision
    return (d.route, d.melden, d.hulp, d.afsluiten, tuple(d.acties))


def same(given, model) -> bool:
    """Compare an answer with the model answer; lists of choices in any order."""
    if isinstance(given, list) or isinstance(model, list):
        return set(given or []) == set(model or [])
    return given == model


def model_answers(case: TrainingCase) -> dict:
    """Return every model answer of the case: the kader's questions and its own."""
    return case.answers() | {q.id: q.model.answer for q in case.step_questions}


def tally(
    case: TrainingCase,
    kader: ResolvedKader,
    everyone: dict[str, dict],
    *,
    before: dict[str, dict] | None = None,
    before_outcomes: dict[str, tuple] | None = None,
    open_step: int = 5,
    quiet: set[str] | frozenset = frozenset(),
) -> ClassTally:
    """Return the class's tally from every participant's answers (id -> answers).

    ``before`` holds each participant's first answers, kept at the reveal of a question,
    ``before_outcomes`` their decision when the model decision was revealed, and ``quiet``
    the participants who have not saved an answer for a while.
    """
    counted: dict[str, Counter] = {}
    departing: Counter = Counter()
    answered: Counter = Counter()
    outcomes: Counter = Counter()
    steps: Counter = Counter()
    result = ClassTally(len(everyone), 0, [], [])
    models = model_answers(case)
    for pid, answers in everyone.items():
        walk = Walk(case, kader, answers, open_step)
        now = walk.counted()
        result.on_path[pid] = now
        for qid, value in now.items():
            counted.setdefault(qid, Counter()).update(value if isinstance(value, list) else [value])
            answered[qid] += 1
            if qid in models and not same(value, models[qid]):
                departing[qid] += 1
        if walk.done:
            result.done += 1
            outcomes[decision_key(walk.decision)] += 1
            continue
        steps[walk.open_until()] += 1
        result.waiting += walk.waiting
        if pid in quiet and not walk.waiting:
            result.stuck.append(pid)
    result.steps = {n: steps.get(n, 0) for n in range(1, 6)}
    firsts = _firsts(before or {}, result.on_path)
    result.questions = [
        _question(case, kader, qid, counted.get(qid, Counter()), answered, departing, firsts)
        for qid in _order(case, kader, models, counted)
    ]
    result.outcomes = _outcomes(case, outcomes)
    if before_outcomes:
        result.outcomes_before = _outcomes(case, Counter(before_outcomes.values()))
    return result


def model_key(case: TrainingCase) -> tuple:
    """Return the key of the case's model decision (its ``expected``)."""
    e = case.expected
    return (e.route, e.melden, e.hulp, e.afsluiten, tuple(e.acties))


def _outcomes(case: TrainingCase, found: Counter) -> list[OutcomeTally]:
    """Return the decisions that came out, the most common first."""
    model = model_key(case)
    return [
        OutcomeTally(*key, count=count, is_model=key == model)
        for key, count in sorted(found.items(), key=lambda kv: (-kv[1], str(kv[0])))
    ]


def _firsts(before: dict[str, dict], now: dict[str, dict]) -> dict[str, tuple]:
    """Return per question the first answers' counts, how many, and how many changed since."""
    found: dict[str, tuple[Counter, int, int]] = {}
    for pid, answers in before.items():
        for qid, value in answers.items():
            counts, total, changed = found.get(qid, (Counter(), 0, 0))
            counts.update(value if isinstance(value, list) else [value])
            moved = not same(now.get(pid, {}).get(qid), value)
            found[qid] = (counts, total + 1, changed + moved)
    return found


def _order(case: TrainingCase, kader: ResolvedKader, models: dict, counted: dict) -> list[str]:
    """Return the questions to show: inputs, the case's own questions, then the afwegingen."""
    wanted = set(models) | set(counted)
    inputs = [q for q in inputs_of(kader) if q in wanted]
    own = [q.id for q in sorted(case.step_questions, key=lambda q: q.step)]
    return inputs + own + [q for q in kader.model.afwegingen() if q in wanted]


def _question(case, kader, qid, counts: Counter, answered, departing, firsts) -> QuestionTally:
    """Return one question's tally, with every possible answer listed (also at zero)."""
    own = case.step_question(qid)
    question = own or kader.model.questions[qid]
    model = own.model if own else case.model_answers.get(qid)
    options = ["ja", "nee"]
    if own:
        options = own.options()
    elif question.choices:  # of many forms of violence, those chosen or in the model answer
        chosen = set(counts) | set(model.answer if model else [])
        options = [option for option in question.choices if option in chosen]
    notes = [n for n in case.teaching_notes.discussion if qid in n.about]
    first = firsts.get(qid)
    if first and not own and question.choices:  # forms chosen only before the reveal
        options += [o for o in question.choices if o in first[0] and o not in options]
    tallied = QuestionTally(
        qid,
        question,
        model.answer if model else None,
        {option: counts.get(option, 0) for option in options},
        answered[qid],
        departing[qid],
        notes,
    )
    if first:
        kept, tallied.before_answered, tallied.changed = first
        tallied.before = {option: kept.get(option, 0) for option in tallied.counts}
    return tallied
