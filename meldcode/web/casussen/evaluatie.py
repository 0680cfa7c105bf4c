"""/evaluatie: when afweging 5 is weighed again, and what was agreed.

Saving the evaluation also sets the case's evaluation date in the same transaction, so the
case list shows it when it is due.
"""

from flask import url_for

from meldcode.casus.records import Evaluatie
from meldcode.kader.i18n import _l
from meldcode.web.access import access
from meldcode.web.casussen.recordpage import RecordPage
from meldcode.web.casussen.recordpage import edit
from meldcode.web.fields import date_field
from meldcode.web.fields import text_field
from meldcode.web.forms import BaseForm
from meldcode.web.routes import Routes

routes = Routes()


def _stap5(case_id: str) -> str:
    """Return stap 5, where what follows the decision is listed."""
    return url_for("casussen.stap5", case_id=case_id)


class EvaluatieForm(BaseForm):
    """When afweging 5 is weighed again, and what was agreed."""

    datum = date_field(
        _l("Wanneer evalueer je afweging 5?"),
        past_only=False,
        hint=_l("De casuslijst laat zien wanneer de evaluatie aan de beurt is."),
    )
    afspraken = text_field(
        _l("Afspraken"),
        hint=_l("Met de betrokkenen, Veilig Thuis en samenwerkingspartners."),
        rows=4,
    )


def _set_evaluation_date(_session, found, _user, payload: Evaluatie) -> None:
    """Put the evaluation date on the case, in the same transaction as the record."""
    found.case.evaluation_date = payload.datum


EVALUATIE = RecordPage(
    kind="evaluatie",
    form=EvaluatieForm,
    title=_l("Evaluatie van afweging 5"),
    back=_stap5,
    to_payload=lambda form, _found: Evaluatie(
        datum=form.datum.data, afspraken=form.afspraken.data or ""
    ),
    intro=_l(
        "Leidt de hulp binnen de afgesproken tijd tot veiligheid? Spreek af wanneer je dat "
        "opnieuw weegt."
    ),
    on_save=_set_evaluation_date,
)


@routes.route("/<case_id>/evaluatie", methods=["GET", "POST"])
@access("case")
def evaluatie(case_id: str):
    """Plan the evaluation of afweging 5; the case list shows it when due."""
    return edit(EVALUATIE, case_id, "")
