"""/oefensessies/vergelijken?a=<id>&b=<id>: two groups that did the same case, side by side.

Only the trainer's own sessions; counts only, as in the live view. Two sessions on
different cases are refused with a sentence, not compared.
"""

from flask import render_template
from flask import request

from meldcode.web.access import access
from meldcode.web.oefenen.klas import session_context
from meldcode.web.oefenen.state import trainer_session
from meldcode.web.routes import Routes

routes = Routes()


@routes.get("/vergelijken")
@access("trainer")
def compare():
    """Show the answers and decisions of two of the trainer's sessions next to each other."""
    first = session_context(trainer_session(request.args.get("a", "")))
    second = session_context(trainer_session(request.args.get("b", "")))
    same = first["row"].oefencasus == second["row"].oefencasus
    rows = []
    if same:
        for q in first["counts"].questions:
            other = second["counts"].question(q.qid)
            more = other.counts if other else {}
            options = list(q.counts) + [o for o in more if o not in q.counts]
            rows.append((q, other, options))
    page = render_template(
        "oefenen/vergelijken.html",
        a=first,
        b=second,
        same=same,
        rows=rows,
        outcomes=_outcomes(first["counts"], second["counts"]) if same else [],
        **first,
    )
    return page, 200 if same else 400


def _key(o) -> tuple:
    """Return what makes two decisions the same."""
    return (o.route, o.melden, o.hulp, o.afsluiten, tuple(o.acties))


def _outcomes(first, second) -> list[tuple]:
    """Return (decision, count in A, count in B) for every decision either group reached."""
    counts_b = {_key(o): o.count for o in second.outcomes}
    rows = [(o, o.count, counts_b.pop(_key(o), 0)) for o in first.outcomes]
    return rows + [(o, 0, o.count) for o in second.outcomes if _key(o) in counts_b]
