"""The engine's building blocks: conditions, implied answers, open route questions, the walk.

Each function reads the kader's tables and the answers; none knows a question or an action
by name, so every rule stays in the YAML kader.
"""

from dataclasses import dataclass
from dataclasses import field

from meldcode.kader.decision import Step
from meldcode.kader.resolved import CondActions
from meldcode.kader.resolved import Condition
from meldcode.kader.resolved import ResolvedKader


def matches(condition: Condition | None, answers: dict) -> bool:
    """Tell whether every part of a condition holds; a list answer matches on any item."""
    if condition is None:
        return True
    for question, allowed in condition:
        given = answers.get(question)
        if given is None:
            return False
        if isinstance(given, list):
            if allowed.isdisjoint(given):
                return False
        elif given not in allowed:
            return False
    return True


def add_actions(actions: list, candidates: CondActions, answers: dict) -> None:
    """Add the actions whose conditions hold for the answers, once each, in order."""
    for action, when, unless in candidates:
        if action in actions:
            continue
        if when is not None and not matches(when, answers):
            continue
        if unless is not None and matches(unless, answers):
            continue
        actions.append(action)


def implied(kader: ResolvedKader, given: dict) -> tuple[dict, dict]:
    """Return the answers with what they imply, and the implied answers on their own.

    An implication adds a choice to a meerkeuze answer, or sets a ja/nee answer; a ja/nee
    answer given the other way is changed too, and the change is reported as a warning.
    """
    effective = dict(given)
    found: dict[str, tuple] = {}
    for source, target, value in kader.implications:
        if given.get(source) != "ja":
            continue
        if kader.kinds.get(target) == "meerkeuze":
            current = list(effective.get(target) or [])
            if value not in current:
                effective[target] = current + [value]
                found[target] = (value, source, given.get(target))
        elif effective.get(target) != value:
            effective[target] = value
            found[target] = (value, source, given.get(target))
    return effective, found


def open_route_questions(kader: ResolvedKader, answers: dict) -> list[tuple[str, list[str]]]:
    """Return each route that may still apply, with the questions it still needs.

    A route may still apply when every part of its condition that is answered holds, and
    at least one of them is a question asked unconditionally (a follow-up question, one with
    ``ask_when``, does not open a route by itself). A question is only asked once its
    ``ask_when`` holds.
    """
    found = []
    for route in kader.routes:
        parts = list(kader.model.routes[route.id].when)
        answered = [q for q in parts if answers.get(q) is not None]
        opening = [q for q in answered if q not in kader.ask_when]
        if not opening or len(answered) == len(parts):
            continue
        conditions = dict(route.when)
        if not all(matches(((q, conditions[q]),), answers) for q in answered):
            continue
        needed = [
            q for q in parts if answers.get(q) is None and matches(kader.ask_when.get(q), answers)
        ]
        if needed:
            found.append((route.id, needed))
    return found


@dataclass
class Walk:
    """The afwegingen walked from the start: the path and what it decided."""

    path: list[Step] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    norms: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)
    melden: bool | None = None
    hulp: bool | None = None
    afsluiten: bool = False
    no_suspicion: bool = False


def walk(kader: ResolvedKader, effective: dict, given: dict, overruled: dict) -> Walk:
    """Walk the afwegingen from the start until an answer is missing or the path ends."""
    done = Walk()
    together = False
    question = kader.model.start
    while question is not None:
        answer = effective.get(question)
        if answer is None:
            done.waiting.append(question)
            break
        branch = kader.graph[question][answer]
        done.path.append(
            Step(
                question,
                answer,
                branch.outcome or branch.next,
                branch,
                given.get(question),
                overruled.get(question),
                together,
            )
        )
        if branch.norm and branch.norm not in done.norms:
            done.norms.append(branch.norm)
        add_actions(done.actions, branch.actions, effective)
        done.withdrawn += [a for a in branch.withdraws if a not in done.withdrawn]
        if branch.melden:
            done.melden = True
        if branch.hulp is not None:
            done.hulp = branch.hulp
        if branch.afsluiten:
            done.afsluiten = True
        done.no_suspicion = done.no_suspicion or branch.no_suspicion
        together = together or branch.with_veilig_thuis
        question = branch.next
    return done
