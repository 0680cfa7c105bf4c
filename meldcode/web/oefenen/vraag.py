"""/oefenen/vraag/<qid>: one question of the training case, with why.

The questions use the real wizard's forms (meldcode.web.questions), so a participant
practises on the same fields, messages and sources as in a real case. A question the
trainer locked, or a session that has ended, refuses a change and says so; the typed text
stays in the form, also when the form's security check had expired (:func:`stale_form`).
"""

from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from werkzeug.exceptions import HTTPException

from meldcode.kader.i18n import _
from meldcode.kader.layout import overruled
from meldcode.storage import training as store
from meldcode.training.walk import Walk
from meldcode.web.access import access
from meldcode.web.database import SaveFailed
from meldcode.web.database import database
from meldcode.web.database import write
from meldcode.web.forms import build
from meldcode.web.oefenen import meedoen
from meldcode.web.oefenen.own import model_of
from meldcode.web.oefenen.own import own_form
from meldcode.web.oefenen.state import Place
from meldcode.web.oefenen.state import common
from meldcode.web.oefenen.state import now
from meldcode.web.oefenen.state import place
from meldcode.web.questions import form_value
from meldcode.web.questions import question_form
from meldcode.web.routes import Routes

routes = Routes()


@routes.route("/vraag/<qid>", methods=["GET", "POST"])
@access("oefenen")
def vraag(qid: str):
    """Answer one question of the case (ja/nee, or the forms of violence) with why."""
    here = place()
    item = here.walk.item(qid)
    if item is None or item.step > here.walk.open_until():
        return _not_open(here, qid)
    form_class = own_form(item.question) if item.is_own else question_form(qid, item.question)
    given = here.answers.get(qid)
    form, rescued = build(form_class, {qid: given[0], "motivatie": given[1]} if given else None)
    problem = None
    if request.method == "POST":
        if not here.is_open:
            problem = _("De oefensessie is afgelopen: je antwoord is niet meer opgeslagen.")
        elif here.locked(qid):
            problem = _(
                "De trainer heeft deze vraag vastgezet om te bespreken. Je antwoord is niet "
                "opgeslagen."
            )
        elif form.validate():
            saved = _save(here, item, form)
            if saved is not None:
                return saved
            problem = _(
                "Niet opgeslagen: het is even te druk. Je tekst staat er nog; probeer het opnieuw."
            )
    status = 409 if problem else 400 if form.errors else 200
    return _question_page(here, item, form, rescued, problem), status


def _save(here: Place, item, form):
    """Store the answer and go on: the next question of this step, else the step page."""
    question = item.question
    value = form[item.qid].data if item.is_afweging else form_value(form, item.qid, question)
    motivation = (form.motivatie.data or "").strip()

    def work(s):
        person = s.get(store.TrainingParticipant, here.person.id)
        store.save_answer(s, database().cipher, person, item.qid, value, motivation, now())

    try:
        write(work)
    except SaveFailed:
        return None
    answers = {q: v for q, (v, _m) in here.answers.items()} | {item.qid: value}
    walk = Walk(here.case, here.kader, answers, here.row.open_step)
    following = walk.next_after(item.qid)
    if following is not None:
        return redirect(url_for("oefenen.vraag", qid=following.qid), code=303)
    if walk.done:
        return redirect(url_for("oefenen.uitkomst"), code=303)
    return redirect(url_for("oefenen.stap", number=item.step) + f"#vraag-{item.qid}", code=303)


def _not_open(here: Place, qid: str):
    """Explain why a question of the case cannot be answered now; 404 for one it lacks."""
    found = here.walk.find(qid)
    if found is None:
        abort(404)
    waiting = found.step > here.row.open_step  # the trainer has not opened its step yet
    page = render_template(
        "oefenen/niet_open.html",
        item=found,
        waiting=waiting,
        back=min(found.step, here.walk.open_until()),
        **common(here),
    )
    return page, 409


def _question_page(here: Place, item, form, rescued, problem):
    """Render the question page, with the norm that overrules it and the model answer if shown.

    The norm and the source are hints that give the answer away, so in training they show
    only once the participant saved an answer or the trainer revealed the question.
    """
    decision = here.walk.decision
    hints = item.value is not None or here.revealed(item.qid)
    step = overruled(decision, item.qid) if item.is_afweging and hints else None
    return render_template(
        "oefenen/vraag.html",
        item=item,
        question=item.question,
        form=form,
        rescued=rescued,
        problem=problem,
        locked=here.locked(item.qid),
        overruling=step,
        norm=here.kader.model.norms[step.overruled_by] if step else None,
        facts=[s for s in here.case.steps if s.step <= item.step],
        model=model_of(here.case, item.qid) if here.revealed(item.qid) else None,
        hints=hints,
        **common(here),
    )


def stale_form(_error):
    """Show the form again with the typed text when its security check had expired."""
    if request.endpoint == "oefenen.vraag" and request.view_args:
        try:
            here = place()
        except HTTPException as refusal:  # not (or no longer) taking part: say how to join
            return refusal.get_response()
        item = here.walk.item(request.view_args["qid"])
        if item is not None:
            form_class = (
                own_form(item.question) if item.is_own else question_form(item.qid, item.question)
            )
            problem = _(
                "Niet opgeslagen: de beveiligingscontrole van het formulier was verlopen. Je "
                "tekst staat er nog; verstuur hem opnieuw."
            )
            form = form_class(formdata=request.form)
            return _question_page(here, item, form, False, problem), 400
    if request.endpoint == "oefenen.join":
        stale = _("Het formulier was verlopen. Controleer de code en probeer het opnieuw.")
        return meedoen.page(meedoen.JoinForm(formdata=request.form), stale)
    flash(_("Niet opgeslagen: het formulier was verlopen. Probeer het opnieuw."), "warning")
    return redirect(request.path, code=303)
