"""What follows the decision (the KNMG list), the event log, and where the dossier came from.

KNMG asks to record who was informed and how they reacted (or why not), the melding, the
help, and the follow-up agreements. What Veilig Thuis does next is cited from the kader's
own source list, so a reader can check it.
"""

import datetime
from dataclasses import dataclass
from dataclasses import field

from meldcode.casus.casefile import CaseFile
from meldcode.dossier.records import Item
from meldcode.kader import Decision
from meldcode.kader import words
from meldcode.kader.i18n import _
from meldcode.kader.model_parts import SourceRef
from meldcode.kader.words import Cite
from meldcode.kader.words import Words

VT_SOURCE = "antwoorden_mei_2026"  # basis.yaml: Kamervragen, answer 11 (shared/seeds/000)
WORKDAYS = 5


@dataclass
class AfterView:
    """Informing, the melding, help, follow-up, and what Veilig Thuis does next."""

    informed: Item | None
    melding: Item | None
    help: list[Item]
    evaluation: Item | None
    vt_next: list[str] = field(default_factory=list)
    vt_cite: Cite | None = None
    phones: list[tuple[str, str, str]] = field(default_factory=list)
    by_rule: list[tuple[str, Cite | None]] = field(default_factory=list)


def _text(label: str, value: str) -> list[tuple[str, str, str]]:
    """Return one text row, or none when the value is empty."""
    return [(label, value, "text")] if value and value.strip() else []


def informed(case: CaseFile, decision: Decision, lang: str) -> Item | None:
    """Return who was informed before the melding and how they reacted, or the exception."""
    i = case.informeren
    if i is None:
        return None
    attempts = _text(_("Pogingen om de betrokkene te bereiken"), i.pogingen)
    if i.geinformeerd == "ja":
        return Item(
            _("De betrokkene(n) zijn vooraf geïnformeerd"),
            words.day(i.datum, lang),
            [(k, v) for k, v in ((_("Wie"), i.wie), (_("Hoe"), i.hoe)) if v],
            _text(_("Hoe reageerde de betrokkene?"), i.reactie)
            + _text(_("Bezwaren, en of je eraan tegemoet kon komen"), i.bezwaren)
            + attempts,
        )
    kader = decision.kader.model
    exception = kader.informeren.exceptions.get(i.uitzondering)
    return Item(
        _("De betrokkene(n) zijn niet vooraf geïnformeerd"),
        words.day(i.datum, lang),
        [(_("Uitzondering"), exception.label.get(lang) if exception else i.uitzondering)],
        _text(_("Toelichting bij de uitzondering"), i.toelichting) + attempts,
        cite=words.cite(kader, exception.source, exception.status) if exception else None,
    )


def workdays_after(start: datetime.date, count: int) -> datetime.date:
    """Return the date ``count`` working days (Monday to Friday) after ``start``."""
    current = start
    while count:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5:
            count -= 1
    return current


def after_view(case: CaseFile, decision: Decision, lang: str) -> AfterView:
    """Return what followed the decision, as the KNMG list asks to record it."""
    kader = decision.kader.model
    m = case.melding
    melding = None
    if m is not None:
        melding = Item(
            _("Melding bij Veilig Thuis"),
            words.day(m.datum, lang),
            [(_("Veilig Thuis-regio"), m.regio)]
            + ([(_("Kenmerk"), m.referentie)] if m.referentie else []),
            _text(_("Afspraken met Veilig Thuis"), m.toelichting),
        )
    helped = [
        Item(
            _("Hulp"),
            words.day(h.startdatum, lang),
            [(_("Door"), h.door)] if h.door else [],
            _text(_("Welke hulp?"), h.omschrijving),
        )
        for h in sorted(case.hulp, key=lambda h: (h.startdatum is None, h.startdatum or 0))
    ]
    e = case.evaluatie
    evaluation = None
    if e is not None:
        evaluation = Item(
            _("Evaluatie van afweging 5"),
            words.day(e.datum, lang),
            [(_("Evaluatiedatum"), words.day(e.datum, lang))],
            _text(_("Afspraken"), e.afspraken),
        )
    view = AfterView(informed(case, decision, lang), melding, helped, evaluation)
    chosen = (
        case.beslissing.melden if case.beslissing and not case.beslissing.volgt_uitkomst else None
    )
    if m is not None or decision.melden or chosen:
        view.vt_next.append(
            _(
                "Veilig Thuis voert binnen 5 werkdagen na ontvangst van de melding een "
                "veiligheidsbeoordeling uit en neemt een besluit over het vervolg. Is de dienst "
                "'Voorwaarden en Vervolg' nodig, dan is die uiterlijk binnen 10 weken na de "
                "veiligheidsbeoordeling afgerond."
            )
        )
        if m is not None:
            view.vt_next.append(
                _(
                    "Gemeld op %(day)s: de veiligheidsbeoordeling volgt uiterlijk op %(due)s "
                    "(5 werkdagen; feestdagen niet meegerekend)."
                )
                % {
                    "day": words.day(m.datum, lang),
                    "due": words.day(workdays_after(m.datum, WORKDAYS), lang),
                }
            )
        ref = SourceRef(document=VT_SOURCE, section=_("Antwoord op vraag 11"))
        view.vt_cite = words.cite(kader, ref, "bevestigd")
    view.phones = phones(decision, lang)
    view.by_rule = exceptions_by_rule(decision, lang)
    return view


def exceptions_by_rule(decision: Decision, lang: str) -> list[tuple[str, Cite | None]]:
    """Return the informing exceptions a special form makes apply, with their sources."""
    kader = decision.kader.model
    out = []
    for eid in decision.informeren_uitzonderingen():
        exception = kader.informeren.exceptions[eid]
        out.append(
            (exception.label.get(lang), words.cite(kader, exception.source, exception.status))
        )
    return out


def phones(decision: Decision, lang: str) -> list[tuple[str, str, str]]:
    """Return the numbers that apply: Veilig Thuis, those of the actions, and 112."""
    kader = decision.kader.model
    wanted = ["veilig_thuis"]
    for aid in decision.acties:
        action = kader.actions.get(aid)
        if action and action.contact:
            wanted.append(action.contact)
    wanted.append("alarmnummer")
    out = []
    for cid in dict.fromkeys(wanted):
        contact = kader.contacts.get(cid)
        if contact is not None:
            text = contact.text.get(lang) if contact.text else ""
            out.append((contact.label.get(lang), contact.phone, text))
    return out


def unconfirmed(decision: Decision, lang: str) -> list[str]:
    """Return every rule of the kader that no source confirms, by name."""
    k = decision.kader.model
    said = Words(k, lang)
    found = []

    def add(item, name):
        """Remember the name of an unconfirmed rule."""
        if item.status == "onbevestigd":
            found.append(name)

    for group in (
        k.steps,
        k.checks,
        k.outcomes,
        k.norms,
        k.special_cases,
        k.routes,
        k.gesprek.skip_reasons,
        k.informeren.exceptions,
        k.contacts,
    ):
        for item in group.values():
            name = (getattr(item, "title", None) or item.label).get(lang)
            add(item, name)
            for part in {**getattr(item, "duties", {}), **getattr(item, "steps", {})}.values():
                add(part, f"{name} – {(getattr(part, 'title', None) or part.label).get(lang)}")
    for qid, q in k.questions.items():
        add(q, said.question(qid))
        for value, branch in (q.answers or {}).items():
            if branch.status == "onbevestigd":
                found.append(f"{said.question(qid)} – {words.yes_no(value)}")
    return found
