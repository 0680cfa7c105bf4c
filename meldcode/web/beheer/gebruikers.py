"""/beheer/ and /beheer/gebruikers/…: the organisation's accounts, one by one.

A beheerder manages people, never reads case content: nothing here shows or links to a
case. What each action does to an account is in meldcode.storage.colleagues.
"""

from flask import abort
from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import url_for
from wtforms import RadioField
from wtforms.validators import InputRequired

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.kader.words import ROLES
from meldcode.storage import accounts
from meldcode.storage import colleagues
from meldcode.storage.models import User
from meldcode.web import mailing
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.database import SaveFailed
from meldcode.web.database import database
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.fields import options
from meldcode.web.forms import BaseForm
from meldcode.web.routes import Routes

routes = Routes()


class RoleForm(BaseForm):
    """A colleague's role."""

    role = RadioField(
        _l("Rol"),
        [InputRequired(message=_l("Kies een rol."))],
        choices=options(ROLES.items()),
        description=_l("Na een wijziging van de rol moet de collega opnieuw inloggen."),
    )


def colleague(user_id: str) -> User:
    """Return an account of the beheerder's own organisation, else answer 404."""
    found = session().get(User, user_id) if len(user_id) <= 32 else None
    if found is None or found.organisation_id != g.user.organisation_id:
        abort(404)
    return found


@routes.get("/")
@access("beheer")
def users():
    """List the organisation's accounts and the invitations not yet used."""
    organisation_id = g.user.organisation_id
    now = accounts.now()
    return render_template(
        "beheer/users.html",
        users=colleagues.members(session(), organisation_id),
        pending=colleagues.pending_invitations(session(), organisation_id, now),
        roles=ROLES,
        now=now,
    )


def _user_page(target: User, form: RoleForm | None = None, status: int = 200):
    """Render the page of one account, with the role form."""
    form = form or RoleForm(formdata=None, data={"role": target.role})
    page = render_template(
        "beheer/user.html",
        target=target,
        form=form,
        roles=ROLES,
        now=accounts.now(),
        forever=accounts.FOREVER,
        mail_on=mailing.enabled(),
    )
    return page, status


@routes.get("/gebruikers/<user_id>")
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


@routes.post("/gebruikers/<user_id>/rol")
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
        """Give the new role (the colleague's sessions end)."""
        colleagues.change_role(s, fresh, new_role, now)

    return _save(target, change, "role_change", "user", _l("De rol is gewijzigd."))


@routes.post("/gebruikers/<user_id>/uitzetten")
@access("beheer")
def disable(user_id: str):
    """Switch an account off; every session of it ends at once."""
    message = _l("Het account staat uit en alle sessies zijn beëindigd.")
    return _save(colleague(user_id), colleagues.disable, "user_disable", "user", message)


@routes.post("/gebruikers/<user_id>/aanzetten")
@access("beheer")
def enable(user_id: str):
    """Switch an account on again."""
    message = _l("Het account staat weer aan.")
    return _save(colleague(user_id), colleagues.enable, "user_enable", "user", message)


@routes.post("/gebruikers/<user_id>/ontgrendelen")
@access("beheer")
def unlock(user_id: str):
    """Lift a lockout after too many failed logins."""
    message = _l("Het account is ontgrendeld.")
    return _save(colleague(user_id), colleagues.unlock, "update", "lockout", message)


@routes.post("/gebruikers/<user_id>/sessies-beeindigen")
@access("beheer")
def end_sessions(user_id: str):
    """Sign a colleague out on every device (a lost laptop, a shared computer)."""
    message = _l("Alle sessies van dit account zijn beëindigd.")
    return _save(colleague(user_id), colleagues.end_sessions, "session_revoke", "user", message)


@routes.post("/gebruikers/<user_id>/tweestaps-uitzetten")
@access("beheer")
def reset_totp(user_id: str):
    """Switch a colleague's two-factor login off (a lost phone); they set it up again."""

    def change(s, fresh, now):
        """Switch the user's two-factor login off (their sessions end)."""
        colleagues.reset_totp(s, database().cipher, fresh, now)

    message = _l("Tweestapsverificatie staat uit voor dit account; alle sessies zijn beëindigd.")
    return _save(colleague(user_id), change, "totp_disable", "user", message)
