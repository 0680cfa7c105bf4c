"""/stap-1/vraag/<qid>: one input question of stap 1 (vormen, disclosure …), and wiping it."""

from meldcode.web.access import access
from meldcode.web.casussen.recordpage import delete
from meldcode.web.casussen.recordpage import edit
from meldcode.web.casussen.vragen import shown_question
from meldcode.web.routes import Routes

routes = Routes()


@routes.route("/<case_id>/stap-1/vraag/<qid>", methods=["GET", "POST"])
@access("case")
def vraag(case_id: str, qid: str):
    """Answer one input question of stap 1 (vormen, disclosure, pleger_medewerker …)."""
    return edit(shown_question(case_id, qid, 1), case_id, qid)


@routes.route("/<case_id>/stap-1/vraag/<qid>/wissen", methods=["GET", "POST"])
@access("case")
def vraag_wissen(case_id: str, qid: str):
    """Wipe the answer to a question of stap 1, after asking."""
    return delete(shown_question(case_id, qid, 1), case_id, qid)
