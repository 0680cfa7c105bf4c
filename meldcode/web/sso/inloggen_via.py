"""/account/inloggen-via: the sign-ins through a provider linked to your own account.

Linking starts at /inloggen/sso/<provider>?koppelen=1; unlinking is refused when it would
leave the account no way to sign in.
"""

from flask import abort
from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import url_for

from meldcode.kader.i18n import _
from meldcode.storage import identities as store
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.database import SaveFailed
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.routes import Routes
from meldcode.web.sso.client import providers
from meldcode.web.sso.client import serving

routes = Routes()


@routes.get("/account/inloggen-via")
@access("authenticated")
def identities():
    """Show the sign-ins linked to your account, and the providers you can link."""
    linked = store.of_user(session(), g.user.id)
    organisation = session().get(Organisation, g.user.organisation_id)
    names = {p.key: p.name for p in providers().values()}
    return render_template(
        "sso/identities.html", linked=linked, names=names, available=serving(organisation)
    )


@routes.post("/account/inloggen-via/<identity_id>/ontkoppelen")
@access("authenticated")
def unlink(identity_id: str):
    """Remove a linked sign-in, unless it is the only way left to sign in."""
    user_id = g.user.id

    def work(s):
        """Remove the link when another way to sign in remains."""
        user = s.get(User, user_id)
        others = [i for i in store.of_user(s, user_id) if i.id != identity_id]
        password_works = (
            user.password_hash != store.NO_PASSWORD
            and s.get(Organisation, user.organisation_id).password_login
        )
        if not others and not password_works:
            return "last"
        if not store.unlink(s, user_id, identity_id[:32]):
            return "missing"
        audit_in(s, "delete", "identity", identity_id[:32])
        return "ok"

    try:
        result = write(work)
    except SaveFailed:
        flash(_("Opslaan lukte even niet. Probeer het over een paar seconden opnieuw."), "warning")
        return redirect(url_for("sso.identities"), code=303)
    if result == "missing":
        abort(404)
    if result == "last":
        flash(_("Dit is je enige manier om in te loggen; die blijft gekoppeld."), "warning")
    else:
        flash(_("De koppeling is verwijderd."), "success")
    return redirect(url_for("sso.identities"), code=303)
