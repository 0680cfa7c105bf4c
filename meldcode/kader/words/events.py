"""A case's event log and the audit trail in words: who did what and when, never what was written.

Event codes are ``<kind>_<toegevoegd|gewijzigd|verwijderd>`` or one of their own. A subject
is named only when it is not content: the question, check or route step an answer is
about, the step number, or the colleague a case was shared with.
"""

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l

RECORD_KINDS = {
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
    "dossier_gedownload": _l("Dossier gedownload"),
    "dossier_gearchiveerd": _l("Dossier gearchiveerd"),
}
AUDIT_ACTIONS = {
    "view": _l("Bekeken"),
    "create": _l("Aangemaakt"),
    "update": _l("Gewijzigd"),
    "delete": _l("Verwijderd"),
    "share": _l("Gedeeld"),
    "unshare": _l("Delen gestopt"),
    "export": _l("Geëxporteerd"),
    "import": _l("Geïmporteerd"),
    "archive": _l("Gesloten of heropend"),  # closing and reopening share this action
    "purge": _l("Verwijderd na de bewaartermijn"),
    "login": _l("Ingelogd"),
    "login_failed": _l("Inloggen mislukt"),
    "logout": _l("Uitgelogd"),
    "logout_all": _l("Overal uitgelogd"),
    "denied": _l("Toegang geweigerd"),
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
    "save_failed": _l("Niet opgeslagen: database niet bereikbaar"),
    "password_reset_link": _l("Link voor een nieuw wachtwoord gemaakt"),
    "password_reset_mail": _l("Link voor een nieuw wachtwoord gemaild"),
    "password_reset": _l("Nieuw wachtwoord gekozen met een link"),
    "recovery_codes": _l("Herstelcodes gemaakt"),
    "recovery_code_used": _l("Ingelogd met een herstelcode"),
    "organisation_create": _l("Organisatie aangemaakt"),
}
VERBS = ("toegevoegd", "gewijzigd", "verwijderd")


def _changed(verb: str, what: str) -> str:
    """Return ``<what> toegevoegd/gewijzigd/verwijderd`` as one translatable sentence."""
    if verb == "toegevoegd":
        return _("%(what)s toegevoegd", what=what)
    if verb == "gewijzigd":
        return _("%(what)s gewijzigd", what=what)
    return _("%(what)s verwijderd", what=what)


def event_text(code: str) -> str:
    """Return an event code in words, e.g. ``signaal_toegevoegd`` → ``Signaal toegevoegd``."""
    if code in EVENTS:
        return str(EVENTS[code])
    kind, _sep, verb = code.rpartition("_")
    if kind in RECORD_KINDS and verb in VERBS:
        return _changed(verb, str(RECORD_KINDS[kind]))
    return code.replace("_", " ").capitalize()


def subject_text(code: str, subject: str, words, names: dict) -> str:
    """Return what an event was about, when that is not content; else an empty string."""
    if not subject:
        return ""
    kind = code.rpartition("_")[0]
    model = words.kader
    if kind == "antwoord" and subject in model.questions:
        return words.question(subject)
    if kind == "check" and subject in model.checks:
        return words.t(model.checks[subject].label)
    if kind == "route_stap":
        for route in model.routes.values():
            if subject in route.steps:
                return words.t(route.steps[subject].title)
    if kind == "stap_klaar" and subject.isdigit():
        return _("Stap %(n)s", n=subject)
    if kind == "consultatie" or code in ("gedeeld", "delen_gestopt"):
        return names.get(subject, "")
    return ""


def logged_event(words, entry: str) -> str:
    """Return a case file's log entry in words, e.g. ``Antwoord gewijzigd: Afweging 1``.

    A case file writes an entry as ``code (subject)``; only a question is named.
    """
    code, _sep, subject = entry.partition(" (")
    subject = subject.removesuffix(")")
    text = event_text(code)
    if subject and subject in words.kader.questions:
        text += ": " + words.question(subject)
    return text


def audit_text(action: str) -> str:
    """Return an audit action in words."""
    return str(AUDIT_ACTIONS.get(action, action))
