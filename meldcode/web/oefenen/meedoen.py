"""/oefenen/: joining a training session with the trainer's code: no account, no personal data.

A wrong code, a session that has ended and a full session each get a message next to the
code field; what was typed stays in the form.
"""

from flask import redirect
from flask import render_template
from flask import request
from flask import session as cookie
from flask import url_for
from wtforms import BooleanField
from wtforms import StringField
from wtforms.validators import InputRequired
from wtforms.validators import Optional
from wtforms.validators import Regexp

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.storage import training as store
from meldcode.web import ratelimit
from meldcode.web.access import access
from meldcode.web.database import SaveFailed
from meldcode.web.database import database
from meldcode.web.database import session as db_session
from meldcode.web.database import write
from meldcode.web.fields import too_long
from meldcode.web.forms import BaseForm
from meldcode.web.oefenen.state import TOKEN
from meldcode.web.oefenen.state import case_of
from meldcode.web.oefenen.state import now
from meldcode.web.routes import Routes

routes = Routes()


class JoinForm(BaseForm):
    """The code the trainer shows, and at most a first name or a number."""

    code = StringField(
        _l("Code van de oefensessie"),
        [InputRequired(message=_l("Vul de code in die de trainer laat zien."))],
        description=_l("Zes tekens, bijvoorbeeld KT4 MXA. Hoofdletters en spaties maken niet uit."),
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"},
    )
    naam = StringField(
        _l("Voornaam of nummer"),
        [
            Optional(),
            too_long(20),
            Regexp(
                r"^[^\W_]+( [^\W_]+)?$",
                message=_l("Alleen letters en cijfers, bijvoorbeeld 'Sam' of '12'."),
            ),
        ],
        description=_l(
            "Alleen als de trainer erom vraagt. Geen achternaam of andere gegevens over jezelf: "
            "de trainer ziet alleen aantallen."
        ),
        render_kw={"autocomplete": "off"},
    )
    overstappen = BooleanField(
        _l("Ja, stop met mijn andere oefensessie en doe mee aan deze"),
        description=_l("Je antwoorden in de andere sessie blijf je dan niet meer zien."),
    )


def current_session() -> store.TrainingSession | None:
    """Return the open session this browser already takes part in, if any."""
    person = store.participant(db_session(), cookie.get(TOKEN))
    if person is None:
        return None
    row = db_session().get(store.TrainingSession, person.session_id)
    return row if row is not None and row.is_open(now()) else None


@routes.route("/", methods=["GET", "POST"])
@access("public")
def join():
    """Ask for the code; join the session as an anonymous participant."""
    code = request.args.get("code", "")[:20]
    joined = current_session()
    if request.method == "GET" and joined is not None and code:
        if store.normalise_code(code) == joined.code:  # a re-scan: go on where they were
            return redirect(url_for("oefenen.stap", number=1), code=303)
    form = JoinForm(data={"code": code})
    if request.method == "POST":
        form = JoinForm()
    if form.validate_on_submit():
        response = _join(form)
        if response is not None:
            return response
    return page(form)


def page(form, problem: str | None = None):
    """Render the join page; 400 when something typed must be corrected."""
    joined = current_session()
    page = render_template(
        "oefenen/meedoen.html",
        form=form,
        problem=problem,
        joined=joined,
        joined_case=case_of(joined) if joined else None,
    )
    return page, 400 if form.errors or problem else 200


def _join(form):
    """Check the code and the places left, then join; on a problem, say so at the field."""
    if ratelimit.reached("code"):  # too many wrong codes from here, or from everyone
        return _too_many(form)
    code = store.normalise_code(form.code.data)
    row = store.by_code(db_session(), code) if len(code) == store.CODE_LENGTH else None
    if row is None or not row.is_open(now()):
        ratelimit.count("code")
    if row is None:
        form.code.errors.append(
            _("We kennen deze code niet. Controleer de code op het scherm van de trainer.")
        )
        return None
    if not row.is_open(now()):
        form.code.errors.append(
            _("Deze oefensessie is afgelopen. Vraag de trainer om de code van een nieuwe sessie.")
        )
        return None
    joined = current_session()
    if joined is not None and joined.id == row.id:  # this browser has its place already
        return redirect(url_for("oefenen.stap", number=1), code=303)
    if joined is not None and not form.overstappen.data:  # another session: ask first
        form.overstappen.errors.append(
            _("Je doet al mee aan een andere oefensessie. Vink aan dat je wilt overstappen.")
        )
        return None
    if ratelimit.reached(f"join:{row.id}", "join"):
        return _too_many(form)
    ratelimit.count(f"join:{row.id}", "join")
    name = (form.naam.data or "").strip()

    def work(s):
        fresh = s.get(store.TrainingSession, row.id)  # counted again inside the write
        return store.join(s, database().cipher, fresh, name, now())

    try:
        token = write(work)
    except store.SessionFull:
        form.code.errors.append(
            _(
                "Deze oefensessie is vol: er doen al %(count)d mensen mee. Vraag de trainer om "
                "een tweede sessie.",
                count=row.max_participants,
            )
        )
        return None
    except SaveFailed:
        return page(form, _("Meedoen lukte niet: het is even te druk. Probeer het opnieuw."))
    cookie[TOKEN] = token
    return redirect(url_for("oefenen.stap", number=1), code=303)


def _too_many(form):
    """Refuse for now (429), with what was typed still in the form and what to do."""
    html, _status = page(
        form,
        _(
            "Er is vanaf dit netwerk te vaak geprobeerd mee te doen. Wacht een paar minuten "
            "en probeer het dan opnieuw."
        ),
    )
    return html, 429
