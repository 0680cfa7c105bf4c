"""Fixed vocabularies in words: confirmation, ja/nee, decisions, consultations and roles.

Each list is written here once, as codes with lazy labels, and read by the web pages, the
dossier and the command line alike; the label comes out in the language of the moment.
"""

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l

STATUS_LABELS = {
    "bevestigd": _l("bevestigd"),
    "onbevestigd": _l("onbevestigd"),
    "gedeeltelijk": _l("gedeeltelijk bevestigd"),
}
ANSWER_LABELS = {"ja": _l("ja"), "nee": _l("nee"), "onbekend": _l("onbekend")}
DECISION_LABELS = {
    "melden": _l("Melden"),
    "hulp": _l("Hulp bieden of organiseren"),
    "afsluiten": _l("Afsluiten"),
}
# Whom a consultation of stap 2 was with: the codes of an ``overleg`` record.
OVERLEG_MET = {
    "collega": _l("Een collega"),
    "aandachtsfunctionaris": _l("De aandachtsfunctionaris"),
    "veilig_thuis": _l("Veilig Thuis (advies, kan anoniem)"),
    "letselduiding": _l("Een deskundige letselduiding"),
    "anders": _l("Iemand anders"),
}
# The roles of an account. A trainer runs training sessions and never sees a case.
ROLES = {
    "medewerker": _l("Medewerker"),
    "aandachtsfunctionaris": _l("Aandachtsfunctionaris"),
    "beheerder": _l("Beheerder"),
    "trainer": _l("Trainer"),
}
CASE_ROLES = ("medewerker", "aandachtsfunctionaris", "beheerder")


def status_label(status: str) -> str:
    """Return a confirmation status in words."""
    return str(STATUS_LABELS.get(status, status))


def kader_version(resolved: str, stored: str) -> str:
    """Return the kader version, with the name a stored case gave it when that differs."""
    if resolved == stored:
        return resolved
    return _("%(version)s (vastgelegd als %(stored)s)", version=resolved, stored=stored)


def norm_kind(kind: str) -> str:
    """Return what a norm is in words: a professional norm or a statutory duty."""
    return _("wettelijke plicht") if kind == "wettelijke_plicht" else _("professionele norm")


def yes_no(value) -> str:
    """Return ja/nee/onbekend (or a bool) in words; ``niet beantwoord`` for nothing."""
    if value is True or value is False:
        value = "ja" if value else "nee"
    if value in ANSWER_LABELS:
        return str(ANSWER_LABELS[value])
    return _("niet beantwoord")


def overleg_met(code: str) -> str:
    """Return whom a consultation was with, as the wizard names it."""
    return str(OVERLEG_MET.get(code, code))


def role_label(role: str) -> str:
    """Return an account's role in words."""
    return str(ROLES.get(role, role))


def tel(phone: str) -> str:
    """Return a ``tel:`` link target: the digits of a phone number (keeping a leading +)."""
    return "tel:" + "".join(c for c in phone if c.isdigit() or c == "+")
