"""/delen: sharing a case with a colleague of the same organisation, so they can think along.

Only the owner shares. Only active colleagues who may work on cases qualify; never someone
of another organisation and never a trainer. The check runs again inside the write.
"""

from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import url_for
from sqlalchemy import select
from wtforms import SelectField
from wtforms.validators import InputRequired

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.kader.words import CASE_ROLES
from meldcode.kader.words.labels import role_label
from meldcode.storage import cases
from meldcode.storage.models import User
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.casework import kader_of
from meldcode.web.casework import label
from meldcode.web.casework import open_case
from meldcode.web.casework import save_case
from meldcode.web.casussen.stap_common import names
from meldcode.web.database import SaveFailed
from meldcode.web.database import session
from meldcode.web.fields import options as choices
from meldcode.web.forms import BaseForm
from meldcode.web.forms import build
from meldcode.web.routes import Routes

routes = Routes()

NOT_SAVED = _l("Niet opgeslagen: de database was even niet bereikbaar. Probeer het opnieuw.")


class ShareForm(BaseForm):
    """Which colleague to share the case with."""

    collega = SelectField(
        _l("Met welke collega wil je de casus delen?"),
        [InputRequired(message=_l("Kies een collega."))],
        description=_l(
            "Alleen collega's van je eigen organisatie. Zij lezen de signalen, het overleg en "
            "de gesprekken en leggen hun eigen advies en afwegingen vast. Ze kunnen niets van "
            "jou wijzigen."
        ),
        invalid_choice_message=_l("Kies een collega uit de lijst."),
    )


def eligible(colleague: User | None, case) -> bool:
    """Tell whether a user may be asked to think along on this case."""
    return (
        colleague is not None
        and colleague.active
        and colleague.organisation_id == case.organisation_id
        and colleague.role in CASE_ROLES
        and colleague.id != case.owner_id
    )


def _candidates(found: cases.Access, shared: list[str]) -> list[User]:
    """Return the colleagues the case can still be shared with."""
    rows = session().scalars(
        select(User)
        .where(User.organisation_id == found.case.organisation_id)
        .order_by(User.name, User.email)
    )
    return [u for u in rows if eligible(u, found.case) and u.id not in shared]


def _share(colleague_id: str):
    """Return the write that shares the case, or refuses a colleague who does not qualify."""

    def work(s, found, user):
        """Share the case with an eligible colleague and audit it."""
        colleague = s.get(User, colleague_id)
        if not eligible(colleague, found.case):
            return False
        cases.share_case(s, found.case, user, colleague)
        audit_in(s, "share", "case", found.case.id)
        return True

    return work


@routes.route("/<case_id>/delen", methods=["GET", "POST"])
@access("case")
def delen(case_id: str):
    """Share the case with a colleague, and list who it is shared with."""
    found = open_case(case_id, owner_only=True)
    shared = cases.shares(session(), found.case)
    form, _rescued = build(ShareForm)
    candidates = _candidates(found, shared)
    form.collega.choices = choices(
        [("", _("Kies een collega"))]
        # People by name and role, not by e-mail address (issue 13).
        + [(u.id, f"{u.name or _('Naamloze collega')} ({role_label(u.role)})") for u in candidates]
    )
    status = 200
    not_saved = False
    if form.is_submitted():
        status = 400
        if form.validate():
            try:
                done = save_case(case_id, _share(form.collega.data))
            except SaveFailed:
                status, not_saved = 503, True
            else:
                if done:
                    flash(_("De casus is gedeeld."), "success")
                    return redirect(url_for("casussen.delen", case_id=case_id), code=303)
                form.collega.errors = [_("Kies een collega uit de lijst.")]
    known = names(found, shared)
    return render_template(
        "casussen/delen.html",
        access=found,
        label=label(found),
        kader=kader_of(found),
        form=form,
        shared=[(u, known.get(u, _("onbekende collega"))) for u in shared],
        has_options=bool(candidates),
        not_saved=not_saved,
    ), status


@routes.post("/<case_id>/delen/<user_id>/stoppen")
@access("case")
def delen_stoppen(case_id: str, user_id: str):
    """Stop sharing the case with a colleague; their consultation stays in the case."""
    found = open_case(case_id, owner_only=True)
    if user_id not in cases.shares(session(), found.case):
        abort(404)
    if not BaseForm().validate():
        abort(400)

    def work(s, access_, user):
        """Stop sharing the case with a colleague and audit it."""
        cases.unshare_case(s, access_.case, user, user_id)
        audit_in(s, "unshare", "case", access_.case.id)

    try:
        save_case(case_id, work)
    except SaveFailed:
        flash(NOT_SAVED, "warning")
    else:
        flash(_("Delen gestopt. De collega kan de casus niet meer openen."), "success")
    return redirect(url_for("casussen.delen", case_id=case_id), code=303)
