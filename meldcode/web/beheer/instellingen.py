"""/beheer/instellingen: the organisation's default kader, retention period, two-factor rule."""

import re

from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import url_for
from wtforms import RadioField
from wtforms import SelectField
from wtforms import StringField
from wtforms.validators import InputRequired
from wtforms.validators import ValidationError

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.storage import organisations
from meldcode.storage.models import Organisation
from meldcode.storage.versioned import Conflict
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.auditing import audit_now
from meldcode.web.auth import forget_org_settings
from meldcode.web.database import SaveFailed
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.fields import JA_NEE
from meldcode.web.fields import options
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import language
from meldcode.web.registry import kader_choices
from meldcode.web.routes import Routes

routes = Routes()


class SettingsForm(BaseForm):
    """The organisation's default kader, retention period and two-factor rule."""

    default_kader = SelectField(
        _l("Standaard afwegingskader"),
        description=_l(
            "Dit kader staat voorgeselecteerd bij een nieuwe casus. Wie een casus begint, kan "
            "een ander kader kiezen."
        ),
    )
    retention_days = StringField(
        _l("Bewaartermijn van gesloten casussen, in dagen"),
        [InputRequired(message=_l("Vul een aantal dagen in."))],
        description=_l(
            "Zoveel dagen nadat een casus is gesloten, wordt hij met alles wat erin staat "
            "automatisch en definitief verwijderd. Bij 0 gebeurt dat dezelfde dag. Deze tool "
            "is een werkdossier: zet het dossier (de pdf) vóór het sluiten in het eigen "
            "systeem van je organisatie. Een getal van 0 tot en met 3650; standaard 30."
        ),
        render_kw={"inputmode": "numeric", "autocomplete": "off", "maxlength": 4},
    )
    require_totp = RadioField(
        _l("Tweestapsverificatie verplicht voor iedereen?"),
        [InputRequired(message=_l("Kies ja of nee."))],
        choices=options(JA_NEE),
        description=_l(
            "Bij ja moet iedereen zonder tweestapsverificatie die eerst instellen voordat "
            "hij verder kan, jij ook. Aangeraden: deze tool bevat zeer gevoelige gegevens."
        ),
    )

    def validate_retention_days(self, field):
        """Accept a whole number of days from 0 to 3650."""
        text = (field.data or "").strip()
        if not re.fullmatch(r"[0-9]{1,4}", text) or int(text) > 3650:
            raise ValidationError(_l("Vul een heel getal van 0 tot en met 3650 in."))


@routes.route("/instellingen", methods=["GET", "POST"])
@access("beheer")
def settings():
    """Change the organisation's default kader, retention period and two-factor rule."""
    organisation = session().get(Organisation, g.user.organisation_id)
    current = {
        "default_kader": organisation.default_kader,
        "retention_days": str(organisation.retention_days),
        "require_totp": "ja" if organisation.require_totp else "nee",
        "versie": organisation.settings_version,
    }
    form = SettingsForm(data=current)
    form.default_kader.choices = options(kader_choices(language()))
    if form.validate_on_submit():
        values = {
            "default_kader": form.default_kader.data,
            "retention_days": int(form.retention_days.data.strip()),
            "require_totp": form.require_totp.data == "ja",
        }

        def work(s):
            """Store the organisation's settings if nobody saved them since the form was shown."""
            organisations.save_settings(s, organisation.id, form.version(), values)
            audit_in(s, "settings", "organisation", organisation.id)

        try:
            write(work)
        except Conflict as conflict:
            audit_now("conflict", "organisation", organisation.id, "conflict")
            form.versie.data = str(conflict.version)  # saving again now knowingly replaces it
            rows = _differences(form, conflict.current)
            page = render_template(
                "beheer/settings.html", form=form, conflict=conflict, conflict_rows=rows
            )
            return page, 409
        except SaveFailed:
            return render_template("beheer/settings.html", form=form, busy=True), 503
        forget_org_settings(organisation.id)  # the two-factor rule applies from the next page
        flash(_("De instellingen zijn opgeslagen."), "success")
        return redirect(url_for("beheer.settings"), code=303)
    return render_template("beheer/settings.html", form=form), 400 if form.errors else 200


def _differences(form: SettingsForm, stored: dict) -> list[tuple]:
    """Return (field, saved, yours) for every setting someone else saved differently."""
    saved = {
        "default_kader": stored["default_kader"],
        "retention_days": str(stored["retention_days"]),
        "require_totp": "ja" if stored["require_totp"] else "nee",
    }
    rows = []
    for name, value in saved.items():
        field = form[name]
        if value != field.data:
            names = {c.value: str(c.label) for c in getattr(field, "choices", None) or []}
            rows.append(
                (field.label.text, names.get(value, value), names.get(field.data, field.data))
            )
    return rows
