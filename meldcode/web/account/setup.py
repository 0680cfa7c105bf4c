"""/setup/<token>: the first start, creating the first organisation and its beheerder.

``make run`` prints the one-time link; it works once, and only while no organisation exists.
"""

from flask import current_app
from flask import flash
from flask import redirect
from flask import render_template
from flask import url_for
from wtforms import EmailField
from wtforms import SelectField
from wtforms import StringField
from wtforms.validators import Email
from wtforms.validators import InputRequired
from wtforms.validators import Length

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.storage import accounts
from meldcode.storage import first_start
from meldcode.storage.models import Organisation
from meldcode.web.access import access
from meldcode.web.account.common import check_new_password
from meldcode.web.account.common import new_password_fields
from meldcode.web.auditing import audit_now
from meldcode.web.auth import sign_in
from meldcode.web.database import SaveFailed
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import language
from meldcode.web.registry import kader_choices
from meldcode.web.routes import Routes

routes = Routes()


class SetupForm(BaseForm):
    """The first organisation and its beheerder."""

    organisation = StringField(
        _l("Naam van je organisatie"),
        [InputRequired(message=_l("Vul de naam van je organisatie in.")), Length(max=120)],
    )
    kader = SelectField(_l("Afwegingskader dat jullie meestal gebruiken"))
    name = StringField(
        _l("Je naam"),
        [InputRequired(message=_l("Vul je naam in.")), Length(max=120)],
        description=_l("Zo herkennen collega's je; gebruik geen gegevens van cliënten."),
    )
    email = EmailField(
        _l("E-mailadres"),
        [
            InputRequired(message=_l("Vul je e-mailadres in.")),
            Email(message=_l("Vul een geldig e-mailadres in.")),
            Length(max=254),
        ],
    )
    password, password_again = new_password_fields(_l("Wachtwoord"), _l("Wachtwoord nog een keer"))

    def validate_password(self, field):
        """Refuse short, common or guessable passwords."""
        check_new_password(
            self,
            field,
            [
                self.name.data or "",
                self.organisation.data or "",
                (self.email.data or "").split("@")[0],
            ],
        )


@routes.route("/setup/<token>", methods=["GET", "POST"])
@access("public")
def setup(token: str):
    """First start: create the first organisation and its beheerder with the one-time link."""
    now = accounts.now()
    if not first_start.needs_setup(session()):
        # A beheerder who wants a second organisation is told where and whether that can be.
        page = render_template(
            "account/setup_done.html", allowed=current_app.config["ALLOW_NEW_ORGANISATIONS"]
        )
        return page, 409
    form = SetupForm()
    form.kader.choices = kader_choices(language())
    if form.validate_on_submit():

        def work(s):
            """Create the first organisation and its beheerder with a valid setup token."""
            if not first_start.needs_setup(s) or not first_start.use_setup_token(s, token, now):
                return None
            organisation = Organisation(
                name=form.organisation.data.strip(), default_kader=form.kader.data
            )
            s.add(organisation)
            s.flush()
            user = accounts.create_user(
                s,
                organisation,
                form.email.data,
                "beheerder",
                form.password.data,
                form.name.data,
                language(),
            )
            return user

        try:
            user = write(work)
        except SaveFailed:
            return render_template("account/setup.html", form=form, busy=True), 503
        if user is None:
            return render_template("account/setup_invalid.html"), 404
        audit_now("setup", "organisation", user.organisation_id, user=user)
        sign_in(user, second_factor_done=True)
        flash(_("Je organisatie is aangemaakt. Nodig nu je collega's uit."), "success")
        return redirect(url_for("beheer.users"), code=303)
    return render_template("account/setup.html", form=form), 400 if form.errors else 200
