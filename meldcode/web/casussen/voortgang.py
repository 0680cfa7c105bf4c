"""Where a case stands, as the task list, the case list and the step pages show it.

One place computes it from the case's records: the kader's decision, what can be recorded
now (meldcode.kader.stand), the state of each step, what is still open and the next action.
A consulted colleague's list row never reads the owner's answers (their view stays
independent), so for them only the records that exist are used.
"""

import datetime
from dataclasses import dataclass
from dataclasses import field

from meldcode.casus import progress
from meldcode.kader import Decision
from meldcode.kader.i18n import _
from meldcode.kader.stand import Stand
from meldcode.kader.stand import extends
from meldcode.kader.stand import stand as stand_of
from meldcode.storage import cases
from meldcode.web.casework import decision_of
from meldcode.web.casework import kader_of
from meldcode.web.casework import records


@dataclass
class CaseStand:
    """The case's decision and progress: step states, what is open, the next action."""

    decision: Decision | None
    stand: Stand | None
    states: list
    open: list[str] = field(default_factory=list)
    next: tuple = ("stap", {"number": 1})
    saved: object = None  # the professional's decision record, if any

    @property
    def open_words(self) -> list[str]:
        """Return the open items worded one by one (a route's steps are listed apart)."""
        return [code for code in self.open if not code.startswith("route:")]


def saved_state(saved, decision: Decision, stand: Stand) -> str:
    """Say how a saved decision relates to the kader's now: current, extended or changed.

    ``beslissing_2``: it was recorded before afwegingen 3–5, which now settle Beslissing 2.
    """
    if saved is None:
        return "geen"
    then = saved.payload.uitkomst or {}
    if then == decision.snapshot():
        return "actueel"
    if extends(then, decision):
        return "beslissing_2" if stand.can_record and then.get("hulp") is None else "aangevuld"
    return "gewijzigd"


def case_stand(access: cases.Access, everything: list, today: datetime.date | None = None):
    """Return where a case stands, read from all its records."""
    kader = kader_of(access)
    kinds = {(r.kind, r.key) for r in everything}
    today = today or datetime.date.today()
    decision = decision_of(access, everything)
    stand = stand_of(decision)
    route_done = {r.key for r in everything if r.kind == "route_stap" and r.payload.gedaan}
    derived = progress.settled(kader, decision, kinds, route_done)
    states = progress.step_states(kader, kinds, derived)
    saved = next((r for r in everything if r.kind == "beslissing"), None)
    found = progress.open_items(stand, kinds)
    how = saved_state(saved, decision, stand)
    if how == "beslissing_2":
        found.insert(0, "beslissing_2")
    elif how == "gewijzigd":
        found.insert(0, "beslissing_gewijzigd")
    if decision.route != "meldcode":
        route = kader.model.routes[decision.route]
        found += [f"route:{sid}" for sid in route.steps if sid not in route_done]
    case = access.case
    action = progress.next_action(states, kinds, case.status, case.evaluation_date, today, found)
    if how in ("beslissing_2", "gewijzigd") and action[0] not in ("gesloten", "evaluatie"):
        action = ("beslissing_opnieuw", {})
    return CaseStand(decision, stand, states, found, action, saved)


def plain_stand(kader, kinds: set, case, today: datetime.date) -> CaseStand:
    """Return the progress a consulted colleague may see: which records exist, nothing more."""
    states = progress.step_states(kader, kinds)
    action = progress.next_action(states, kinds, case.status, case.evaluation_date, today)
    return CaseStand(None, None, states, [], action, None)


def list_stand(item: cases.Access, kader, kinds: set, readable: bool, today) -> CaseStand:
    """Return where a case on the case list stands; the owner's open cases in full.

    Only the owner's open, readable cases are decrypted: a consulted colleague's row stays
    independent, and a closed case has nothing left to do.
    """
    if item.is_owner and readable and item.case.status != "gesloten":
        return case_stand(item, records(item), today)
    return plain_stand(kader, kinds, item.case, today)


def later_words(kader, stand: Stand) -> str:
    """Return "afwegingen 3 tot en met 5" (or "afweging 5") for what the decision waits for."""
    numbers = [kader.model.questions[q].number for q in stand.later]
    if len(numbers) > 1:
        return _("afwegingen %(first)s tot en met %(last)s", first=numbers[0], last=numbers[-1])
    return _("afweging %(n)s", n=numbers[0]) if numbers else ""
