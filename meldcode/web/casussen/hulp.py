"""/hulp: help offered or organised after the decision, as many records as there are."""

from flask import url_for

from meldcode.casus.records import Hulp
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
    return url_for("casussen.stap5", case_id=case_id)


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
