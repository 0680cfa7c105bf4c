"""Closing a case once its dossier is filed elsewhere, and reopening it before it is deleted.

This tool is a working file, not the archive: closing starts the organisation's retention
period, after which the daily purge deletes the case. Until then the owner can reopen it.
"""

import datetime

from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import url_for
from wtforms import BooleanField
from wtforms.validators import InputRequired

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.storage import cases
from meldcode.storage.models import Organisation
from meldcode.storage.models import utcnow
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.casework import kader_of
from meldcode.web.casework import label
from meldcode.web.casework import open_case
from meldcode.web.casework import save_case
from meldcode.web.database import SaveFailed
from meldcode.web.database import session
from meldcode.web.forms import BaseForm
from meldcode.web.routes import Routes

routes = Routes()


class CloseForm(BaseForm):
    """Closing needs the professional's word that the dossier is filed elsewhere."""

    vastgelegd = BooleanField(
        _l("Het dossier staat in het eigen systeem van mijn organisatie"),
        [InputRequired(message=_l("Vink aan dat het dossier in jullie eigen systeem staat."))],
    )


def deletion_date(case) -> datetime.datetime | None:
    """Return when a closed case will be deleted by the purge, else None."""
    if case.status != "gesloten" or case.archived_at is None:
        return None
    organisation = session().get(Organisation, case.organisation_id)
    return case.archived_at + datetime.timedelta(days=organisation.retention_days)


def render_settings(found, template: str, status: int = 200, **context):
    """Render a page of the case's settings, with the date the case will be deleted."""
    return render_template(
        template,
        access=found,
        label=label(found),
        kader=kader_of(found),
        deletes_on=deletion_date(found.case),
        **context,
    ), status


@routes.route("/<case_id>/sluiten", methods=["GET", "POST"])
@access("case")
def sluiten(case_id: str):
    """Close the case once the dossier is filed elsewhere: the retention period starts."""
    found = open_case(case_id, owner_only=True)
    form = CloseForm()
    if form.validate_on_submit():

        def work(s, a, u):
            """Close the case: the retention period starts now."""
            a.case.status = "gesloten"
            a.case.archived_at = utcnow()
            cases.log_event(s, a.case, u, "casus_gesloten")
            audit_in(s, "archive", "case", a.case.id)

        try:
            save_case(case_id, work)
        except SaveFailed:
            return render_settings(found, "cases/sluiten.html", 503, form=form, not_saved=True)
        flash(_("De casus is gesloten."), "success")
        return redirect(url_for("cases.instellingen", case_id=case_id), code=303)
    return render_settings(found, "cases/sluiten.html", 400 if form.errors else 200, form=form)


@routes.post("/<case_id>/heropenen")
@access("case")
def heropenen(case_id: str):
    """Reopen a closed case before its deletion date."""
    found = open_case(case_id, owner_only=True)
    if not BaseForm().validate():
        abort(400)
    ends = deletion_date(found.case)
    if ends is None or ends <= utcnow():
        flash(_("Deze casus kan niet meer worden heropend."), "warning")
        return redirect(url_for("cases.instellingen", case_id=case_id), code=303)

    def work(s, a, u):
        """Open the case again; the retention period no longer runs."""
        a.case.status = "open"
        a.case.archived_at = None
        cases.log_event(s, a.case, u, "casus_heropend")
        audit_in(s, "archive", "case", a.case.id)

    try:
        save_case(case_id, work)
    except SaveFailed:
        flash(
            _("Niet opgeslagen: de database was even niet bereikbaar. Probeer het opnieuw."),
            "warning",
        )
        return redirect(url_for("cases.instellingen", case_id=case_id), code=303)
    flash(_("De casus is weer open."), "success")
    return redirect(url_for("cases.instellingen", case_id=case_id), code=303)
