"""Where the decision stands: what the professional can record now, and what comes later.

The meldcode's afwegingen are not all answered at one moment. When afweging 2 says *melden*
(acute or structural unsafety, also by a norm such as a disclosure), Beslissing 1 is taken:
the professional reports now, and afwegingen 3 to 5 are walked *after* the melding, together
with Veilig Thuis. When afweging 4 says help is possible, Beslissing 2 is taken and afweging
5 is weighed at the evaluation. The kader marks such a moment as an answer that reaches an
outcome and still has a next question; nothing here names a question or an outcome.
"""

from dataclasses import dataclass
from dataclasses import field

from meldcode.kader.decision import Decision

OPEN = "open"  # Beslissing 2 not yet known
WITH_VEILIG_THUIS = "samen_met_veilig_thuis"  # the later afwegingen are walked with VT
AT_EVALUATION = "bij_evaluatie"  # the next afweging is weighed when the help is evaluated


@dataclass
class Stand:
    """What can be recorded now: Beslissing 1 and 2 (None while open) and what waits."""

    route: bool = False  # a route replaces the afwegingen: no Beslissing 1 or 2
    melden: bool | None = None
    hulp: bool | None = None
    later: list[str] = field(default_factory=list)  # afwegingen answered after deciding
    how: str = ""  # WITH_VEILIG_THUIS or AT_EVALUATION when ``later`` is not empty

    @property
    def can_record(self) -> bool:
        """Tell whether the professional can record the decision now."""
        return not self.route and self.melden is not None

    @property
    def final(self) -> bool:
        """Tell whether nothing of the decision waits for a later afweging."""
        return self.can_record and not self.later


def stand(decision: Decision) -> Stand:
    """Return what the decision allows to record now, and which afwegingen come later."""
    if decision.route != "meldcode":
        return Stand(route=True)
    if decision.compleet:
        return Stand(melden=bool(decision.melden), hulp=bool(decision.hulp))
    if not decision.pad or any(code == "route_open" for code, _ in decision.waarschuwingen):
        return Stand()  # a route may still replace the afwegingen: nothing is decided
    if len(decision.nog_nodig) != 1 or decision.nog_nodig[0] not in decision.kader.graph:
        return Stand()
    later = _afwegingen_from(decision, decision.nog_nodig[0])
    if decision.melden is True and any(s.branch.with_veilig_thuis for s in decision.pad):
        # Melden was decided before the afwegingen that follow; they stay with Veilig Thuis,
        # also while the professional walks them one by one.
        return Stand(melden=True, hulp=decision.hulp, later=later, how=WITH_VEILIG_THUIS)
    last = decision.pad[-1].branch
    if not (last.outcome and last.next) or decision.nog_nodig != [last.next]:
        return Stand()
    return Stand(melden=decision.melden is True, hulp=decision.hulp, later=later, how=AT_EVALUATION)


def _afwegingen_from(decision: Decision, first: str) -> list[str]:
    """Return the afwegingen that can still follow ``first`` on the kader's graph, in order."""
    order = decision.kader.model.afwegingen()
    seen, todo = set(), [first]
    while todo:
        qid = todo.pop()
        if qid in seen or qid not in decision.kader.graph:
            continue
        seen.add(qid)
        todo += [b.next for b in decision.kader.graph[qid].values() if b.next]
    return [q for q in order if q in seen]


def extends(saved: dict, decision: Decision) -> bool:
    """Tell whether the decision now only adds to a saved snapshot: same melden, longer path.

    A decision recorded before afwegingen 3 to 5 were known is not contradicted when they
    are answered later; Beslissing 2 is then still to be recorded.
    """
    then = [(p.get("vraag"), p.get("antwoord")) for p in saved.get("pad", [])]
    now = [(s.vraag, s.antwoord) for s in decision.pad]
    return (
        saved.get("route") == decision.route
        and saved.get("melden") in (decision.melden, None)
        and len(now) > len(then)
        and now[: len(then)] == then
    )
