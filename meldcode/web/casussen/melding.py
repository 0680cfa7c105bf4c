"""/melding: the melding at Veilig Thuis, with the region, its reference and agreements."""

from flask import url_for

from meldcode.casus.records import Melding
from meldcode.kader.i18n import _l
from meldcode.web.access import access
from meldcode.web.casussen.recordpage import RecordPage
from meldcode.web.casussen.recordpage import edit
from meldcode.web.fields import date_field
from meldcode.web.fields import short_text
from meldcode.web.fields import text_field
from meldcode.web.forms import BaseForm
from meldcode.web.routes import Routes

routes = Routes()


def _stap5(case_id: str) -> str:
    """Return stap 5, where what follows the decision is listed."""
    return url_for("casussen.stap5", case_id=case_id)


class MeldingForm(BaseForm):
    """The melding at Veilig Thuis."""

    datum = date_field(_l("Datum van de melding"))
    regio = short_text(
        _l("Veilig Thuis-regio"),
        hint=_l("Bijvoorbeeld 'Veilig Thuis Gelderland-Zuid'."),
        required=True,
        message=_l("Vul de Veilig Thuis-regio in."),
    )
    referentie = short_text(_l("Kenmerk of referentie van Veilig Thuis"))
    toelichting = text_field(_l("Afspraken met Veilig Thuis"), rows=4)


MELDING = RecordPage(
    kind="melding",
    form=MeldingForm,
    title=_l("Melding bij Veilig Thuis"),
    back=_stap5,
    to_payload=lambda form, _found: Melding(
        datum=form.datum.data,
        regio=form.regio.data.strip(),
        referentie=form.referentie.data or "",
        toelichting=form.toelichting.data or "",
    ),
    intro=_l("Veilig Thuis beoordeelt na een melding binnen 5 werkdagen de veiligheid."),
)


@routes.route("/<case_id>/melding", methods=["GET", "POST"])
@access("case")
def melding(case_id: str):
    """Record the melding at Veilig Thuis."""
    return edit(MELDING, case_id, "")
