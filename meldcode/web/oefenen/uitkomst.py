"""/oefenen/uitkomst(.pdf): the engine's decision on the participant's answers, in full.

The page names the rule of every afweging, the kader and its version and the source, and
shows the model decision once the trainer has revealed it. The participant may print their
own exercise as a PDF (watermarked OEFENEN), without a name.
"""

from flask import flash
from flask import redirect
from flask import render_template
from flask import url_for

from meldcode.kader.i18n import _
from meldcode.kader.words import Words
from meldcode.training.tally import decision_key
from meldcode.training.tally import model_key
from meldcode.web.access import access
from meldcode.web.i18n import language
from meldcode.web.oefenen.pdf import pdf_response
from meldcode.web.oefenen.report import own_exercise
from meldcode.web.oefenen.state import common
from meldcode.web.oefenen.state import place
from meldcode.web.routes import Routes

routes = Routes()


@routes.get("/uitkomst")
@access("oefenen")
def uitkomst():
    """Show the kader's decision on the participant's answers, and how it was reached."""
    here = place()
    walk = here.walk
    if not walk.done:
        flash(_("Je bent nog niet klaar: beantwoord eerst de vragen die nog openstaan."))
        return redirect(url_for("oefenen.stap", number=walk.open_until()), code=303)
    decision = walk.decision
    lang = language()
    return render_template(
        "oefenen/uitkomst.html",
        decision=decision,
        contract=decision.to_contract(lang),
        acties=Words(here.kader.model, lang).action_lines(decision.acties),
        route=here.kader.model.routes.get(decision.route),
        show_model=here.revealed("beslissing"),
        same_as_model=decision_key(decision) == model_key(here.case),
        **common(here),
    )


@routes.route("/uitkomst.pdf", methods=["GET", "POST"])
@access("oefenen")
def uitkomst_pdf():
    """Print the participant's own exercise: their answers and the decision with its trace."""
    here = place()
    view = own_exercise(
        here.case,
        here.kader,
        here.answers,
        here.walk.decision,
        revealed=here.row.ids("revealed"),
        off=here.walk.abandoned,
    )
    return pdf_response(
        "oefenen/pdf.html", f"oefening-{here.case.id}.pdf", view, "oefening", here.person.id
    )
