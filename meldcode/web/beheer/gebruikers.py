"""Beheer: the organisation's accounts. A beheerder manages people, never reads case content.

Nothing here shows or links to a case; the case pages decide for themselves who may see a
case, and a beheerder is not among them unless a colleague shares one.
"""

from flask import Blueprint
from flask import abort
from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import url_for
from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from sqlalchemy import func
from sqlalchemy import select
from wtforms import RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from meldcode.storage import accounts
from meldcode.storage import totp
from meldcode.storage.models import Invitation
from meldcode.storage.models import User
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.database import SaveFailed
from meldcode.web.database import database
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.forms import BaseForm

bp = Blueprint("beheer", __name__, url_prefix="/beheer")

ROLE_LABELS = {
    "medewerker": _l("Medewerker"),
    "aandachtsfunctionaris": _l("Aandachtsfunctionaris"),
    "beheerder": _l("Beheerder"),
    "trainer": _l("Trainer"),
}


class RoleForm(BaseForm):
    """A colleague's role."""

    role = RadioField(
        _l("Rol"),
        [InputRequired(message=_l("Kies een rol."))],
        choices=[SelectChoice(value, label) for value, label in ROLE_LABELS.items()],
        description=_l("Na een wijziging van de rol moet de collega opnieuw inloggen."),
    )


def colleague(user_id: str) -> User:
    """Return an account of the beheerder's own organisation, else answer 404."""
    found = session().get(User, user_id) if len(user_id) <= 32 else None
    if found is None or found.organisation_id != g.user.organisation_id:
        abort(404)
    return found


@bp.get("/")
@access("beheer")
def users():
    """List the organisation's accounts and the invitations not yet used."""
    organisation_id = g.user.organisation_id
    now = accounts.now()
    found = session().scalars(
        select(User)
        .where(User.organisation_id == organisation_id)
        .order_by(func.lower(User.name), User.email)
    )
    pending = session().scalars(
        select(Invitation)
        .where(
            Invitation.organisation_id == organisation_id,
            Invitation.used_at.is_(None),
            Invitation.expires_at > now,
        )
        .order_by(Invitation.expires_at)
    )
    return render_template(
        "beheer/users.html", users=found.all(), pending=pending.all(), roles=ROLE_LABELS, now=now
    )


def _user_page(target: User, form: RoleForm | None = None, status: int = 200):
    """Render the page of one account, with the role form."""
    form = form or RoleForm(formdata=None, data={"role": target.role})
    page = render_template(
        "beheer/user.html",
        target=target,
        form=form,
        roles=ROLE_LABELS,
        now=accounts.now(),
        forever=accounts.FOREVER,
    )
    return page, status


@bp.get("/gebruikers/<user_id>")
@access("beheer")
def user(user_id: str):
    """Show one account: its state, its role, and what a beheerder can do with it."""
    return _user_page(colleague(user_id))


def _save(target: User, change, action: str, object_type: str, message) -> object:
    """Apply ``change(session, user, now)`` to another account, audited; back to its page."""
    if target.id == g.user.id:
        abort(403)  # your own account is changed on the account page, with your password

    def work(s):
        """Apply the change to a fresh copy of the user and audit it."""
        fresh = s.get(User, target.id)
        change(s, fresh, accounts.now())
        audit_in(s, action, object_type, fresh.id)

    try:
        write(work)
    except SaveFailed:
        flash(_("Niet opgeslagen: de database was even niet bereikbaar. Probeer het opnieuw."))
        return redirect(url_for("beheer.user", user_id=target.id), code=303)
    flash(str(message), "success")
    return redirect(url_for("beheer.user", user_id=target.id), code=303)


@bp.post("/gebruikers/<user_id>/rol")
@access("beheer")
def role(user_id: str):
    """Change a colleague's role; their sessions end, so the new role starts cleanly."""
    target = colleague(user_id)
    form = RoleForm()
    if not form.validate_on_submit():
        return _user_page(target, form, 400)
    new_role = form.role.data
    if new_role == target.role:
        flash(_("De rol is niet gewijzigd."))
        return redirect(url_for("beheer.user", user_id=target.id), code=303)

    def change(s, fresh, now):
        """Give the new role and end the user's sessions."""
        fresh.role = new_role
        accounts.revoke_all(s, fresh.id, now)

    return _save(target, change, "role_change", "user", _l("De rol is gewijzigd."))


@bp.post("/gebruikers/<user_id>/uitzetten")
@access("beheer")
def disable(user_id: str):
    """Switch an account off; every session of it ends at once."""

    def change(s, fresh, now):
        """Disable the account and end its sessions."""
        fresh.active = False
        accounts.revoke_all(s, fresh.id, now)

    message = _l("Het account staat uit en alle sessies zijn beëindigd.")
    return _save(colleague(user_id), change, "user_disable", "user", message)


@bp.post("/gebruikers/<user_id>/aanzetten")
@access("beheer")
def enable(user_id: str):
    """Switch an account on again."""

    def change(s, fresh, now):
        """Enable the account again."""
        fresh.active = True

    message = _l("Het account staat weer aan.")
    return _save(colleague(user_id), change, "user_enable", "user", message)


@bp.post("/gebruikers/<user_id>/ontgrendelen")
@access("beheer")
def unlock(user_id: str):
    """Lift a lockout after too many failed logins."""

    def change(s, fresh, now):
        """Lift a lockout."""
        accounts.unlock(fresh)

    message = _l("Het account is ontgrendeld.")
    return _save(colleague(user_id), change, "update", "lockout", message)


@bp.post("/gebruikers/<user_id>/sessies-beeindigen")
@access("beheer")
def end_sessions(user_id: str):
    """Sign a colleague out on every device (a lost laptop, a shared computer)."""

    def change(s, fresh, now):
        """End every session of the user."""
        accounts.revoke_all(s, fresh.id, now)

    message = _l("Alle sessies van dit account zijn beëindigd.")
    return _save(colleague(user_id), change, "session_revoke", "user", message)


@bp.post("/gebruikers/<user_id>/tweestaps-uitzetten")
@access("beheer")
def reset_totp(user_id: str):
    """Switch a colleague's two-factor login off (a lost phone); they set it up again."""

    def change(s, fresh, now):
        """Switch the user's two-factor login off and end their sessions."""
        totp.set_totp_secret(database().cipher, fresh, None)
        accounts.revoke_all(s, fresh.id, now)

    message = _l("Tweestapsverificatie staat uit voor dit account; alle sessies zijn beëindigd.")
    return _save(colleague(user_id), change, "totp_disable", "user", message)


# Invitations and the organisation settings add their routes to this blueprint.
from meldcode.web import beheer_settings  # noqa: E402,F401
from meldcode.web import invitations  # noqa: E402,F401
