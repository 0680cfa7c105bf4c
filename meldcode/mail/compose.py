"""The mails themselves: per kind of event a subject, one sentence, the link, a footer.

A mail never holds case content: no label, no name, no answer, no organisation's case
data, only what kind of event happened and where to sign in to see it. Message ids are
Dutch; English comes from the same catalogue as every other text (the recipient's
language decides).
"""

import datetime
import hashlib
from email.message import EmailMessage
from email.utils import format_datetime

from meldcode.kader.i18n import _
from meldcode.kader.i18n import using
from meldcode.kader.words import day
from meldcode.mail import ics

KINDS = ("uitnodiging", "wachtwoord", "gedeeld", "evaluatie", "zicht", "bewaartermijn")
WITH_CALENDAR = ("evaluatie", "zicht")


def _texts(kind: str, date: datetime.date | None, language: str) -> tuple[str, str, str]:
    """Return subject, the sentence before the link and the one after it, translated."""
    when = day(date, language) if date else ""
    if kind == "uitnodiging":
        return (
            _("Uitnodiging voor meldcode"),
            _(
                "Je bent uitgenodigd voor een account in meldcode, het hulpmiddel bij de "
                "meldcode huiselijk geweld en kindermishandeling. Maak je account aan via "
                "deze link. Hij werkt één keer en verloopt na een paar dagen."
            ),
            _("Verwachtte je deze uitnodiging niet? Dan kun je deze mail negeren."),
        )
    if kind == "wachtwoord":
        return (
            _("Nieuw wachtwoord voor meldcode"),
            _(
                "Er is gevraagd om een nieuw wachtwoord voor je meldcode-account. Kies het "
                "via deze link. Hij werkt één keer en verloopt snel."
            ),
            _("Heb je dit niet gevraagd? Dan hoef je niets te doen: je wachtwoord blijft."),
        )
    if kind == "gedeeld":
        return (
            _("Een casus is met je gedeeld"),
            _(
                "Een collega heeft een casus met je gedeeld en vraagt je om collegiale "
                "consultatie. Log in en open de casus via deze link."
            ),
            "",
        )
    if kind == "evaluatie":
        return (
            _("Evaluatie van afweging 5"),
            _(
                "De evaluatie van afweging 5 van een van je casussen staat gepland op "
                "%(day)s. Open de casus via deze link."
            )
            % {"day": when},
            _("In de bijlage staat de afspraak voor je agenda, met alleen deze link."),
        )
    if kind == "zicht":
        return (
            _("Zicht op veiligheid na een melding"),
            _(
                "Na een melding doet Veilig Thuis binnen 5 werkdagen een "
                "veiligheidsbeoordeling. Voor een van je casussen was dat uiterlijk "
                "%(day)s. Ga na of je terugkoppeling kreeg en of er zicht is op de "
                "veiligheid. Open de casus via deze link."
            )
            % {"day": when},
            _("In de bijlage staat de afspraak voor je agenda, met alleen deze link."),
        )
    if kind == "bewaartermijn":
        return (
            _("Een gesloten casus wordt binnenkort verwijderd"),
            _(
                "Een gesloten casus van je wordt op %(day)s verwijderd: dan is de "
                "bewaartermijn van je organisatie voorbij. Staat het dossier nog niet in "
                "jullie eigen dossiersysteem, bewaar het daar dan vóór die dag."
            )
            % {"day": when},
            "",
        )
    raise ValueError(kind)


def _footer() -> str:
    """Return the footer every mail has."""
    return "\n".join(
        (
            _("Deze mail bevat bewust geen gegevens over een casus."),
            _("Twijfel je over de veiligheid van iemand? Bel Veilig Thuis: 0800-2000."),
        )
    )


def message_id(event_key: str, sender: str) -> str:
    """Return a Message-ID fixed by the event, so a receiving server can drop a repeat."""
    domain = sender.rpartition("@")[2] or "meldcode.invalid"
    return f"<{hashlib.sha256(event_key.encode()).hexdigest()[:40]}@{domain}>"


def compose(kind: str, event_key: str, payload: dict, sender: str) -> EmailMessage:
    """Return the mail for one outbox row, in the recipient's language."""
    language = payload.get("lang", "nl")
    date = datetime.date.fromisoformat(payload["date"]) if payload.get("date") else None
    with using(language):
        subject, before, after = _texts(kind, date, language)
        parts = [before, "", payload["link"], ""]
        if after:
            parts += [after, ""]
        parts += ["-- ", _footer()]
        body = "\n".join(parts) + "\n"
        message = EmailMessage()
        message["From"] = sender
        message["To"] = payload["to"]
        message["Subject"] = subject
        message["Date"] = format_datetime(datetime.datetime.now(datetime.UTC))
        message["Message-ID"] = message_id(event_key, sender)
        message["Auto-Submitted"] = "auto-generated"
        message["Content-Language"] = language
        message.set_content(body)
        if kind in WITH_CALENDAR and date is not None:
            calendar = ics.calendar_item(event_key, date, subject, payload["link"])
            message.add_attachment(
                calendar, subtype="calendar", filename="meldcode.ics", params={"method": "PUBLISH"}
            )
    return message
