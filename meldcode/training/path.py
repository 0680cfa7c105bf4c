"""Which of a participant's answers are on the path they walk now, and which they left behind.

A participant may change an earlier answer after answering later questions: a disclosure
turned from nee into ja after afweging 3 to 5, or the suspect turned into a staff member.
The answers of the path no longer walked stay stored (and shown as "niet meer op je pad"),
but they do not count: not in the participant's outcome and not in the class's counts.

What counts: the input questions the case asks and that apply to the answers before them
(a follow-up question only when its parent allows it), and the afwegingen on the engine's
path, up to where the case stops because the rest is weighed together with Veilig Thuis.
"""

from meldcode.kader import Decision
from meldcode.kader import ResolvedKader
from meldcode.kader import evaluate
from meldcode.kader.answers import counted
from meldcode.kader.layout import relevant
from meldcode.kader.layout import step_questions
from meldcode.training.library import TrainingCase

_INPUTS: dict[tuple, list[str]] = {}  # (kader, version) -> input questions, parents first


def inputs_of(kader: ResolvedKader) -> list[str]:
    """Return the kader's input questions of stap 1 and 2 in order, worked out once."""
    key = (kader.id, kader.version)
    if key not in _INPUTS:
        _INPUTS[key] = step_questions(kader, 1) + step_questions(kader, 2)
    return _INPUTS[key]


def applies(kader: ResolvedKader, qid: str, answers: dict) -> bool:
    """Tell whether an input question is asked, given the answers before it."""
    return relevant(qid, answers, kader)


def on_path(case: TrainingCase, kader: ResolvedKader, answers: dict) -> tuple[dict, Decision]:
    """Return the answers that count now, and the engine's decision on them."""
    given = counted(kader, answers)
    kept = {}
    for qid in inputs_of(kader):
        if qid in given and qid in case.model_answers and applies(kader, qid, kept):
            kept[qid] = given[qid]
    kept.update({q: v for q, v in given.items() if kader.kinds[q] == "afweging"})
    while True:  # each round drops answers off the path; the path before them stays the same
        decision = evaluate(kader, kept)
        walked = walked_path(case, decision)
        off = [q for q in kept if kader.kinds[q] == "afweging" and q not in walked]
        if not off:
            return kept, decision
        for qid in off:
            del kept[qid]


def walked_path(case: TrainingCase, decision: Decision) -> list[str]:
    """Return the afwegingen on the path, up to where the case leaves them to Veilig Thuis.

    After a report (the branch says the rest is weighed with Veilig Thuis), a case may stop:
    an afweging it gives no model answer for is then no longer the participant's to answer.
    """
    if decision.route != "meldcode":
        return []  # another route replaces the afwegingen
    walked = []
    for step in decision.pad:
        if step.samen_met_veilig_thuis and step.vraag not in case.model_answers:
            break
        walked.append(step.vraag)
    return walked
