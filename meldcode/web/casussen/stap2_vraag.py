"""/stap-2/vraag/<qid>: the question of stap 2, whether Veilig Thuis was asked for advice."""

from meldcode.web.access import access
from meldcode.web.casussen.recordpage import delete
from meldcode.web.casussen.recordpage import edit
from meldcode.web.casussen.vragen import shown_question
from meldcode.web.routes import Routes

routes = Routes()


@routes.route("/<case_id>/stap-2/vraag/<qid>", methods=["GET", "POST"])
@access("case")
def vraag_stap2(case_id: str, qid: str):
    """Answer the question of stap 2: whether Veilig Thuis was asked for advice."""
    return edit(shown_question(case_id, qid, 2), case_id, qid)


@routes.route("/<case_id>/stap-2/vraag/<qid>/wissen", methods=["GET", "POST"])
@access("case")
def vraag_stap2_wissen(case_id: str, qid: str):
    """Wipe the answer to the question of stap 2, after asking."""
    return delete(shown_question(case_id, qid, 2), case_id, qid)
