"""Stap 1 beyond the signals: one page per input question of the kader, and what they set off.

Each answer is an ``antwoord`` record keyed by the question id, in the decision-contract
vocabulary. A question that depends on another answer appears only when it applies, or
when it still holds an answer (so an answer that no longer fits can be seen and wiped).
"""

from flask import abort
from flask import url_for

from meldcode.casus.records import Antwoord
from meldcode.kader.i18n import _l
from meldcode.storage import cases
from meldcode.web.access import access
from meldcode.web.casework import answers_of
from meldcode.web.casework import decision_of
from meldcode.web.casework import kader_of
from meldcode.web.casework import open_case
from meldcode.web.casework import records
from meldcode.web.casussen.recordpage import RecordPage
from meldcode.web.casussen.recordpage import delete
from meldcode.web.casussen.recordpage import edit
from meldcode.web.casussen.stap_common import step_done
from meldcode.web.casussen.stap_common import step_of
from meldcode.web.casussen.waarschuwingen import alerts
from meldcode.web.i18n import language
from meldcode.web.questions import answer_form
from meldcode.web.questions import answer_text
from meldcode.web.questions import form_value
from meldcode.web.questions import relevant
from meldcode.web.questions import step_questions
from meldcode.web.routes import Routes

routes = Routes()

STEP_PAGES = {1: "cases.stap1", 2: "cases.stap2"}


def question_page(kader, qid: str, number: int) -> RecordPage:
    """Return the record page of one input question, in the page language."""
    question = kader.model.questions[qid]
    return RecordPage(
        kind="antwoord",
        form=answer_form(qid, question),
        title=question.label.get(language()),
        back=lambda case_id: url_for(STEP_PAGES[number], case_id=case_id),
        to_payload=lambda form, _found: Antwoord(
            antwoord=form_value(form, qid, question), motivatie=form.motivatie.data or ""
        ),
        to_data=lambda payload: {qid: payload.antwoord, "motivatie": payload.motivatie},
        template="cases/stap1_vraag.html",
        context=lambda _found: {"question": question, "qid": qid, "number": number},
        save_label=_l("Antwoord opslaan"),
    )


def _shown_question(case_id: str, qid: str, number: int):
    """Return the page of a question this case shows in this step, else answer 404."""
    found = open_case(case_id, owner_only=True)
    kader = kader_of(found)
    if qid not in step_questions(kader, number):
        abort(404)
    saved = records(found, "antwoord")
    if not relevant(qid, answers_of(saved)) and qid not in {r.key for r in saved}:
        abort(404)
    return question_page(kader, qid, number)


@routes.route("/<case_id>/stap-1/vraag/<qid>", methods=["GET", "POST"])
@access("case")
def vraag(case_id: str, qid: str):
    """Answer one input question of stap 1 (vormen, disclosure, pleger_medewerker …)."""
    return edit(_shown_question(case_id, qid, 1), case_id, qid)


@routes.route("/<case_id>/stap-1/vraag/<qid>/wissen", methods=["GET", "POST"])
@access("case")
def vraag_wissen(case_id: str, qid: str):
    """Wipe the answer to a question of stap 1, after asking."""
    return delete(_shown_question(case_id, qid, 1), case_id, qid)


@routes.route("/<case_id>/stap-2/vraag/<qid>", methods=["GET", "POST"])
@access("case")
def vraag_stap2(case_id: str, qid: str):
    """Answer the question of stap 2: whether Veilig Thuis was asked for advice."""
    return edit(_shown_question(case_id, qid, 2), case_id, qid)


@routes.route("/<case_id>/stap-2/vraag/<qid>/wissen", methods=["GET", "POST"])
@access("case")
def vraag_stap2_wissen(case_id: str, qid: str):
    """Wipe the answer to the question of stap 2, after asking."""
    return delete(_shown_question(case_id, qid, 2), case_id, qid)


def question_rows(kader, found: list[cases.RecordView], number: int) -> list[dict]:
    """Return the questions a step shows, each with its answer as text."""
    saved = {r.key: r for r in found if r.kind == "antwoord"}
    given = answers_of(found)
    rows = []
    for qid in step_questions(kader, number):
        record = saved.get(qid)
        applies = relevant(qid, given)
        if not applies and record is None:
            continue
        question = kader.model.questions[qid]
        rows.append(
            {
                "id": qid,
                "question": question,
                "record": record,
                "text": answer_text(question, record.payload.antwoord) if record else "",
                "stale": not applies,
            }
        )
    return rows


def stap1_context(found: cases.Access, kader, all_records: list[cases.RecordView]) -> dict:
    """Return what the stap 1 page shows beyond the signals: questions, checks, warnings."""
    checks = {r.key: r for r in all_records if r.kind == "check"}
    step = step_of(kader, 1)
    return {
        "question_rows": question_rows(kader, all_records, 1),
        "check_rows": [
            {"id": cid, "check": kader.model.checks[cid], "record": checks.get(cid)}
            for cid in step.checks
            if cid in kader.model.checks
        ],
        "alerts": alerts(decision_of(found, all_records)),
        "step_done_state": step_done(all_records, 1),
    }
