"""Evaluate answers against a resolved kader: the decision so far, and how it was reached.

The order is fixed and follows the meldcode: a route that replaces the afwegingen (the
meldplicht for a staff suspect) is checked first; then norms that overrule answers
(disclosure); then the afwegingen are walked from the start; then special forms of
violence add their actions. Nothing here decides for the professional: the result says
what the kader concludes and why, and the professional confirms or departs from it.
"""

from meldcode.kader.answers import check_answers
from meldcode.kader.decision import Decision
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


def _add(actions: list, candidates: CondActions, answers: dict) -> None:
    """Add the actions whose conditions hold for the answers, once each, in order."""
    for action, when, unless in candidates:
        if action in actions:
            continue
        if when is not None and not matches(when, answers):
            continue
        if unless is not None and matches(unless, answers):
            continue
        actions.append(action)


def evaluate(kader: ResolvedKader, answers: dict) -> Decision:
    """Return the decision for ``answers`` (possibly partial) with its full trace."""
    given = check_answers(kader, answers)
    for route in kader.routes:
        if matches(route.when, given):
            return _route_decision(kader, route, given)
    effective = dict(given)
    overruled: dict[str, str] = {}
    actions: list[str] = []
    norms: list[str] = []
    norm_actions: list[str] = []
    for norm in kader.override_norms:
        if matches(norm.when, given):
            norms.append(norm.id)
            _add(norm_actions, norm.actions, given)
            for question, value in norm.overrides:
                if effective.get(question) != value:
                    overruled[question] = norm.id
                    effective[question] = value
    path: list[Step] = []
    melden = hulp = None
    afsluiten = False
    together = False
    waiting: list[str] = []
    question = kader.model.start
    while question is not None:
        answer = effective.get(question)
        if answer is None:
            waiting.append(question)
            break
        branch = kader.graph[question][answer]
        path.append(
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
        if branch.norm and branch.norm not in norms:
            norms.append(branch.norm)
        _add(actions, branch.actions, effective)
        if branch.melden:
            melden = True
        if branch.hulp is not None:
            hulp = branch.hulp
        if branch.afsluiten:
            afsluiten = True
        together = together or branch.with_veilig_thuis
        question = branch.next
    complete = not waiting
    if complete:
        melden = bool(melden)
        hulp = bool(hulp)
    _add(actions, tuple((a, None, None) for a in norm_actions), effective)
    special = []
    for case in kader.special_cases:
        if matches(case.when, effective):
            special.append(case.id)
            _add(actions, case.actions, effective)
    decision = Decision(
        kader=kader,
        route="meldcode",
        melden=melden,
        hulp=hulp,
        afsluiten=afsluiten,
        acties=actions,
        normen=norms,
        pad=path,
        nog_nodig=waiting,
        bijzondere_situaties=special,
        antwoorden=given,
    )
    _adviesplicht(kader, decision, given)
    return decision


def _adviesplicht(kader: ResolvedKader, decision: Decision, given: dict) -> None:
    """Where the kader requires advice from Veilig Thuis before melden, ask for it first."""
    if not (kader.model.adviesplicht and decision.melden):
        return
    if given.get("advies_veilig_thuis") == "ja":
        return
    if "veilig_thuis_direct_raadplegen" in decision.acties:
        return  # the immediate contact with Veilig Thuis already is that advice; no delay
    action = "advies_veilig_thuis_voor_melden"
    where = (
        decision.acties.index("melden_veilig_thuis")
        if "melden_veilig_thuis" in decision.acties
        else 0
    )
    decision.acties.insert(where, action)
    decision.waarschuwingen.append(("adviesplicht", {}))


def _route_decision(kader: ResolvedKader, route, given: dict) -> Decision:
    """Build the decision for a route that replaces the afwegingen."""
    actions: list[str] = []
    _add(actions, route.actions, given)
    special = []
    for case in kader.special_cases:
        if matches(case.when, given):
            special.append(case.id)
            _add(actions, case.actions, given)
    # A norm of the meldcode (disclosure) does not apply on another route, but it must not
    # vanish: the professional is told to weigh the home situation with the meldcode too.
    outside = [
        ("norm_buiten_route", {"norm": n.id})
        for n in kader.override_norms
        if matches(n.when, given)
    ]
    return Decision(
        kader=kader,
        route=route.id,
        melden=None,
        hulp=None,
        afsluiten=False,
        acties=actions,
        normen=[route.norm] if route.norm else [],
        pad=[],
        nog_nodig=[],
        bijzondere_situaties=special,
        antwoorden=given,
        route_rule=route,
        waarschuwingen=outside,
    )
