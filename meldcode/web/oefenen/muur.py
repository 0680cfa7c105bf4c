"""/oefensessies/<id>/muur and /muur/verbergen: the motivation wall, and hiding one motivation.

The wall shows the motivations given to one question without who gave them, in an order
that says nothing about who answered first. The trainer chooses the question (nothing is on
the projector until then) and hides a motivation that should not be shown to the room.
"""

import hashlib

from flask import abort
from flask import request

from meldcode.storage import training_class as klas
from meldcode.web.access import access
from meldcode.web.database import database
from meldcode.web.database import session as db_session
from meldcode.web.oefenen.bediening import _back
from meldcode.web.oefenen.bediening import _change
from meldcode.web.oefenen.bediening import _set
from meldcode.web.oefenen.own import questions_of
from meldcode.web.oefenen.state import case_of
from meldcode.web.oefenen.state import trainer_session
from meldcode.web.routes import Routes

routes = Routes()


def wall(row) -> list[tuple[str, object, str, bool]]:
    """Return the wall of a session: (id, answer, motivation, hidden), shuffled by id's hash."""
    if not row.wall:
        return []
    hidden = set(row.ids("hidden"))
    found = klas.motivations(db_session(), database().cipher, row.id, row.wall)
    shown = [(str(i), value, text, str(i) in hidden) for i, value, text in found if text]
    return sorted(shown, key=lambda m: hashlib.sha256(f"{row.id}:{m[0]}".encode()).digest())


@routes.post("/<session_id>/muur")
@access("trainer")
def choose(session_id: str):
    """Put the motivations of one question on the wall, or take the wall down (empty)."""
    item = request.form.get("item", "")
    if item and item not in questions_of(case_of(trainer_session(session_id))):
        abort(400)

    def work(_s, row):
        row.wall = item or None

    _change(session_id, work)
    return _back(session_id)


@routes.post("/<session_id>/muur/verbergen")
@access("trainer")
def hide(session_id: str):
    """Hide one motivation from the wall (or show it again)."""
    answer = request.form.get("motivatie", "")
    if not answer.isdigit():
        abort(400)
    on = request.form.get("verbergen") != "nee"
    _change(session_id, lambda _s, row: _set(row, "hidden", answer, on))
    return _back(session_id)
