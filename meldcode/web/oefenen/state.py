"""What every training page needs: the cases, a session's case and kader, and the participant.

A participant has no account: their browser's signed session cookie holds a random token
whose hash is stored with the participant row. The token binds the browser to one session
only, so there is no address through which a participant could open another session.
"""

from dataclasses import dataclass
from functools import cached_property
from functools import partial

from flask import abort
from flask import current_app
from flask import g
from flask import make_response
from flask import render_template
from flask import session as cookie

from meldcode.kader import ResolvedKader
from meldcode.storage import accounts
from meldcode.storage import training as store
from meldcode.storage import training_class
from meldcode.training import catalogue as cases
from meldcode.training.library import TrainingCase
from meldcode.training.walk import Walk
from meldcode.web.database import database
from meldcode.web.database import session as db_session
from meldcode.web.i18n import language
from meldcode.web.oefenen.cites import Cites
from meldcode.web.oefenen.own import CaseWords
from meldcode.web.oefenen.report import answer_words
from meldcode.web.registry import registry

CATALOGUE_KEY = "meldcode_training_catalogue"
TOKEN = "oefen"  # noqa: S105 - not a secret: the key of the participant's token in the signed session cookie


def catalogue() -> cases.Catalogue:
    """Return the training cases, loaded and checked once per worker."""
    found = current_app.extensions.get(CATALOGUE_KEY)
    if found is None:
        found = cases.load(registry(), current_app.config.get("OEFENCASUSSEN_DIR"))
        current_app.extensions[CATALOGUE_KEY] = found
    return found


def now():
    """Return the current time as every training column stores it (naive UTC)."""
    return accounts.now()


def case_of(row: store.TrainingSession) -> TrainingCase:
    """Return the case a session runs; 404 when its file has gone since the session began."""
    case = catalogue().cases.get(row.oefencasus)
    if case is None:
        abort(404)
    return case


def kader_of(row: store.TrainingSession) -> ResolvedKader:
    """Return the kader version the session was started with."""
    return registry().get(row.kader_id, row.kader_version)


def trainer_session(session_id: str) -> store.TrainingSession:
    """Return one of the signed-in trainer's own sessions, or answer 404."""
    row = store.of_trainer(db_session(), g.user, session_id)
    if row is None:
        abort(404)
    return row


@dataclass
class Place:
    """A participant in their session: the case, the kader and their answers so far."""

    person: store.TrainingParticipant
    row: store.TrainingSession
    case: TrainingCase
    kader: ResolvedKader
    answers: dict  # question -> (value, motivation)

    @cached_property
    def walk(self) -> Walk:
        """Return the participant's way through the case."""
        given = {q: v for q, (v, _m) in self.answers.items()}
        return Walk(self.case, self.kader, given, self.row.open_step)

    @property
    def is_open(self) -> bool:
        """Tell whether answers may still be given or changed."""
        return self.row.is_open(now())

    def locked(self, qid: str) -> bool:
        """Tell whether the trainer locked a question to discuss it."""
        return qid in self.row.ids("locked")

    def revealed(self, item: str) -> bool:
        """Tell whether the trainer showed the model answer of a question (or 'beslissing')."""
        return item in self.row.ids("revealed")

    @property
    def tag(self) -> str:
        """Return the three letters the trainer sees for this participant (never a name)."""
        return training_class.tag(self.person.id)

    def name(self) -> str:
        """Return the participant's first name or number, if they gave one."""
        return store.name_of(database().cipher, self.person)


def place() -> Place:
    """Return the participant of this browser; otherwise send them to the join page."""
    reader = db_session()
    person = store.participant(reader, cookie.get(TOKEN))
    if person is None:
        # No login applies here: the page says how to join (401, as other pages that need
        # someone to identify themselves first).
        cookie.pop(TOKEN, None)
        abort(make_response(render_template("oefenen/not_joined.html"), 401))
    row = reader.get(store.TrainingSession, person.session_id)
    answers = store.answers(reader, database().cipher, person)
    return Place(person, row, case_of(row), kader_of(row), answers)


def facts_of(place_: Place, number: int):
    """Return the facts (with the intro) the case gives at one step, or None."""
    return next((s for s in place_.case.steps if s.step == number), None)


def common(place_: Place) -> dict:
    """Return what every participant page shows: the case, the kader, its words."""
    words = CaseWords(place_.kader.model, language(), place_.case)
    return {
        "place": place_,
        "case": place_.case,
        "kader": place_.kader,
        "words": words,
        "cite": Cites(place_.kader, words),
        "answer_words": partial(answer_words, words),
    }
