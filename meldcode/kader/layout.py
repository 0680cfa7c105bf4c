"""Which questions each step of the wizard asks, and where each afweging stands in it.

An input question is any question that is not an afweging. Most belong to stap 1; the
question whether Veilig Thuis was asked for advice belongs to stap 2. A few questions only
make sense after another answer (the acute risk of VGV only when VGV is one of the forms).
The case pages, the training walk and the class tally all read the steps from here.
"""

from dataclasses import dataclass

from meldcode.kader.decision import Decision
from meldcode.kader.model import Step
from meldcode.kader.resolved import ResolvedKader

# question: (the question it depends on, the answer that makes it relevant)
CONDITIONS = {
    "vgv_acuut": ("vormen", "vgv"),
    "seksueel_misbruik_recent": ("vormen", "seksueel_misbruik"),
    "pleger_houder": ("pleger_medewerker", "ja"),
}
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
    ordered = []
    for qid in inputs:
        if qid in STAP2_QUESTIONS or qid in CONDITIONS:
            continue
        ordered.append(qid)
        ordered += [c for c in inputs if CONDITIONS.get(c, ("",))[0] == qid]
    return ordered


def relevant(qid: str, answers: dict) -> bool:
    """Tell whether a question applies given the answers so far."""
    if qid not in CONDITIONS:
        return True
    parent, value = CONDITIONS[qid]
    given = answers.get(parent)
    return value in given if isinstance(given, list) else given == value


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
