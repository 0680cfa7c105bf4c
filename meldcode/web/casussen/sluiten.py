"""/sluiten and /heropenen: closing a case once its dossier is filed elsewhere, and reopening.

This tool is a working file, not the archive: closing starts the organisation's retention
period, after which the daily purge deletes the case (meldcode.storage.closing). Until then
the owner can reopen it from the case's settings. When the planned evaluation falls after
the date the case would be deleted, the page says so first and offers to keep the case open
until after the evaluation; closing anyway then needs the professional's word.
"""

import datetime

from flask import abort
from flask import flash
from flask import redirect
from flask import request
from flask import url_for
from wtforms import BooleanField
from wtforms.validators import InputRequired

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.storage import closing
from meldcode.storage.models import Organisation
from meldcode.storage.models import utcnow
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.casework import open_case
from meldcode.web.casework import records
from meldcode.web.casework import save_case
from meldcode.web.casussen.stap_common import settings_page
from meldcode.web.database import SaveFailed
from meldcode.web.database import session
from meldcode.web.forms import BaseForm
from meldcode.web.routes import Routes

routes = Routes()
NOT_SAVED = _l("Niet opgeslagen: de database was even niet bereikbaar. Probeer het opnieuw.")


class CloseForm(BaseForm):
    """Closing needs the professional's word that the dossier is filed elsewhere."""

    vastgelegd = BooleanField(
        _l("Het dossier staat in het eigen systeem van mijn organisatie"),
        [InputRequired(message=_l("Vink aan dat het dossier in jullie eigen systeem staat."))],
    )


class CloseBeforeEvaluationForm(CloseForm):
    """Closing although the planned evaluation comes after the deletion date."""

    toch = BooleanField(
        _l(
            "Ik sluit de casus toch. De evaluatie volg ik op in het eigen systeem van mijn "
            "organisatie."
        ),
        [InputRequired(message=_l("Vink aan dat je de casus toch sluit, of laat hem open."))],
    )


def evaluation_after_deletion(found) -> tuple[datetime.date, datetime.date] | None:
    """Return (evaluation, deletion date) when closing now deletes the case before it."""
    planned = [r.payload.datum for r in records(found, "evaluatie")]
    if not planned:
        return None
    organisation = session().get(Organisation, found.case.organisation_id)
    deletes = (utcnow() + datetime.timedelta(days=organisation.retention_days)).date()
    # On the day itself the case may be gone before the evaluation meeting: warn then too.
    return (planned[0], deletes) if planned[0] >= deletes else None


@routes.route("/<case_id>/sluiten", methods=["GET", "POST"])
@access("case")
def sluiten(case_id: str):
    """Close the case once the dossier is filed elsewhere: the retention period starts."""
    found = open_case(case_id, owner_only=True)
    clash = evaluation_after_deletion(found)
    form = CloseBeforeEvaluationForm() if clash else CloseForm()
    if request.method == "POST" and request.form.get("openlaten"):
        flash(_("De casus blijft open. Sluit hem na de evaluatie."), "success")
        return redirect(url_for("casussen.overview", case_id=case_id), code=303)
    if form.validate_on_submit():

        def work(s, a, u):
            """Close the case, in its log and audit trail."""
            closing.close(s, a.case, u)
            audit_in(s, "archive", "case", a.case.id)

        try:
            save_case(case_id, work)
        except SaveFailed:
            return settings_page(
                found, "casussen/sluiten.html", 503, form=form, clash=clash, not_saved=True
            )
        flash(_("De casus is gesloten."), "success")
        return redirect(url_for("casussen.instellingen", case_id=case_id), code=303)
    status = 400 if form.errors else 200
    return settings_page(found, "casussen/sluiten.html", status, form=form, clash=clash)


@routes.post("/<case_id>/heropenen")
@access("case")
def heropenen(case_id: str):
    """Reopen a closed case before its deletion date."""
    found = open_case(case_id, owner_only=True)
    if not BaseForm().validate():
        abort(400)
    back = redirect(url_for("casussen.instellingen", case_id=case_id), code=303)
    too_late = _("Deze casus kan niet meer worden heropend.")
    if not closing.can_reopen(session(), found.case):
        flash(too_late, "warning")
        return back

    def work(s, a, u):
        """Open the case again, in its log and audit trail; False when it is too late now."""
        reopened = closing.reopen(s, a.case, u)
        if reopened:
            audit_in(s, "archive", "case", a.case.id)
        return reopened

    try:
        reopened = save_case(case_id, work)
    except SaveFailed:
        flash(str(NOT_SAVED), "warning")
        return back
    if reopened:
        flash(_("De casus is weer open."), "success")
    else:
        flash(too_late, "warning")
    return back
