"""Evaluate answers against a resolved kader: the decision so far, and how it was reached.

The order is fixed and follows the meldcode: answers that imply others are completed; a
route that replaces the afwegingen (a statutory duty when a staff member is the suspect) is
checked first; then norms that overrule answers (disclosure, acute VGV); then the
afwegingen are walked from the start; then special forms of violence add their actions.
Urgent actions (an urgent norm or special form) come first, because they are taken before
anything else. Nothing here decides for the professional: the result says what the kader
concludes and why, and the professional confirms or departs from it.
"""

from meldcode.kader.answers import check_answers
from meldcode.kader.decision import Decision
from meldcode.kader.resolved import ResolvedKader
from meldcode.kader.walk import add_actions
from meldcode.kader.walk import implied
from meldcode.kader.walk import matches
from meldcode.kader.walk import open_route_questions
from meldcode.kader.walk import walk

# Backwards-compatible name: tests and other packages import ``matches`` from here.
__all__ = ["evaluate", "matches"]


def evaluate(kader: ResolvedKader, answers: dict) -> Decision:
    """Return the decision for ``answers`` (possibly partial) with its full trace."""
    given = check_answers(kader, answers)
    effective, derived = implied(kader, given)
    warnings = [
        ("afgeleid", {"question": q, "value": v, "from": src, "given": was})
        for q, (v, src, was) in derived.items()
    ]
    for route in kader.routes:
        if matches(route.when, effective):
            return _route_decision(kader, route, given, effective, warnings)
    pending = open_route_questions(kader, effective)
    overruled: dict[str, str] = {}
    norms: list[str] = []
    urgent: list[str] = []
    later: list[str] = []
    for norm in kader.override_norms:
        if matches(norm.when, effective):
            norms.append(norm.id)
            add_actions(urgent if norm.urgent else later, norm.actions, effective)
            for question, value in norm.overrides:
                if effective.get(question) != value:
                    overruled[question] = norm.id
                    effective[question] = value
    done = walk(kader, effective, given, overruled)
    norms += [n for n in done.norms if n not in norms]
    special, withheld = [], []
    for case in kader.special_cases:
        if not matches(case.when, effective):
            continue
        if done.no_suspicion and case.presupposes_suspicion:
            withheld.append(case.id)  # no suspicion: these steps would contradict closing
            continue
        special.append(case.id)
        add_actions(urgent if case.urgent else later, case.actions, effective)
    actions: list[str] = []
    for part in (urgent, done.actions, later):
        actions += [a for a in part if a not in actions and a not in done.withdrawn]
    waiting = [q for _route, needed in pending for q in needed]
    waiting = list(dict.fromkeys(waiting + done.waiting))
    melden, hulp = done.melden, done.hulp
    if not waiting:
        melden, hulp = bool(melden), bool(hulp)
    warnings += [("route_open", {"route": r, "questions": q}) for r, q in pending]
    if withheld:
        warnings.append(("bijzonder_zonder_vermoeden", {"cases": withheld}))
    decision = Decision(
        kader=kader,
        route="meldcode",
        melden=melden,
        hulp=hulp,
        afsluiten=done.afsluiten,
        acties=actions,
        normen=norms,
        pad=done.path,
        nog_nodig=waiting,
        bijzondere_situaties=special,
        antwoorden=given,
        waarschuwingen=warnings,
        effectief=effective,
    )
    _adviesplicht(kader, decision, given)
    return decision


def _adviesplicht(kader: ResolvedKader, decision: Decision, given: dict) -> None:
    """Where the kader requires advice from Veilig Thuis, put asking for it first."""
    model = kader.model
    if not model.adviesplicht or given.get("advies_veilig_thuis") == "ja":
        return
    if "veilig_thuis_direct_raadplegen" in decision.acties:
        return  # the immediate contact with Veilig Thuis already is that advice; no delay
    if model.adviesplicht_when == "step_2":
        # Consulting Veilig Thuis belongs to stap 2, before any weighing: always first.
        decision.acties.insert(0, "advies_veilig_thuis_stap_2")
        decision.waarschuwingen.append(("adviesplicht_stap_2", {}))
        return
    if not decision.melden:
        return
    where = (
        decision.acties.index("melden_veilig_thuis")
        if "melden_veilig_thuis" in decision.acties
        else 0
    )
    decision.acties.insert(where, "advies_veilig_thuis_voor_melden")
    decision.waarschuwingen.append(("adviesplicht", {}))


def _route_decision(
    kader: ResolvedKader, route, given: dict, effective: dict, warnings: list
) -> Decision:
    """Build the decision for a route that replaces the afwegingen."""
    actions: list[str] = []
    add_actions(actions, route.actions, effective)
    special = []
    for case in kader.special_cases:
        if case.on_routes and matches(case.when, effective):
            special.append(case.id)
            add_actions(actions, case.actions, effective)
    # A norm of the meldcode (disclosure) does not apply on another route, but it must not
    # vanish: the professional is told to weigh the home situation with the meldcode too.
    warnings = warnings + [
        ("norm_buiten_route", {"norm": n.id})
        for n in kader.override_norms
        if matches(n.when, effective)
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
        waarschuwingen=warnings,
        effectief=effective,
    )
