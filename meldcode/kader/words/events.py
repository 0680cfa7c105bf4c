"""The case's event log and audit rows in words: who, what, when; never what was written.

Event codes are ``<kind>_<toegevoegd|gewijzigd|verwijderd>`` or a few of their own. A
subject is named only when it is not content: the question, check or route step an answer
is about, the step number, or the colleague a case was shared with.
"""

import datetime
from zoneinfo import ZoneInfo

from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

LOCAL_TIME = ZoneInfo("Europe/Amsterdam")

KINDS = {
    "signaal": _l("Signaal"),
    "antwoord": _l("Antwoord"),
    "check": _l("Check"),
    "overleg": _l("Overleg"),
    "consultatie": _l("Consultatie"),
    "gesprek": _l("Gesprek"),
    "gesprek_overslaan": _l("Reden om het gesprek over te slaan"),
    "overleg_professionals": _l("Overleg met professionals"),
    "beslissing": _l("Beslissing"),
    "informeren": _l("Informeren"),
    "melding": _l("Melding"),
    "hulp": _l("Hulp"),
    "evaluatie": _l("Evaluatie"),
    "route_stap": _l("Stap van de route"),
    "stap_klaar": _l("Status van een stap"),
}
EVENTS = {
    "casus_aangemaakt": _l("Casus aangemaakt"),
    "casus_geimporteerd": _l("Casus geïmporteerd"),
    "gedeeld": _l("Gedeeld met een collega"),
    "delen_gestopt": _l("Delen met een collega gestopt"),
    "label_gewijzigd": _l("Label gewijzigd"),
    "casus_gesloten": _l("Casus gesloten"),
    "casus_heropend": _l("Casus heropend"),
    "casus_geexporteerd": _l("Casusbestand gedownload"),
}
AUDIT = {
    "view": _l("Bekeken"),
    "create": _l("Aangemaakt"),
    "update": _l("Gewijzigd"),
    "delete": _l("Verwijderd"),
    "share": _l("Gedeeld"),
    "unshare": _l("Delen gestopt"),
    "export": _l("Geëxporteerd"),
    "import": _l("Geïmporteerd"),
    "archive": _l("Gesloten of heropend"),
    "purge": _l("Verwijderd na de bewaartermijn"),
    "denied": _l("Toegang geweigerd"),
    "conflict": _l("Niet opgeslagen: tegelijk gewijzigd"),
    "save_failed": _l("Niet opgeslagen: database niet bereikbaar"),
}


def local_time(moment: datetime.datetime) -> str:
    """Return a stored UTC time as Dutch local date and time."""
    here = moment.replace(tzinfo=datetime.UTC).astimezone(LOCAL_TIME)
    return format_datetime(here, "d MMMM y, HH:mm", rebase=False)


def _changed(verb: str, what: str) -> str:
    """Return ``<what> toegevoegd/gewijzigd/verwijderd`` as one translatable sentence."""
    if verb == "toegevoegd":
        return _("%(what)s toegevoegd", what=what)
    if verb == "gewijzigd":
        return _("%(what)s gewijzigd", what=what)
    return _("%(what)s verwijderd", what=what)


def event_text(action: str) -> str:
    """Return an event code in words, e.g. ``signaal_toegevoegd`` → ``Signaal toegevoegd``."""
    if action in EVENTS:
        return str(EVENTS[action])
    kind, _sep, verb = action.rpartition("_")
    if kind in KINDS and verb in ("toegevoegd", "gewijzigd", "verwijderd"):
        return _changed(verb, str(KINDS[kind]))
    return action.replace("_", " ").capitalize()


def subject_text(action: str, subject: str, kader, words, names: dict) -> str:
    """Return what an event was about, when that is not content; else an empty string."""
    if not subject:
        return ""
    kind = action.rpartition("_")[0]
    model = kader.model
    if kind == "antwoord" and subject in model.questions:
        return words.question(subject)
    if kind == "check" and subject in model.checks:
        return model.checks[subject].label.get(words.language)
    if kind == "route_stap":
        for route in model.routes.values():
            if subject in route.steps:
                return route.steps[subject].title.get(words.language)
    if kind == "stap_klaar" and subject.isdigit():
        return _("Stap %(n)s", n=subject)
    if kind == "consultatie" or action in ("gedeeld", "delen_gestopt"):
        return names.get(subject, "")
    return ""


def audit_text(action: str) -> str:
    """Return an audit action in words."""
    return str(AUDIT.get(action, action))
