"""Beheer: the organisation's settings, and its audit log (metadata only, never content)."""

import datetime
import re
from zoneinfo import ZoneInfo

from flask import flash
from flask import g
from flask import redirect
from flask import render_template
from flask import url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from wtforms import RadioField
from wtforms import SelectField
from wtforms import StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired
from wtforms.validators import ValidationError

from meldcode.storage import audit
from meldcode.storage import organisations
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.storage.versioned import Conflict
from meldcode.web import registry
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.auditing import audit_now
from meldcode.web.auth import forget_org_settings
from meldcode.web.beheer import ROLE_LABELS
from meldcode.web.beheer import bp
from meldcode.web.database import SaveFailed
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import language

AUDIT_ROWS = 200
LOCAL_TIME = ZoneInfo("Europe/Amsterdam")  # stored times are UTC; readers are in NL
ACTION_LABELS = {
    "view": _l("Bekeken"),
    "create": _l("Aangemaakt"),
    "update": _l("Gewijzigd"),
    "delete": _l("Verwijderd"),
    "share": _l("Gedeeld"),
    "unshare": _l("Delen gestopt"),
    "export": _l("Geëxporteerd"),
    "import": _l("Geïmporteerd"),
    "archive": _l("Gesloten"),
    "purge": _l("Automatisch verwijderd"),
    "login": _l("Ingelogd"),
    "login_failed": _l("Inloggen mislukt"),
    "logout": _l("Uitgelogd"),
    "logout_all": _l("Overal uitgelogd"),
    "denied": _l("Geweigerd"),
    "role_change": _l("Rol gewijzigd"),
    "invite": _l("Uitgenodigd"),
    "user_disable": _l("Account uitgezet"),
    "user_enable": _l("Account aangezet"),
    "settings": _l("Instellingen gewijzigd"),
    "session_revoke": _l("Sessies beëindigd"),
    "totp_enable": _l("Tweestapsverificatie aangezet"),
    "totp_disable": _l("Tweestapsverificatie uitgezet"),
    "setup": _l("Organisatie ingericht"),
    "conflict": _l("Niet opgeslagen: tegelijk gewijzigd"),
    "save_failed": _l("Opslaan mislukt"),
}


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
        choices=[SelectChoice("ja", _l("Ja")), SelectChoice("nee", _l("Nee"))],
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


@bp.route("/instellingen", methods=["GET", "POST"])
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
    form.default_kader.choices = [
        SelectChoice(k, registry().get(k).model.title.get(language())) for k in registry().ids()
    ]
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


def local_time(moment: datetime.datetime) -> str:
    """Return a stored UTC time as Dutch local date and time."""
    here = moment.replace(tzinfo=datetime.UTC).astimezone(LOCAL_TIME)
    return format_datetime(here, "d MMM y HH:mm:ss", rebase=False)


@bp.get("/logboek")
@access("beheer")
def audit_log():
    """Show the newest rows of the organisation's audit log: who did what, never content."""
    organisation_id = g.user.organisation_id
    rows = audit.recent(session(), organisation_id, limit=AUDIT_ROWS)
    people = {
        u.id: u.name or u.email
        for u in session().scalars(select(User).where(User.organisation_id == organisation_id))
    }
    # Reading the log is itself logged (NEN 7513).
    audit_now("view", "audit_log", organisation_id)
    return render_template(
        "beheer/audit.html",
        rows=rows,
        people=people,
        actions=ACTION_LABELS,
        roles=ROLE_LABELS,
        when=local_time,
        limit=AUDIT_ROWS,
    )
