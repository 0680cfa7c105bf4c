"""/oefensessies/<id>/stappen, /instellingen, /deelnemer-weg: pacing, settings, a participant.

Small POST forms like bediening's: the trainer opens the steps one at a time (or all),
names the group and chooses whether a reveal locks the question, and removes a participant
who should not be counted (a phone that joined twice, someone who left).
"""

from flask import abort
from flask import request

from meldcode.storage import training as store
from meldcode.storage import training_class as klas
from meldcode.web.access import access
from meldcode.web.fields import too_long_message
from meldcode.web.oefenen.bediening import _back
from meldcode.web.oefenen.bediening import _change
from meldcode.web.oefenen.sessies import show
from meldcode.web.routes import Routes

routes = Routes()


@routes.post("/<session_id>/stappen")
@access("trainer")
def pace(session_id: str):
    """Open the steps up to the one chosen (5: all of them) for the whole class."""
    try:
        step = int(request.form.get("stap", ""))
    except ValueError:
        abort(400)
    if step not in range(1, 6):
        abort(400)

    def work(_s, row):
        row.open_step = step

    _change(session_id, work)
    return _back(session_id)


@routes.post("/<session_id>/instellingen")
@access("trainer")
def settings(session_id: str):
    """Name the group (e.g. 'groep 2') and choose whether a reveal locks the question."""
    label = " ".join(request.form.get("label", "").split())
    lock = request.form.get("vastzetten_bij_tonen") == "ja"
    if len(label) > store.LABEL_LENGTH:
        # Nothing is saved and nothing cut off: the page comes back with the text as typed.
        # It does not refresh itself, which would lose that text.
        error = too_long_message(store.LABEL_LENGTH, len(label))
        return show(session_id, 400, False, label_value=label, label_error=error, lock_value=lock)

    def work(_s, row):
        row.label = label or None
        row.lock_on_reveal = lock

    _change(session_id, work)
    return _back(session_id)


@routes.post("/<session_id>/deelnemer-weg")
@access("trainer")
def remove(session_id: str):
    """Remove one participant of this session with their answers; their page asks to rejoin."""
    participant_id = request.form.get("deelnemer", "")

    def work(s, row):
        if not klas.remove(s, row.id, participant_id):
            abort(404)

    _change(session_id, work)
    return _back(session_id)
