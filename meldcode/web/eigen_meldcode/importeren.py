"""/meldcode/beheer/importeren: read a meldcode file (docs/eigen-meldcode.md) in as the concept.

A broken or incomplete file is refused with the reasons next to the field; adopted
versions stay as they are.
"""

from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import url_for
from flask_wtf.file import FileField
from flask_wtf.file import FileRequired

from meldcode.eigen_meldcode import load_yaml
from meldcode.eigen_meldcode.check import fouten
from meldcode.kader import KaderError
from meldcode.kader.files import MAX_BYTES
from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.storage import eigen_meldcode as store
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.database import SaveFailed
from meldcode.web.database import write
from meldcode.web.eigen_meldcode import data
from meldcode.web.forms import BaseForm
from meldcode.web.routes import Routes

routes = Routes()


class ImportForm(BaseForm):
    """A meldcode file to read in as the concept."""

    bestand = FileField(
        _l("Meldcodebestand (YAML)"),
        [FileRequired(message=_l("Kies een bestand."))],
        description=_l(
            "Een bestand dat met 'Exporteren' is gemaakt, "
            "hier of bij een andere school van het bestuur. Het vervangt het huidige concept; "
            "vastgestelde versies blijven zoals ze zijn."
        ),
    )


@routes.route("/beheer/importeren", methods=["GET", "POST"])
@access("beheer")
def import_file():
    """Read a meldcode file in as the organisation's concept, refusing a broken file."""
    form = ImportForm()
    if not form.validate_on_submit():
        return render_template("eigen_meldcode/importeren.html", form=form), (
            400 if form.errors else 200
        )
    raw = form.bestand.data.read(MAX_BYTES + 1)
    try:
        meldcode = load_yaml(raw, form.bestand.data.filename or "meldcode.yaml")
        problems = fouten(meldcode, data.kader_ids())
    except KaderError as exc:
        problems = [str(issue) for issue in exc.issues[:5]] or [str(exc)]
    if problems:
        form.bestand.errors = [
            _("Dit bestand kan niet worden ingelezen: %(why)s", why="; ".join(problems))
        ]
        return render_template("eigen_meldcode/importeren.html", form=form), 400
    org_id = g.user.organisation_id

    def work(s):
        """Replace the concept with the file's content."""
        current = store.concept(s, org_id)
        row = store.save_concept(s, org_id, meldcode, current.row_version if current else None)
        audit_in(s, "import", "meldcode", row.id)

    try:
        write(work)
    except SaveFailed:
        return render_template("eigen_meldcode/importeren.html", form=form, busy=True), 503
    flash(_("Het bestand is ingelezen als concept. Kijk het na en stel het vast."), "success")
    return redirect(url_for("eigen_meldcode.overview"), code=303)
