"""The kader's input questions on the case pages: one page per question, and the step's list.

Each answer is an ``antwoord`` record keyed by the question id, in the decision-contract
vocabulary. A question that depends on another answer appears only when it applies, or
when it still holds an answer (so an answer that no longer fits can be seen and wiped).
Stap 1 asks most of them (meldcode.web.casussen.stap1_vraag), stap 2 the one about
Veilig Thuis's advice (meldcode.web.casussen.stap2_vraag).
"""

from flask import abort
from flask import url_for

from meldcode.casus.records import Antwoord
from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.kader.layout import relevant
from meldcode.kader.layout import step_questions
from meldcode.kader.model import Question
from meldcode.storage import cases
from meldcode.web.casework import answers_of
from meldcode.web.casework import kader_of
from meldcode.web.casework import open_case
from meldcode.web.casework import records
from meldcode.web.casussen.recordpage import RecordPage
from meldcode.web.i18n import language
from meldcode.web.questions import answer_form
from meldcode.web.questions import form_value

STEP_PAGES = {1: "casussen.stap1", 2: "casussen.stap2"}


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
        template="casussen/stap1_vraag.html",
        context=lambda _found: {"question": question, "qid": qid, "number": number},
        save_label=_l("Antwoord opslaan"),
    )


def shown_question(case_id: str, qid: str, number: int) -> RecordPage:
    """Return the page of a question this case shows in this step, else answer 404."""
    found = open_case(case_id, owner_only=True)
    kader = kader_of(found)
    if qid not in step_questions(kader, number):
        abort(404)
    saved = records(found, "antwoord")
    if not relevant(qid, answers_of(saved), kader) and qid not in {r.key for r in saved}:
        abort(404)
    return question_page(kader, qid, number)


def answer_text(question: Question, value) -> str:
    """Return an answer as the step page shows it, in the page language."""
    if value is None:
        return ""
    if isinstance(value, list):
        chosen = [question.choices[v].label.get(language()) for v in value if v in question.choices]
        return ", ".join(chosen) or _("niets gekozen")
    return _("Ja") if value == "ja" else _("Nee")


def question_rows(kader, found: list[cases.RecordView], number: int) -> list[dict]:
    """Return the questions a step shows, each with its answer as text."""
    saved = {r.key: r for r in found if r.kind == "antwoord"}
    given = answers_of(found)
    rows = []
    for qid in step_questions(kader, number):
        record = saved.get(qid)
        applies = relevant(qid, given, kader)
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
