"""Which questions each step of the wizard asks, and where each afweging stands in it.

An input question is any question that is not an afweging. Most belong to stap 1; the
question whether Veilig Thuis was asked for advice belongs to stap 2. A question with
``ask_when`` in the kader (the acute risk of VGV only when VGV is one of the forms) is
asked only when its condition holds, and is placed right after the question it depends on.
The case pages, the training walk and the class tally all read the steps from here.
"""

from dataclasses import dataclass

from meldcode.kader.decision import Decision
from meldcode.kader.model import Step
from meldcode.kader.resolved import ResolvedKader
from meldcode.kader.walk import implied
from meldcode.kader.walk import matches

STAP2_QUESTIONS = ("advies_veilig_thuis",)


def step_of(kader: ResolvedKader, number: int) -> Step | None:
    """Return the kader's step with this number (the ids differ per step layout), or None."""
    for _sid, step in kader.model.ordered_steps():
        if step.number == number:
            return step
    return None


def placed_in(kader: ResolvedKader) -> dict[str, int]:
    """Return for each afweging the number of the step it is answered in."""
    return {
        qid: step.number for _sid, step in kader.model.ordered_steps() for qid in step.afwegingen
    }


def step_questions(kader: ResolvedKader, number: int) -> list[str]:
    """Return the input questions of stap 1 or 2, each conditional one after its parent."""
    inputs = [qid for qid, kind in kader.kinds.items() if kind != "afweging"]
    if number == 2:
        return [qid for qid in inputs if qid in STAP2_QUESTIONS]
    if number != 1:
        return []
    asked = [qid for qid in inputs if qid not in STAP2_QUESTIONS]
    placed: list[str] = [qid for qid in asked if qid not in kader.ask_when]
    waiting = [qid for qid in asked if qid in kader.ask_when]
    while waiting:
        # A follow-up question comes right after the last question its condition names (and
        # after follow-ups already placed there), so the page reads in the order one thinks.
        for qid in list(waiting):
            parents = [q for q, _allowed in kader.ask_when[qid]]
            if not all(p in placed or p not in asked for p in parents):
                continue
            after = max((placed.index(p) for p in parents if p in placed), default=-1)
            while after + 1 < len(placed) and placed[after + 1] in kader.ask_when:
                after += 1
            placed.insert(after + 1, qid)
            waiting.remove(qid)
            break
        else:  # conditions that name each other: keep the file order for the rest
            placed += waiting
            break
    return placed


def relevant(qid: str, answers: dict, kader: ResolvedKader) -> bool:
    """Tell whether a question applies given the answers so far (its ``ask_when`` holds)."""
    condition = kader.ask_when.get(qid)
    if condition is None:
        return True
    # What the other answers imply counts (a houder is staff), but not what the question's
    # own answer implies: an acute VGV risk would otherwise keep itself relevant.
    others = {q: v for q, v in answers.items() if q != qid}
    effective, _derived = implied(kader, others)
    return matches(condition, effective)


@dataclass
class Row:
    """One afweging of a step, with its answer and what the kader does with it."""

    qid: str
    question: object
    record: object
    state: str  # "telt", "aan_de_beurt", "later", "niet_nodig", "niet_gebruikt"
    pad: object


def rows_of(kader: ResolvedKader, step: Step, decision: Decision, answers: dict) -> list[Row]:
    """Return the step's afwegingen in the step's order, with their state in the decision."""
    on_path = {s.vraag: s for s in decision.pad}
    rows = []
    for qid in step.afwegingen:
        record = answers.get(qid)
        if qid in on_path:
            state = "telt"
        elif qid in decision.nog_nodig:
            state = "aan_de_beurt"
        elif decision.compleet:
            state = "niet_gebruikt" if record is not None else "niet_nodig"
        else:
            state = "later"
        rows.append(Row(qid, kader.model.questions[qid], record, state, on_path.get(qid)))
    return rows


def overruled(decision: Decision, qid: str):
    """Return the path step of an afweging when a norm changed its answer, else None."""
    return next((s for s in decision.pad if s.vraag == qid and s.overruled_by), None)
