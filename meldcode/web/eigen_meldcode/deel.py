"""/meldcode/beheer/<deel>: the beheerder fills in one part of the concept meldcode.

Saving keeps the rest of the concept as it was; a concept someone else saved meanwhile
answers 409 with the text still in the form.
"""

from flask import abort
from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import url_for

from meldcode.kader.i18n import _
from meldcode.storage import eigen_meldcode as store
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.database import SaveFailed
from meldcode.web.database import write
from meldcode.web.eigen_meldcode import data
from meldcode.web.eigen_meldcode.delen import BY_ID
from meldcode.web.eigen_meldcode.delen import apply
from meldcode.web.eigen_meldcode.delen import data_of
from meldcode.web.eigen_meldcode.delen import prepare
from meldcode.web.forms import build
from meldcode.web.routes import Routes

routes = Routes()


@routes.route("/beheer/<deel>", methods=["GET", "POST"])
@access("beheer")
def part(deel: str):
    """Fill in one part of the concept; saving keeps the rest as it was."""
    found = BY_ID.get(deel)
    if found is None:
        abort(404)
    meldcode, row_version = data.editable()
    form, rescued = build(found.form, {**data_of(meldcode, found), "versie": str(row_version)})
    prepare(form, found)
    if not form.validate_on_submit():
        status = 400 if form.errors else 200
        return _page(found, form, rescued), status
    changed = apply(meldcode, found, form)
    org_id = g.user.organisation_id

    def work(s):
        """Store the concept and record the change (never its text) in the audit trail."""
        row = store.save_concept(s, org_id, changed, form.version() or None)
        audit_in(s, "update", "meldcode", row.id)

    try:
        write(work)
    except store.Conflict:
        form.versie.data = str(data.editable()[1])
        return _page(found, form, False, conflict=True), 409
    except SaveFailed:
        return _page(found, form, False, busy=True), 503
    flash(_("Opgeslagen in het concept."), "success")
    return redirect(url_for("eigen_meldcode.overview"), code=303)


def _page(found, form, rescued, conflict=False, busy=False):
    """Render the page of one part."""
    return render_template(
        "eigen_meldcode/deel.html",
        deel=found,
        form=form,
        rescued=rescued,
        conflict=conflict,
        busy=busy,
    )
