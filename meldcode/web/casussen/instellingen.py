"""/instellingen, /exporteren, /verwijderen: the case's label, its file, deleting it (owner).

Closing and reopening are in meldcode.web.casussen.sluiten. The download carries a generic
file name and is audited; deleting removes everything and audits only that it happened.
"""

from flask import Response
from flask import abort
from flask import flash
from flask import redirect
from flask import url_for

from meldcode.casus.casefile import dump_yaml
from meldcode.kader.i18n import _
from meldcode.storage import cases
from meldcode.storage import purge
from meldcode.storage.casefile_io import export_case
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.auditing import audit_now
from meldcode.web.casework import label
from meldcode.web.casework import open_case
from meldcode.web.casework import save_case
from meldcode.web.casussen.label_form import LabelForm
from meldcode.web.casussen.stap_common import settings_page
from meldcode.web.database import SaveFailed
from meldcode.web.database import database
from meldcode.web.forms import BaseForm
from meldcode.web.forms import build
from meldcode.web.routes import Routes

routes = Routes()


@routes.route("/<case_id>/instellingen", methods=["GET", "POST"])
@access("case")
def instellingen(case_id: str):
    """Change the label; from here the case is closed, reopened, exported or deleted."""
    found = open_case(case_id, owner_only=True)
    form, rescued = build(LabelForm, {"label": label(found), "versie": found.case.label_version})
    if form.validate_on_submit():
        new_label = form.label.data.strip()

        def work(s, a, u):
            """Change the label (storage logs it, version checked) and audit it."""
            cases.set_label(s, database().cipher, a.case, u, new_label, form.version())
            audit_in(s, "update", "case", a.case.id)

        try:
            save_case(case_id, work)
        except cases.Conflict as conflict:
            audit_now("conflict", "case", case_id, "conflict")
            form.versie.data = str(conflict.version)  # saving again now knowingly replaces it
            rows = [(form.label.label.text, conflict.current["label"], new_label)]
            page = "casussen/instellingen.html"
            return settings_page(found, page, 409, form=form, conflict=conflict, conflict_rows=rows)
        except SaveFailed:
            return settings_page(
                found, "casussen/instellingen.html", 503, form=form, not_saved=True
            )
        flash(_("Het label is gewijzigd."), "success")
        return redirect(url_for("casussen.instellingen", case_id=case_id), code=303)
    status = 400 if form.errors else 200
    return settings_page(found, "casussen/instellingen.html", status, form=form, rescued=rescued)


@routes.post("/<case_id>/exporteren")
@access("case")
def exporteren(case_id: str):
    """Download the case file (YAML); the download is audited like a change."""
    open_case(case_id, owner_only=True)
    if not BaseForm().validate():
        abort(400)

    def work(s, a, u):
        """Log and audit the download, then build the file in the same transaction."""
        cases.log_event(s, a.case, u, "casus_geexporteerd")
        audit_in(s, "export", "case", a.case.id)
        return dump_yaml(export_case(s, database().cipher, a.case))

    try:
        text = save_case(case_id, work)
    except SaveFailed:
        flash(
            _("Niet opgeslagen: de database was even niet bereikbaar. Probeer het opnieuw."),
            "warning",
        )
        return redirect(url_for("casussen.instellingen", case_id=case_id), code=303)
    response = Response(text, mimetype="application/yaml")
    # A generic name: the file name must not carry the label into download folders.
    name = f"meldcode-casus-{case_id[:8]}.yaml"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@routes.route("/<case_id>/verwijderen", methods=["GET", "POST"])
@access("case")
def verwijderen(case_id: str):
    """Delete the case at once, after asking; only that it happened is audited."""
    found = open_case(case_id, owner_only=True)
    form = BaseForm()
    if form.validate_on_submit():

        def work(s, a, _u):
            """Audit the deletion, then delete the case and all it holds."""
            audit_in(s, "delete", "case", a.case.id)
            purge.delete_case(s, a.case)

        try:
            save_case(case_id, work)
        except SaveFailed:
            return settings_page(
                found, "casussen/instellingen_verwijderen.html", 503, form=form, not_saved=True
            )
        flash(_("De casus is verwijderd."), "success")
        return redirect(url_for("casussen.index"), code=303)
    return settings_page(found, "casussen/instellingen_verwijderen.html", form=form)
