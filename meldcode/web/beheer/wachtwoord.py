"""/beheer/gebruikers/<id>/wachtwoord-link: a beheerder starts a password reset for a colleague.

The one-time link expires after ``PASSWORD_RESET_HOURS``. With e-mail set up it is mailed
to the colleague and the beheerder never sees it; without, it is shown once, in this answer
only (not kept in a cookie), for the beheerder to pass on. Earlier links of the account
stop working. Audited either way.
"""

import datetime

from flask import abort
from flask import current_app
from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import url_for

from meldcode.kader.i18n import _
from meldcode.mail import notify
from meldcode.storage import accounts
from meldcode.storage import password_resets
from meldcode.storage.models import User
from meldcode.web import mailing
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.beheer.gebruikers import colleague
from meldcode.web.database import SaveFailed
from meldcode.web.database import write
from meldcode.web.forms import BaseForm
from meldcode.web.routes import Routes

routes = Routes()


@routes.post("/gebruikers/<user_id>/wachtwoord-link")
@access("beheer")
def reset_link(user_id: str):
    """Make a reset link for a colleague: mailed with e-mail set up, else shown once here."""
    target = colleague(user_id)
    if target.id == g.user.id:
        abort(403)  # your own password is changed on the account page
    if not BaseForm().validate():
        abort(400)
    if not target.active:
        flash(_("Dit account staat uit. Zet het eerst aan."), "warning")
        return redirect(url_for("beheer.user", user_id=target.id), code=303)
    hours = int(current_app.config["PASSWORD_RESET_HOURS"])
    now = accounts.now()

    def work(s):
        """Make the link, add its mail when mail is on, and audit it."""
        fresh = s.get(User, target.id)
        token, row = password_resets.start(
            s, fresh, now, datetime.timedelta(hours=hours), requested_by=g.user.id
        )
        link = mailing.link("account.reset", token=token)
        cipher, settings = mailing.cipher(), mailing.settings()
        mail_id = notify.password_reset(s, cipher, settings, fresh, link, row.id)
        action = "password_reset_mail" if mail_id else "password_reset_link"
        audit_in(s, action, "user", fresh.id)
        return link, row.expires_at, mail_id

    try:
        link, expires_at, mail_id = write(work)
    except SaveFailed:
        flash(_("Niet opgeslagen: de database was even niet bereikbaar. Probeer het opnieuw."))
        return redirect(url_for("beheer.user", user_id=target.id), code=303)
    if mail_id:
        mailing.deliver([mail_id])
        name = target.name or target.email
        message = _("Er is een link voor een nieuw wachtwoord gemaild naar %(name)s.", name=name)
        flash(message, "success")
        return redirect(url_for("beheer.user", user_id=target.id), code=303)
    page = render_template("beheer/reset_link.html", target=target, link=link, expires=expires_at)
    return page, 200, {"Cache-Control": "no-store"}
