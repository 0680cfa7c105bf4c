"""The records of a case as the dossier prints them: signals, talks, checks, route steps.

Each record becomes an :class:`Item` with its short facts and its free text apart, in time
order. Free text is passed on as it was written; the template escapes it.
"""

from dataclasses import dataclass
from dataclasses import field

from meldcode.casus.casefile import CaseFile
from meldcode.kader import Decision
from meldcode.kader import words
from meldcode.kader.i18n import _
from meldcode.kader.layout import STAP2_QUESTIONS
from meldcode.kader.words import Cite
from meldcode.kader.words import Words

# About a third of a page: a longer record may break across pages instead of being moved
# whole to the next page, which would leave a page nearly empty.
LONG_TEXT = 1500


@dataclass
class Item:
    """One record in a step: short facts in ``meta``, free text in ``texts``."""

    heading: str
    date: str = ""
    meta: list[tuple[str, str]] = field(default_factory=list)
    texts: list[tuple[str, str, str]] = field(default_factory=list)  # (label, text, kind)
    flags: list[str] = field(default_factory=list)
    cite: Cite | None = None

    @property
    def long(self) -> bool:
        """Tell whether the record is too long to keep together on one page."""
        return sum(len(text) for _label, text, _kind in self.texts) > LONG_TEXT


def _text(label: str, value: str, kind: str = "text") -> list[tuple[str, str, str]]:
    """Return one text row, or none when the value is empty."""
    return [(label, value, kind)] if value and value.strip() else []


def _meta(label: str, value) -> list[tuple[str, str]]:
    """Return one label-value row, or none when the value is missing."""
    return [(label, str(value))] if value not in (None, "") else []


def signals(case: CaseFile, kader, lang: str) -> list[Item]:
    """Return the signals in time order, facts apart from interpretation."""
    out = []
    ordered = sorted(enumerate(case.signalen), key=lambda pair: (pair[1].datum, pair[0]))
    for number, (_i, s) in enumerate(ordered, start=1):
        category = kader.signal_categories.get(s.categorie)
        injury = ", ".join(p for p in (s.letsel_plaats, s.letsel_aard) if p)
        out.append(
            Item(
                _("Signaal %(n)s") % {"n": number},
                words.day(s.datum, lang),
                _meta(_("Waargenomen door"), s.waargenomen_door)
                + _meta(_("Soort signaal"), category.label.get(lang) if category else s.categorie),
                _text(_("Wat is er gezien of gehoord? (feiten)"), s.waarneming, "fact")
                + _text(_("Interpretatie"), s.interpretatie, "interpretation")
                + _text(_("Wat spreekt het vermoeden tegen?"), s.tegenindicatie, "contra")
                + _text(_("Letsel"), injury or (_("ja") if s.letsel else ""), "injury"),
                [_("Letsel")] if s.letsel else [],
            )
        )
    return out


def checks(case: CaseFile, kader, lang: str) -> list[Item]:
    """Return the kindcheck and mantelzorgverleningscheck."""
    out = []
    for key, c in case.checks.items():
        known = kader.checks.get(key)
        out.append(
            Item(
                known.label.get(lang) if known else key,
                meta=[(_("Afhankelijke kinderen of volwassenen"), words.yes_no(c.afhankelijken))]
                + _meta(_("Aantal"), c.aantal)
                + _meta(_("Leeftijden"), c.leeftijden)
                + [(_("Zorgt de cliënt alleen voor hen"), words.yes_no(c.zorgt_alleen))],
                texts=_text(_("Toelichting"), c.toelichting),
                cite=words.cite(kader, known.source, known.status) if known else None,
            )
        )
    return out


