"""/meldcode/beheer/vaststellen: adopting the concept as a new version, only when complete.

No art. 2 element may be missing; the check runs again inside the write.
"""

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
from meldcode.web.eigen_meldcode.delen import ELEMENT_DEEL
from meldcode.web.eigen_meldcode.forms import VaststellenForm
from meldcode.web.forms import build
from meldcode.web.i18n import language
from meldcode.web.routes import Routes

routes = Routes()


@routes.route("/beheer/vaststellen", methods=["GET", "POST"])
@access("beheer")
def adopt():
    """Show what is still missing, or adopt the concept as the next version."""
    meldcode, row_version = data.editable()
    result = data.result_of(meldcode)
    form, _rescued = build(VaststellenForm, {"vastgesteld_door": meldcode.vastgesteld_door})
    blocked = not result.compleet or row_version == 0
    if blocked or not form.validate_on_submit():
        status = 400 if (form.errors or (blocked and form.is_submitted())) else 200
        return _page(form, result, row_version), status
    org_id = g.user.organisation_id
    who = form.vastgesteld_door.data.strip()

    def work(s):
        """Put who adopts it in the concept, adopt it, and audit the new version."""
        concept = store.concept(s, org_id)
        body = store.content(concept).model_copy(update={"vastgesteld_door": who})
        store.save_concept(s, org_id, body, concept.row_version)
        row = store.adopt(s, org_id, g.user, data.kader_ids())
        audit_in(s, "create", "meldcode_versie", row.id)
        return row.version

    try:
        number = write(work)
    except store.NotComplete as exc:
        return _page(form, exc.result, row_version), 400
    except SaveFailed:
        return _page(form, result, row_version, busy=True), 503
    flash(
        _("Versie %(n)s is vastgesteld en geldt vanaf nu voor nieuwe casussen.", n=number),
        "success",
    )
    return redirect(url_for("eigen_meldcode.overview"), code=303)


def _page(form, result, row_version, busy=False):
    """Render the adoption page with the check's outcome."""
    return render_template(
        "eigen_meldcode/vaststellen.html",
        form=form,
        result=result,
        element_deel=ELEMENT_DEEL,
        lang=language(),
        has_concept=row_version > 0,
        busy=busy,
    )
