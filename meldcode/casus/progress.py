"""Where a case stands: an honest status per step, and the next thing to do.

Works on which records exist (kind and key), so the case list needs to decrypt nothing.
A step is *klaar* only when the professional says so; it is *bezig* as soon as anything was
recorded for it. The meldcode's order is not compulsory, so no step is ever locked.
"""

import datetime
from dataclasses import dataclass

from meldcode.kader import ResolvedKader

NIET_BEGONNEN = "niet_begonnen"
BEZIG = "bezig"
KLAAR = "klaar"

_STEP_KINDS = {
    1: {"signaal", "check"},
    2: {"overleg", "consultatie"},
    3: {"gesprek", "gesprek_overslaan"},
    4: {"overleg_professionals"},
    5: {"beslissing", "informeren", "melding", "hulp", "evaluatie"},
}


@dataclass(frozen=True)
class StepState:
    """One step of the task list."""

    number: int
    state: str


def input_questions(kader: ResolvedKader) -> set[str]:
    """Return the kader's questions that are not afwegingen (vormen, disclosure …)."""
    return {qid for qid, kind in kader.kinds.items() if kind != "afweging"}


def step_states(kader: ResolvedKader, kinds: set[tuple[str, str]]) -> list[StepState]:
    """Return the state of each of the five steps."""
    placed = {
        qid: step.number for _sid, step in kader.model.ordered_steps() for qid in step.afwegingen
    }
    inputs = input_questions(kader)
    touched: dict[int, bool] = {n: False for n in range(1, 6)}
    done = {int(key) for kind, key in kinds if kind == "stap_klaar" and key.isdigit()}
    for kind, key in kinds:
        for number, step_kinds in _STEP_KINDS.items():
            if kind in step_kinds:
                touched[number] = True
        if kind == "antwoord":
            if key in inputs:
                touched[1] = True
            elif key in placed:
                touched[placed[key]] = True
        if kind == "route_stap":
            touched[5] = True
    return [
        StepState(n, KLAAR if n in done else BEZIG if touched[n] else NIET_BEGONNEN)
        for n in range(1, 6)
    ]


def next_action(
    states: list[StepState],
    kinds: set[tuple[str, str]],
    status: str,
    evaluation: datetime.date | None,
    today: datetime.date,
) -> tuple[str, dict]:
    """Return the next action as a code with parameters, for the case list."""
    if status == "gesloten":
        return "gesloten", {}
    if evaluation is not None and evaluation <= today:
        return "evaluatie", {"date": evaluation}
    for state in states:
        if state.state != KLAAR:
            return "stap", {"number": state.number}
    if ("beslissing", "") not in kinds:
        return "beslissing", {}
    return "afronden", {}
