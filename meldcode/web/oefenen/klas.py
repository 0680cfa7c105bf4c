"""The class as the trainer sees it: counts, model answers to reveal, the join address.

The session page, the projector, the live fragment and the class report all show this one
context, so they always agree.
"""

import datetime
from functools import partial

from flask import current_app
from flask import url_for

from meldcode.kader.words import moment as local_time
from meldcode.storage import training as store
from meldcode.storage import training_class as klas
from meldcode.training.tally import tally
from meldcode.web.database import session as db_session
from meldcode.web.i18n import language
from meldcode.web.oefenen.cites import Cites
from meldcode.web.oefenen.own import CaseWords
from meldcode.web.oefenen.own import model_of
from meldcode.web.oefenen.own import questions_of
from meldcode.web.oefenen.report import answer_words
from meldcode.web.oefenen.report import outcome_words
from meldcode.web.oefenen.state import case_of
from meldcode.web.oefenen.state import kader_of
from meldcode.web.oefenen.state import now

REFRESH_SECONDS = 5
STUCK_AFTER = datetime.timedelta(minutes=3)  # no answer saved for this long: maybe stuck


def join_url(row: store.TrainingSession, with_code: bool = True) -> str:
    """Return the address participants open: the join page, with the code filled in."""
    base = current_app.config["BASE_URL"].rstrip("/") + url_for("oefenen.join")
    return base + (f"?code={row.code}" if with_code else "")


def spaced(code: str) -> str:
    """Return a code in two groups of three, easier to read from a projector."""
    return f"{code[:3]} {code[3:]}"


def session_context(row: store.TrainingSession) -> dict:
    """Return everything the session, projector and fragment pages show."""
    case, kader = case_of(row), kader_of(row)
    found = klas.class_answers(db_session(), row.id)
    moment = now()
    quiet = {pid for pid, last in found.last.items() if moment - last > STUCK_AFTER}
    counts = tally(
        case, kader, found.answers, before=found.firsts, open_step=row.open_step, quiet=quiet
    )
    words = CaseWords(kader.model, language(), case)
    own = questions_of(case)
    order = [q.qid for q in counts.questions if q.qid in own] + ["beslissing"]
    revealed = row.ids("revealed")
    return {
        "row": row,
        "case": case,
        "kader": kader,
        "counts": counts,
        "words": words,
        "cite": Cites(kader, words),
        "join_url": join_url(row),
        "join_base": join_url(row, with_code=False),
        "code": spaced(row.code),
        "revealed": revealed,
        "locked": row.ids("locked"),
        "reveal_order": order,
        "next_reveal": next((item for item in order if item not in revealed), None),
        "is_open": row.is_open(now()),
        "answer_words": partial(answer_words, words),
        "outcome_words": partial(outcome_words, kader, words),
        "refresh_seconds": REFRESH_SECONDS,
        "people": _people(found),
        "updated_at": moment,
        "when": local_time,
        "model_of": partial(model_of, case),
    }


def _people(found) -> list[tuple[str, str]]:
    """Return (participant id, their tag) in the order they joined: never their name."""
    return [(pid, klas.tag(pid)) for pid in found.ids]
