"""/afweging/<qid>: one afweging per page, ja or nee, with the professional's motivation.

The answer is stored as an ``antwoord`` record keyed by the question id, in the decision
contract's vocabulary. When a norm overrules the answer (a disclosure), the page says so
with the norm and its source; the answer itself is kept as given.
"""

from flask import abort
from flask import url_for

from meldcode.casus.records import Antwoord
from meldcode.kader import evaluate
from meldcode.kader.i18n import _l
from meldcode.kader.layout import overruled
from meldcode.kader.layout import placed_in
from meldcode.kader.stand import stand as stand_of
from meldcode.kader.words import Words
from meldcode.web.access import access
from meldcode.web.casework import decision_of
from meldcode.web.casework import kader_of
from meldcode.web.casework import open_case
from meldcode.web.casework import records
from meldcode.web.casussen.recordpage import RecordPage
from meldcode.web.casussen.recordpage import edit
from meldcode.web.casussen.stap_common import step_of
from meldcode.web.casussen.uitkomst import fresh_decision
from meldcode.web.i18n import language
from meldcode.web.questions import afweging_form
from meldcode.web.routes import Routes

routes = Routes()

STEP_ENDPOINTS = {4: "casussen.stap4", 5: "casussen.stap5"}


def step_page(kader, qid: str, case_id: str) -> str:
    """Return the step page where an afweging is answered."""
    number = placed_in(kader).get(qid, 5)
    return url_for(STEP_ENDPOINTS.get(number, "casussen.stap5"), case_id=case_id)


def _decides_now(decision, qid: str) -> bool:
    """Tell whether the decision can be recorded now and this afweging came before it.

    An afweging that was itself one to walk after the decision (with Veilig Thuis, or at the
    evaluation) leads on to the next one instead.
    """
    now = stand_of(decision)
    if not (now.can_record and now.later):
        return False
    others = {q: v for q, v in decision.antwoorden.items() if q != qid}
    return qid not in stand_of(evaluate(decision.kader, others)).later


def _next_page(kader, qid: str):
    """Return where to go after saving: the next afweging the kader needs, else the step."""

    def target(case_id: str) -> str:
        """Return the decision page once melden is decided, the next afweging, or the task list."""
        decision = fresh_decision(case_id)
        if _decides_now(decision, qid):
            # This answer let the decision be recorded: record it first; later afwegingen wait.
            return url_for("casussen.beslissing", case_id=case_id)
        needed = [q for q in decision.nog_nodig if q != qid]
        if needed and decision.route == "meldcode":
            return url_for("casussen.afweging", case_id=case_id, qid=needed[0])
        return url_for("casussen.overview", case_id=case_id)

    return target


def _context(qid: str):
    """Return the page's extra context: a norm that overrules this answer, and the route."""

    def context(found) -> dict:
        """Return the norm that overrules this answer, if any, and the route."""
        kader = kader_of(found)
        everything = records(found)
        decision = decision_of(found, everything)
        step = overruled(decision, qid)
        norm = kader.model.norms[step.overruled_by] if step else None
        return {
            "step": step_of(kader, placed_in(kader).get(qid, 5)),
            "stand": stand_of(decision),
            "decided": any(r.kind == "beslissing" for r in everything),
            "qid": qid,
            "question": kader.model.questions[qid],
            "words": Words(kader.model, language()),
            "overruling": step,
            "norm": norm,
            "route": kader.model.routes.get(decision.route),
        }

    return context


@routes.route("/<case_id>/afweging/<qid>", methods=["GET", "POST"])
@access("case")
def afweging(case_id: str, qid: str):
    """Answer one afweging with a motivation."""
    found = open_case(case_id, owner_only=True)
    kader = kader_of(found)
    question = kader.model.questions.get(qid)
    if question is None or question.kind != "afweging":
        abort(404)
    lang = language()
    page = RecordPage(
        kind="antwoord",
        form=afweging_form(qid, question),
        title=Words(kader.model, lang).question(qid),
        back=lambda cid: step_page(kader, qid, cid),
        to_payload=lambda form, _found: Antwoord(
            antwoord=form[qid].data, motivatie=form.motivatie.data.strip()
        ),
        to_data=lambda payload: {qid: payload.antwoord, "motivatie": payload.motivatie},
        template="casussen/afweging.html",
        context=_context(qid),
        save_label=_l("Opslaan en verder"),
        after_save=_next_page(kader, qid),
    )
    return edit(page, case_id, qid)
