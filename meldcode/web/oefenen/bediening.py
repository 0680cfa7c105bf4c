"""/oefensessies/<id>/tonen, /vastzetten, /beeindigen: reveal, lock, and end a session.

Each is a small POST form (CSRF-protected, works without JavaScript) that changes the
session row and goes back to the page it came from.
"""

from flask import abort
from flask import current_app
from flask import g
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for

from meldcode.storage import audit
from meldcode.storage import training as store
from meldcode.storage import training_class as klas
from meldcode.web.access import access
from meldcode.web.auditing import origin
from meldcode.web.database import SaveFailed
from meldcode.web.database import write
from meldcode.web.oefenen.own import questions_of
from meldcode.web.oefenen.state import case_of
from meldcode.web.oefenen.state import now
from meldcode.web.oefenen.state import trainer_session
from meldcode.web.routes import Routes

routes = Routes()

VIEWS = {"projector": "oefensessies.projector", "sessie": "oefensessies.session"}


def _back(session_id: str):
    """Return to the page the form was on: the session page or the projector."""
    endpoint = VIEWS.get(request.form.get("terug", ""), "oefensessies.session")
    anchor = request.form.get("anker", "")
    focus = request.form.get("vraag", "")[:40]  # the projector stays on its question
    extra = {"vraag": focus} if endpoint == VIEWS["projector"] and focus.isidentifier() else {}
    target = url_for(endpoint, session_id=session_id, **extra)
    return redirect(target + (f"#{anchor}" if anchor.replace("-", "").isalnum() else ""), code=303)


def _change(session_id: str, work) -> None:
    """Run ``work(s, row)`` on the trainer's own session in a write transaction."""
    trainer_session(session_id)  # 404 for a session that is not theirs

    def run(s):
        work(s, s.get(store.TrainingSession, session_id))

    try:
        write(run)
    except SaveFailed:
        abort(503)


def _set(row: store.TrainingSession, column: str, item: str, on: bool) -> None:
    """Add ``item`` to (or remove it from) the row's revealed or locked ids."""
    kept = [i for i in row.ids(column) if i != item]
    setattr(row, column, ",".join(kept + ([item] if on else [])))


def _allowed(session_id: str) -> set[str]:
    """Return what may be revealed or locked: the case's questions, and 'beslissing'."""
    return questions_of(case_of(trainer_session(session_id))) | {"beslissing"}


@routes.post("/<session_id>/tonen")
@access("trainer")
def reveal(session_id: str):
    """Show (or hide) a model answer with its reasoning, or the model decision."""
    item = request.form.get("item", "")
    if item not in _allowed(session_id):
        abort(400)
    on = request.form.get("tonen") != "nee"

    def work(s, row):
        _set(row, "revealed", item, on)
        if on and item != "beslissing":
            klas.keep_firsts(s, row.id, item)  # the split before the discussion stays
            if row.lock_on_reveal:
                _set(row, "locked", item, True)

    _change(session_id, work)
    return _back(session_id)


@routes.post("/<session_id>/vastzetten")
@access("trainer")
def lock(session_id: str):
    """Lock a question so answers to it stay as they are while the class discusses it."""
    item = request.form.get("item", "")
    if item not in _allowed(session_id) - {"beslissing"}:
        abort(400)
    on = request.form.get("vast") != "nee"
    _change(session_id, lambda _s, row: _set(row, "locked", item, on))
    return _back(session_id)


@routes.post("/<session_id>/beeindigen")
@access("trainer")
def finish(session_id: str):
    """End the session once confirmed: nobody joins or answers any more; deleted after a day."""
    if request.form.get("bevestigd") != "ja":  # the button on the session page asks first
        row = trainer_session(session_id)
        return render_template("oefenen/beeindigen.html", row=row, case=case_of(row))
    user = g.user

    def work(s, row):
        store.end(row, now(), current_app.config)
        audit.record(s, user, "update", "oefensessie", row.id, origin=origin())

    _change(session_id, work)
    return redirect(url_for("oefensessies.session", session_id=session_id), code=303)
