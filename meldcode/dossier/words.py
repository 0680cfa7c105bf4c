"""The dossier's words: dates, answers, the labels of a kader's ids, citations and events.

Pure: no Flask. Messages go through :func:`meldcode.kader.i18n._` with Dutch message ids, so
the dossier reads the same catalogue as the rules core; where the web app already says the
same thing, the same message id is used and the translation is shared.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from babel.dates import format_date
from babel.dates import format_datetime

from meldcode.kader.i18n import _
from meldcode.kader.model import Kader
from meldcode.kader.model_parts import SourceRef

LOCAL_TIME = ZoneInfo("Europe/Amsterdam")
STATUS = {"bevestigd", "onbevestigd", "gedeeltelijk"}


@dataclass
class Cite:
    """Where a rule is written: document, publisher, section, link, and its confirmation.

    ``number`` points into the dossier's list of sources; it is set once the whole dossier
    is built, in the order the sources are first printed.
    """

    title: str
    publisher: str
    date: str
    section: str
    url: str | None
    citation: str
    status: str
    unconfirmed: bool
    number: int = 0


def day(value: datetime.date | None, language: str) -> str:
    """Return a date as ``14 september 2026`` in the dossier's language; empty for none."""
    if value is None:
        return ""
    return format_date(value, "d MMMM y", locale=language)


def moment(value: datetime.datetime, language: str) -> str:
    """Return an event time in Dutch local time; a time without zone is taken as UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)  # the event log stores UTC (casefile_io)
    return format_datetime(value, "d MMMM y, HH:mm", tzinfo=LOCAL_TIME, locale=language)


def status_label(status: str) -> str:
    """Return a confirmation status in words."""
    labels = {
        "bevestigd": _("bevestigd"),
        "onbevestigd": _("onbevestigd"),
        "gedeeltelijk": _("gedeeltelijk bevestigd"),
    }
    return labels.get(status, status)


def version(resolved: str, stored: str) -> str:
    """Return the kader version, with the name a stored case gave it when that differs."""
    if resolved == stored:
        return resolved
    return _("%(version)s (vastgelegd als %(stored)s)") % {"version": resolved, "stored": stored}


def norm_kind(kind: str) -> str:
    """Return what a norm is in words: a professional norm or a statutory duty."""
    return _("wettelijke plicht") if kind == "wettelijke_plicht" else _("professionele norm")


def yes_no(value) -> str:
    """Return ja/nee/onbekend (or a bool) in words; ``niet beantwoord`` for nothing."""
    if value is True or value == "ja":
        return _("ja")
    if value is False or value == "nee":
        return _("nee")
    if value == "onbekend":
        return _("onbekend")
    return _("niet beantwoord")


def question(kader: Kader, qid: str, language: str) -> str:
    """Return ``Afweging 1: Vermoeden`` for an afweging, else the question's label."""
    found = kader.questions.get(qid)
    if found is None:
        return qid
    label = found.label.get(language)
    if found.kind == "afweging":
        return _("Afweging %(number)s: %(label)s") % {"number": found.number, "label": label}
    return label


def answer(kader: Kader, qid: str, value, language: str) -> str:
    """Return an answer in words: ja/nee, or the labels of the chosen options."""
    found = kader.questions.get(qid)
    if isinstance(value, list):
        choices = found.choices if found and found.choices else {}
        shown = [choices[v].label.get(language) if v in choices else v for v in value]
        return ", ".join(shown) or _("niets gekozen")
    return yes_no(value)


def cite(kader: Kader, ref: SourceRef, status: str) -> Cite:
    """Return the citation of a rule from its source reference."""
    doc = kader.sources.get(ref.document)
    if doc is None:  # the linter forbids this; print the bare reference rather than fail
        return Cite(ref.document, "", "", ref.section, ref.url, "", status_label(status), True)
    return Cite(
        doc.title,
        doc.publisher,
        doc.date.isoformat() if doc.date else "",
        ref.section,
        ref.url or doc.url,
        doc.citation or "",
        status_label(status),
        status != "bevestigd",
    )


def cite_bron(bron: dict) -> Cite:
    """Return the citation of a decision-contract ``bron`` object."""
    return Cite(
        bron["titel"],
        bron["uitgever"],
        bron["datum"] or "",
        bron["sectie"],
        bron["url"],
        bron["vindplaats"] or "",
        status_label(bron["status"]),
        bron["status"] != "bevestigd",
    )


def outcome_or_question(kader: Kader, target: str | None, language: str) -> str:
    """Return what followed an answer: an outcome's label or the next question."""
    if target is None:
        return ""
    if target in kader.outcomes:
        return kader.outcomes[target].label.get(language)
    if target in kader.routes:
        return kader.routes[target].title.get(language)
    return _("verder met %(question)s") % {"question": question(kader, target, language)}


def overleg_met(code: str) -> str:
    """Return who a consultation was with, as the wizard names it."""
    names = {
        "collega": _("Een collega"),
        "aandachtsfunctionaris": _("De aandachtsfunctionaris"),
        "veilig_thuis": _("Veilig Thuis (advies, kan anoniem)"),
        "letselduiding": _("Een deskundige letselduiding"),
        "anders": _("Iemand anders"),
    }
    return names.get(code, code)


def _kinds() -> dict[str, str]:
    """Return the printed name of every record kind."""
    return {
        "signaal": _("Signaal"),
        "antwoord": _("Antwoord"),
        "check": _("Check"),
        "overleg": _("Overleg"),
        "consultatie": _("Consultatie"),
        "gesprek": _("Gesprek"),
        "gesprek_overslaan": _("Reden om het gesprek over te slaan"),
        "overleg_professionals": _("Overleg met professionals"),
        "beslissing": _("Beslissing"),
        "informeren": _("Informeren"),
        "melding": _("Melding"),
        "hulp": _("Hulp"),
        "evaluatie": _("Evaluatie"),
        "route_stap": _("Stap van de route"),
        "stap_klaar": _("Status van een stap"),
    }


def _events() -> dict[str, str]:
    """Return the printed wording of every event of the case log."""
    return {
        "casus_aangemaakt": _("Casus aangemaakt"),
        "casus_geimporteerd": _("Casus geïmporteerd"),
        "gedeeld": _("Gedeeld met een collega"),
        "delen_gestopt": _("Delen met een collega gestopt"),
        "label_gewijzigd": _("Label gewijzigd"),
        "casus_gesloten": _("Casus gesloten"),
        "casus_heropend": _("Casus heropend"),
        "casus_geexporteerd": _("Casusbestand gedownload"),
        "dossier_gedownload": _("Dossier gedownload"),
        "dossier_gearchiveerd": _("Dossier gearchiveerd"),
    }


def event(kader: Kader, wat: str, language: str) -> str:
    """Return an event-log entry in words, e.g. ``antwoord_gewijzigd (vermoeden)``."""
    code, _sep, subject = wat.partition(" (")
    subject = subject.removesuffix(")")
    events = _events()
    if code in events:
        text = events[code]
    else:
        kind, _sep, verb = code.rpartition("_")
        what = _kinds().get(kind)
        verbs = {
            "toegevoegd": _("%(what)s toegevoegd"),
            "gewijzigd": _("%(what)s gewijzigd"),
            "verwijderd": _("%(what)s verwijderd"),
        }
        if what is None or verb not in verbs:
            return code.replace("_", " ").capitalize()
        text = verbs[verb] % {"what": what}
    if subject and subject in kader.questions:
        text += ": " + question(kader, subject, language)
    return text
