"""What a kader can do, listed so that tests can prove every part of it is exercised.

The items are: every complete path through the afwegingen, every route, every norm that
overrules answers, every special case, and every action that only applies under a
condition. A scenario covers an item when its decision shows it.
"""

from meldcode.kader.decision import Decision
from meldcode.kader.resolved import ResolvedKader


def graph_paths(kader: ResolvedKader) -> list[tuple[str, ...]]:
    """Return every complete path through the afwegingen as ``("vraag=antwoord", ...)``."""
    paths: list[tuple[str, ...]] = []

    def walk(question: str, trail: tuple[str, ...]) -> None:
        """Follow every answer from a question and collect the complete paths."""
        for answer, branch in sorted(kader.graph[question].items()):
            step = trail + (f"{question}={answer}",)
            if branch.next is None:
                paths.append(step)
            else:
                walk(branch.next, step)

    walk(kader.model.start, ())
    return paths


def items(kader: ResolvedKader) -> set[str]:
    """Return every coverage item of a kader, as readable strings."""
    found = {"pad " + " ".join(p) for p in graph_paths(kader)}
    found |= {f"route {r.id}" for r in kader.routes}
    found |= {f"norm {n.id}" for n in kader.override_norms}
    for case in kader.special_cases:
        found.add(f"bijzonder {case.id}")
        found |= {
            f"bijzonder {case.id} → {a}" for a, when, unless in case.actions if when or unless
        }
    for route in kader.routes:
        found |= {f"route {route.id} → {a}" for a, when, unless in route.actions if when or unless}
    return found


def covered_by(decision: Decision) -> set[str]:
    """Return the coverage items a single decision exercises."""
    found: set[str] = set()
    if decision.route == "meldcode":
        if decision.compleet:
            found.add("pad " + " ".join(f"{s.vraag}={s.antwoord}" for s in decision.pad))
    else:
        found.add(f"route {decision.route}")
        found |= {f"route {decision.route} → {a}" for a in decision.acties}
    found |= {f"norm {n}" for n in decision.normen}
    for case in decision.bijzondere_situaties:
        found.add(f"bijzonder {case}")
        found |= {f"bijzonder {case} → {a}" for a in decision.acties}
    return found
