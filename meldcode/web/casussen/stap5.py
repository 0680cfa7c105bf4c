"""Stap 5 (/stap-5): the remaining afwegingen, the decision and what follows it.

The page itself is drawn by meldcode.web.casussen.uitkomst.weighing_step, as stap 4 is;
the records of stap 5 (decision, informing, melding, help, evaluation) have pages of their own.
"""

from meldcode.web.access import access
from meldcode.web.casussen.uitkomst import weighing_step
from meldcode.web.routes import Routes

routes = Routes()


@routes.get("/<case_id>/stap-5")
@access("case")
def stap5(case_id: str):
    """Show stap 5: the remaining afwegingen, the decision and what follows it."""
    return weighing_step(case_id, 5)
