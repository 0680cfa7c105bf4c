"""Where a case stands: an honest status per step, what is still open, and the next thing to do.

Works on which records exist (kind and key) and, where the kader's answers settle a step, on
the decision. A step that holds afwegingen is *klaar* when its afwegingen are answered (or no
longer needed), and stap 5 when the decision is recorded too; on a route that replaces the
afwegingen, stap 4 and 5 are done when every step of the route is. Other steps are *klaar*
when the professional says so. A step is *bezig* as soon as anything was recorded for it.
The meldcode's order is not compulsory, so no step is ever locked.
"""

import datetime
from dataclasses import dataclass

from meldcode.kader import Decision
from meldcode.kader import ResolvedKader
from meldcode.kader.layout import rows_of
from meldcode.kader.stand import AT_EVALUATION
from meldcode.kader.stand import Stand

NIET_BEGONNEN = "niet_begonnen"
BEZIG = "bezig"
KLAAR = "klaar"
SETTLED = ("telt", "niet_nodig", "niet_gebruikt")

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


def settled(
    kader: ResolvedKader, decision: Decision, kinds: set[tuple[str, str]], route_done: set[str]
) -> dict[int, bool]:
    """Return, for the steps the kader's answers settle, whether each is done."""
    if decision.route != "meldcode":
        done = set(kader.model.routes[decision.route].steps) <= route_done
        return {4: done, 5: done}
    found = {}
    for _sid, step in kader.model.ordered_steps():
        if not step.afwegingen:
            continue
        rows = rows_of(kader, step, decision, {})
        found[step.number] = all(row.state in SETTLED for row in rows)
    if 5 in found:
        found[5] = found[5] and ("beslissing", "") in kinds
    return found


def step_states(
    kader: ResolvedKader, kinds: set[tuple[str, str]], derived: dict[int, bool] | None = None
) -> list[StepState]:
    """Return the state of each of the five steps; ``derived`` overrides the marked ones."""
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
            touched[4] = touched[5] = True
    derived = derived or {}
    states = []
    for n in range(1, 6):
        finished = derived[n] if n in derived else n in done
        states.append(StepState(n, KLAAR if finished else BEZIG if touched[n] else NIET_BEGONNEN))
    return states


def open_items(stand: Stand, kinds: set[tuple[str, str]]) -> list[str]:
    """Return codes of what is still open in the decision, for the list and the overview."""
    found = []
    saved = ("beslissing", "") in kinds
    if stand.can_record and not saved:
        found.append("beslissing")
    if stand.melden and ("melding", "") not in kinds:
        found.append("melding")
    if stand.later and stand.how == AT_EVALUATION:
        found.append("afweging_bij_evaluatie")
    elif stand.later and stand.hulp is None:
        found.append("beslissing_2_met_veilig_thuis")
    elif stand.later:
        found.append("afweging_5_met_veilig_thuis")
    return found


def next_action(
    states: list[StepState],
    kinds: set[tuple[str, str]],
    status: str,
    evaluation: datetime.date | None,
    today: datetime.date,
    open_now: list[str] | None = None,
) -> tuple[str, dict]:
    """Return the next action as a code with parameters, for the case list and the overview.

    A decision the kader has already taken (melden) comes before finishing earlier steps:
    the melding should not wait for the paperwork of stap 2 or 3.
    """
    if status == "gesloten":
        return "gesloten", {}
    if evaluation is not None and evaluation <= today:
        return "evaluatie", {"date": evaluation}
    for code in ("beslissing", "melding"):
        if code in (open_now or []):
            return code, {}
    for state in states:
        if state.state != KLAAR:
            return "stap", {"number": state.number}
    if ("beslissing", "") not in kinds:
        return "beslissing", {}
    return "afronden", {}
