"""Stap 4 (/stap-4): weighing in the basismodel, consulting professionals in the KNMG layout.

In the basismodel, afwegingen 1–2 are answered in stap 4 and 3–5 in stap 5; in the KNMG
layout stap 4 is consultation with other professionals (and the Verwijsindex) and all five
afwegingen are in stap 5. When a route replaces the afwegingen (the meldplicht for a staff
suspect), both steps show that route's own steps instead.
"""

from flask import url_for
from wtforms import StringField
from wtforms.validators import Optional

from meldcode.casus.records import OverlegProfessionals
from meldcode.kader.i18n import _l
from meldcode.web.access import access
from meldcode.web.casussen.recordpage import RecordPage
from meldcode.web.casussen.recordpage import edit
from meldcode.web.casussen.uitkomst import weighing_step
from meldcode.web.fields import MAX_TEXT
from meldcode.web.fields import choice
from meldcode.web.fields import date_field
from meldcode.web.fields import text_field
from meldcode.web.fields import too_long
from meldcode.web.forms import BaseForm
from meldcode.web.routes import Routes

routes = Routes()


@routes.get("/<case_id>/stap-4")
@access("case")
def stap4(case_id: str):
    """Show stap 4: weighing (basismodel) or consulting professionals (KNMG)."""
    return weighing_step(case_id, 4)


VERWIJSINDEX = [
    ("ja", _l("Ja, ik heb een signaal afgegeven")),
    ("nee", _l("Nee")),
    ("onbekend", _l("Nog niet bekend")),
]


class OverlegProfessionalsForm(BaseForm):
    """KNMG stap 4: consultation with professionals and the Verwijsindex."""

    datum = date_field(_l("Datum van het overleg"), required=False)
    met = StringField(
        _l("Met wie heb je overlegd?"),
        [Optional(), too_long(MAX_TEXT)],
        description=_l("Functies of organisaties, bijvoorbeeld 'jeugdarts', 'wijkteam'."),
    )
    verwijsindex = choice(
        _l("Signaal aan de Verwijsindex risicojongeren"),
        VERWIJSINDEX,
        _l("Kies een van de mogelijkheden."),
        hint=_l("Tandartsen geven geen signaal af in de Verwijsindex."),
    )
    toelichting = text_field(_l("Wat kwam eruit?"), rows=4)


OVERLEG_PROFESSIONALS = RecordPage(
    kind="overleg_professionals",
    form=OverlegProfessionalsForm,
    title=_l("Overleg met betrokken professionals en de Verwijsindex"),
    back=lambda case_id: url_for("casussen.stap4", case_id=case_id),
    to_payload=lambda form, _found: OverlegProfessionals(
        datum=form.datum.data,
        met=form.met.data or "",
        verwijsindex=form.verwijsindex.data,
        toelichting=form.toelichting.data or "",
    ),
    intro=_l(
        "Overleg zo nodig met andere professionals die de patiënt of het gezin kennen, en "
        "geef zo nodig een signaal af in de Verwijsindex risicojongeren."
    ),
)


@routes.route("/<case_id>/stap-4/overleg-professionals", methods=["GET", "POST"])
@access("case")
def overleg_professionals(case_id: str):
    """Record the consultation with other professionals (KNMG stap 4)."""
    return edit(OVERLEG_PROFESSIONALS, case_id, "")
