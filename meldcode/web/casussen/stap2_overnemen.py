"""/stap-2/meedenken/<user_id>/overnemen: a colleague's finished advice becomes a consultation.

The owner adopts it with one button instead of retyping it in "Overleg toevoegen". The
record's key is derived from the colleague's id, so adopting twice (a double click, Back and
again) stores one consultation: the second insert meets the first in the database's unique
(case, kind, key) and storage answers it with the stored record (meldcode.storage.case_records).
"""

import datetime
import hashlib

from flask import abort
from flask import flash
from flask import redirect
from flask import url_for

from meldcode.casus.records import Overleg
from meldcode.kader.i18n import _
from meldcode.kader.words import LOCAL_TIME
from meldcode.storage import cases
from meldcode.web.access import access
from meldcode.web.auditing import audit_in
from meldcode.web.casework import open_case
from meldcode.web.casework import records
from meldcode.web.casework import save_case
from meldcode.web.casussen.stap_common import names
from meldcode.web.database import SaveFailed
from meldcode.web.database import database
from meldcode.web.forms import BaseForm
from meldcode.web.routes import Routes

routes = Routes()


def adopted_key(user_id: str) -> str:
    """Return the key of the consultation record a colleague's advice becomes."""
    return hashlib.sha256(f"meedenken:{user_id}".encode()).hexdigest()[:32]


def finished_advice(found: cases.Access, user_id: str):
    """Return the colleague's finished consultation with advice, else None."""
    for record in records(found, "consultatie"):
        if record.key == user_id and record.payload.klaar and record.payload.advies.strip():
            return record
    return None


def as_overleg(found: cases.Access, record) -> Overleg:
    """Return the consultation record the advice becomes: with a colleague, on its day."""
    name = names(found, [record.key]).get(record.key, "")
    when = record.updated_at
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.UTC)
    return Overleg(
        datum=when.astimezone(LOCAL_TIME).date(),
        met="collega",
        wie=_("%(name)s, via meedenken in deze tool", name=name)[:200],
        advies=record.payload.advies,
    )


@routes.post("/<case_id>/stap-2/meedenken/<user_id>/overnemen")
@access("case")
def overnemen(case_id: str, user_id: str):
    """Record a colleague's finished advice as a consultation of stap 2, once."""
    found = open_case(case_id, owner_only=True)
    if not BaseForm().validate():
        abort(400)
    back = redirect(url_for("casussen.stap2", case_id=case_id) + "#overleg", code=303)
    record = finished_advice(found, user_id)
    if record is None:
        flash(_("Er is geen afgerond advies van deze collega om vast te leggen."), "warning")
        return back
    payload = as_overleg(found, record)
    key = adopted_key(user_id)

    def work(s, a, u):
        """Insert the consultation (or meet the one adopted before) and audit it."""
        cases.save_record(s, database().cipher, a.case, u, "overleg", key, payload, None)
        audit_in(s, "update", "case", a.case.id)

    try:
        save_case(case_id, work)
    except cases.Conflict:  # adopted before, and changed since: keep the owner's edit
        flash(_("Dit advies was al vastgelegd als overleg. Hier kun je het wijzigen."), "info")
        return redirect(url_for("casussen.overleg_edit", case_id=case_id, key=key), code=303)
    except SaveFailed:
        flash(
            _("Niet opgeslagen: de database was even niet bereikbaar. Probeer het opnieuw."),
            "warning",
        )
        return back
    flash(_("Het advies is vastgelegd als overleg in stap 2."), "success")
    return back
