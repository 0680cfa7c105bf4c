"""What follows the decision, as the KNMG lists it: the melding, help, and the follow-up.

Saving the evaluation also sets the case's evaluation date in the same transaction, so the
case list shows it when it is due. Informing before melden is in meldcode.web.casussen.informeren.
"""

from flask import url_for

from meldcode.casus.records import Evaluatie
from meldcode.casus.records import Hulp
from meldcode.casus.records import Melding
from meldcode.kader.i18n import _l
from meldcode.web.access import access
from meldcode.web.casussen.recordpage import RecordPage
from meldcode.web.casussen.recordpage import delete
from meldcode.web.casussen.recordpage import edit
from meldcode.web.fields import date_field
from meldcode.web.fields import short_text
from meldcode.web.fields import text_field
from meldcode.web.forms import BaseForm
from meldcode.web.routes import Routes

routes = Routes()


def _stap5(case_id: str) -> str:
    """Return stap 5, where what follows the decision is listed."""
    return url_for("cases.stap5", case_id=case_id)


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


class HulpForm(BaseForm):
    """Help offered or organised."""

    omschrijving = text_field(_l("Welke hulp?"), required=True, rows=4)
    door = short_text(_l("Door wie?"), hint=_l("Jijzelf, of een organisatie of functie."))
    startdatum = date_field(_l("Vanaf wanneer?"), required=False, past_only=False)


HULP = RecordPage(
    kind="hulp",
    form=HulpForm,
    title=_l("Hulp bieden of organiseren"),
    back=_stap5,
    to_payload=lambda form, _found: Hulp(
        omschrijving=form.omschrijving.data,
        door=form.door.data or "",
        startdatum=form.startdatum.data,
    ),
    save_label=_l("Hulp opslaan"),
)


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


@routes.route("/<case_id>/melding", methods=["GET", "POST"])
@access("case")
def melding(case_id: str):
    """Record the melding at Veilig Thuis."""
    return edit(MELDING, case_id, "")


@routes.route("/<case_id>/hulp/nieuw", methods=["GET", "POST"])
@access("case")
def hulp_new(case_id: str):
    """Add help offered or organised."""
    return edit(HULP, case_id, None)


@routes.route("/<case_id>/hulp/<key>", methods=["GET", "POST"])
@access("case")
def hulp_edit(case_id: str, key: str):
    """Change help offered or organised."""
    return edit(HULP, case_id, key)


@routes.route("/<case_id>/hulp/<key>/verwijderen", methods=["GET", "POST"])
@access("case")
def hulp_delete(case_id: str, key: str):
    """Delete help, after asking."""
    return delete(HULP, case_id, key)


@routes.route("/<case_id>/evaluatie", methods=["GET", "POST"])
@access("case")
def evaluatie(case_id: str):
    """Plan the evaluation of afweging 5; the case list shows it when due."""
    return edit(EVALUATIE, case_id, "")
