"""/oefensessies/ and /oefensessies/<id>: the cases, starting a session, the session.

Only the role ``trainer`` reaches these pages, and a trainer sees only their own sessions
(another id answers 404). Starting and ending a session are audited; what participants
answered never is.
"""

from flask import current_app
from flask import g
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from wtforms import StringField
from wtforms.validators import Optional

from meldcode.kader.i18n import _l
from meldcode.kader.words.time import moment
from meldcode.storage import audit
from meldcode.storage import training as store
from meldcode.storage import training_class as klas
from meldcode.training.check import kader_for
from meldcode.web.access import access
from meldcode.web.auditing import origin
from meldcode.web.database import SaveFailed
from meldcode.web.database import session as db_session
from meldcode.web.database import write
from meldcode.web.fields import choice
from meldcode.web.fields import too_long
from meldcode.web.forms import BaseForm
from meldcode.web.forms import build
from meldcode.web.i18n import language
from meldcode.web.oefenen.klas import session_context
from meldcode.web.oefenen.muur import wall
from meldcode.web.oefenen.state import catalogue
from meldcode.web.oefenen.state import now
from meldcode.web.oefenen.state import trainer_session
from meldcode.web.registry import registry
from meldcode.web.routes import Routes

routes = Routes()


class StartForm(BaseForm):
    """Which case the class works through."""

    casus = choice(_l("Welke oefencasus?"), [], _l("Kies een oefencasus."))
    label = StringField(
        _l("Naam van de groep"),
        [Optional(), too_long(store.LABEL_LENGTH)],
        description=_l("Bijvoorbeeld 'groep 2, ochtend'. Zo herken je de sessie later terug."),
    )


def _start_form():
    """Return the start form with the cases of the library as its choices."""
    lang = language()
    form, _rescued = build(StartForm)
    form.casus.choices = [
        (case.id, f"{case.title.get(lang)} ({case.sector.get(lang)})")
        for case in catalogue().ordered()
    ]
    return form


@routes.get("/")
@access("trainer")
def sessions():
    """List the trainer's sessions and the cases to start a new one with."""
    return _index(_start_form())


def _index(form, problem=None):
    """Render the sessions page with the start form; 400 when the form has errors."""
    rows = store.sessions_of(db_session(), g.user)
    page = render_template(
        "oefenen/sessies.html",
        rows=rows,
        sizes=klas.participant_counts(db_session(), [r.id for r in rows]),
        form=form,
        cases=catalogue(),
        # Each case's kader by its title (an id such as "sociaal-domein" means nothing here).
        kader_title=lambda case: kader_for(registry(), case).model.title,
        now=now(),
        when=moment,
        problem=problem,
    )
    return page, 400 if form.errors or problem else 200


@routes.post("/")
@access("trainer")
def start():
    """Start a session on the chosen case and show its code."""
    form = _start_form()
    if not form.validate():
        return _index(form)
    case = catalogue().cases[form.casus.data]
    kader = kader_for(registry(), case)
    user = g.user

    def work(s):
        row = store.start(s, user, case.id, kader, now(), current_app.config)
        row.label = " ".join((form.label.data or "").split()) or None
        audit.record(s, user, "create", "oefensessie", row.id, origin=origin())
        return row.id

    try:
        session_id = write(work)
    except SaveFailed:
        busy = _l("De sessie is niet gestart: het is even te druk. Probeer het opnieuw.")
        return _index(form, busy)
    return redirect(url_for("oefensessies.session", session_id=session_id), code=303)


@routes.get("/<session_id>")
@access("trainer")
def session(session_id: str):
    """Show the session: code, join address, QR code, the live class view and the controls."""
    return show(session_id, refresh=request.args.get("vernieuwen") != "uit")


def show(session_id: str, status: int = 200, refresh: bool = True, **extra):
    """Render the session page; ``extra`` is what a refused control form shows again."""
    row = trainer_session(session_id)
    context = session_context(row)
    page = render_template(
        "oefenen/sessie.html", refresh=refresh, all_wall=wall(row), **context, **extra
    )
    return page, status