def inputs(case: CaseFile, kader, lang: str, number: int) -> list[Item]:
    """Return the answered input questions of step 1 (or 2) with their motivation."""
    out = []
    for qid, q in kader.questions.items():
        if q.kind == "afweging" or qid not in case.antwoorden:
            continue
        if (qid in STAP2_QUESTIONS) != (number == 2):
            continue
        out.append(
            Item(
                q.label.get(lang),
                meta=[(_("Antwoord"), Words(kader, lang).answer(qid, case.antwoorden[qid]))],
                texts=_text(_("Toelichting"), case.motivaties.get(qid, "")),
                cite=words.cite(kader, q.source, q.status),
            )
        )
    return out


def overleg(case: CaseFile, lang: str) -> list[Item]:
    """Return the consultations (colleague, Veilig Thuis, injury expert) in time order."""
    return [
        Item(
            words.overleg_met(o.met),
            words.day(o.datum, lang),
            _meta(_("Wie"), o.wie) + ([(_("Anoniem"), _("ja"))] if o.anoniem else []),
            _text(_("Advies"), o.advies),
        )
        for o in sorted(case.overleg, key=lambda o: o.datum)
    ]


def gesprekken(case: CaseFile, kader, lang: str) -> list[Item]:
    """Return the conversations in time order, or why step 3 was skipped."""
    out = [
        Item(
            _("Gesprek met %(who)s") % {"who": g.met},
            words.day(g.datum, lang),
            texts=_text(_("Wat is er verteld en gezegd?"), g.gezegd)
            + _text(_("Hoe reageerde de ander?"), g.reactie)
            + _text(_("Afspraken"), g.afspraken),
        )
        for g in sorted(case.gesprekken, key=lambda g: g.datum)
    ]
    skip = case.gesprek_overslaan
    if skip is not None:
        reason = kader.gesprek.skip_reasons.get(skip.reden)
        label = reason.label.get(lang) if reason else skip.reden
        out.append(
            Item(
                _("Het gesprek is overgeslagen"),
                meta=[(_("Reden"), label)],
                texts=_text(_("Toelichting"), skip.toelichting),
                cite=words.cite(kader, reason.source, reason.status) if reason else None,
            )
        )
    return out


def professionals(case: CaseFile, lang: str) -> list[Item]:
    """Return KNMG stap 4: consultation with other professionals and the Verwijsindex."""
    p = case.overleg_professionals
    if p is None:
        return []
    return [
        Item(
            _("Overleg met betrokken professionals"),
            words.day(p.datum, lang),
            _meta(_("Met wie"), p.met)
            + [(_("Signaal in de Verwijsindex"), words.yes_no(p.verwijsindex))],
            _text(_("Toelichting"), p.toelichting),
        )
    ]


def route_steps(case: CaseFile, decision: Decision, lang: str) -> list[Item]:
    """Return the steps of a route that replaced the afwegingen, with what was done."""
    kader = decision.kader.model
    route = kader.routes.get(decision.route)
    steps = route.steps if route else {}
    out = []
    for sid, step in sorted(steps.items(), key=lambda item: item[1].number):
        done = case.route_stappen.get(sid)
        out.append(
            Item(
                f"{step.number}. {step.title.get(lang)}",
                words.day(done.datum, lang) if done else "",
                [(_("Gedaan"), words.yes_no(done.gedaan) if done else _("niet vastgelegd"))],
                [(_("Wat deze stap vraagt"), step.text.get(lang), "rule")]
                + (
                    [(_("Toelichting"), done.toelichting, "text")]
                    if done and done.toelichting
                    else []
                ),
                cite=words.cite(kader, step.source, step.status),
            )
        )
    # Steps recorded for a route that does not (or no longer) apply are still printed.
    for sid, done in case.route_stappen.items():
        if sid not in steps:
            out.append(
                Item(
                    _("Vastgelegde stap van een route die nu niet geldt: %(step)s") % {"step": sid},
                    words.day(done.datum, lang),
                    [(_("Gedaan"), words.yes_no(done.gedaan))],
                    [(_("Toelichting"), done.toelichting, "text")] if done.toelichting else [],
                )
            )
    return out
