"""/oefensessies/<id>/antwoorden.csv: the class's answers, anonymous, for the trainer.

One line per answer: a participant number (the order they joined in, nothing more), the
step, the question, the answer now, the first answer kept at the reveal, and whether it
counts (on the participant's current path). No names and no motivations: those may say who
someone is.
"""

import csv
import io

from flask import Response

from meldcode.storage import training_class as klas
from meldcode.training.walk import Walk
from meldcode.web.access import access
from meldcode.web.database import session as db_session
from meldcode.web.oefenen.state import case_of
from meldcode.web.oefenen.state import kader_of
from meldcode.web.oefenen.state import trainer_session
from meldcode.web.routes import Routes

routes = Routes()

HEADER = ["deelnemer", "stap", "vraag", "antwoord", "eerste_antwoord", "telt_mee"]


def _text(value) -> str:
    """Return an answer as text: a word, or choices joined with '|'."""
    if value is None:
        return ""
    return "|".join(value) if isinstance(value, list) else str(value)


@routes.get("/<session_id>/antwoorden.csv")
@access("trainer")
def answers_csv(session_id: str):
    """Return every answer of the session as CSV, without names or motivations."""
    row = trainer_session(session_id)
    case, kader = case_of(row), kader_of(row)
    found = klas.class_answers(db_session(), row.id)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for number, pid in enumerate(found.ids, start=1):
        answers = found.answers[pid]
        walk = Walk(case, kader, answers)
        counts = walk.counted()
        firsts = found.firsts.get(pid, {})
        for qid, value in answers.items():
            item = walk.find(qid)
            step = item.step if item else ""
            counted = "ja" if qid in counts else "nee"
            writer.writerow([number, step, qid, _text(value), _text(firsts.get(qid)), counted])
    name = f"oefensessie-{row.code}-antwoorden.csv"
    return Response(
        "\ufeff" + out.getvalue(),  # a BOM, so spreadsheet programs read the accents right
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )
