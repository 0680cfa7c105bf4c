"""The decision as the dossier prints it: what the kader concluded, and what the professional did.

The kader's side is read from the decision contract (docs/beslissingscontract.md), the one
shape every consumer reads; every rule and norm that fired keeps its source. Where the
professional departs from the kader, or the answers changed after deciding, it says so.
"""

from dataclasses import dataclass
from dataclasses import field

from meldcode.casus.casefile import CaseFile
from meldcode.kader import Decision
from meldcode.kader import words
from meldcode.kader.i18n import _
from meldcode.kader.words import Cite
from meldcode.kader.words import Words


@dataclass
class PadRow:
    """One answered afweging on the kader's path, with the rule that applied."""

    question: str
    given: str
    counted: str
    overruled_by: str
    followed: str
    rule: str
    norm: str
    with_veilig_thuis: bool
    cite: Cite
    note: str = ""


@dataclass
class Rule:
    """A norm, special situation or action that applied, with its source when it has one."""

    title: str
    text: str
    cite: Cite | None = None
    phone: str = ""
    kind: str = ""


@dataclass
class EngineView:
    """What the kader concluded from the answers."""

    route: str
    route_text: str
    melden: str
    hulp: str
    afsluiten: bool
    waiting: list[str]
    pad: list[PadRow]
    norms: list[Rule]
    special: list[Rule]
    actions: list[Rule]
    warnings: list[str]


@dataclass
class ChoiceView:
    """What the professional decided, beside the kader's outcome."""

    recorded: bool
    date: str = ""
    follows: bool = True
    melden: str = ""
    hulp: str = ""
    motivation: str = ""
    differences: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def decided(value: bool | None, after_melding: bool = False) -> str:
    """Return a decision value in words; ``nog niet beslist`` while open.

    Beslissing 2 of a case that reports is open until it is weighed with Veilig Thuis.
    """
    if value is None and after_melding:
        return _("nog te bepalen samen met Veilig Thuis")
    return _("nog niet beslist") if value is None else words.yes_no(value)


def engine_view(decision: Decision, lang: str) -> EngineView:
    """Return the kader's conclusion with every rule, norm and action and their sources."""
    kader = decision.kader.model
    contract = decision.to_contract(lang)
    route = kader.routes.get(decision.route)
    said = Words(kader, lang)
    pad = []
    for p in contract["pad"]:
        norm = kader.norms.get(p["overruled_by"] or "")
        fired = kader.norms.get(p["norm"] or "")
        question = kader.questions.get(p["vraag"])
        answers = (question.answers or {}) if question else {}
        branch = answers.get(p["antwoord"]) if isinstance(p["antwoord"], str) else None
        pad.append(
            PadRow(
                said.question(p["vraag"]),
                said.answer(p["vraag"], p["gegeven"]),
                said.answer(p["vraag"], p["antwoord"]),
                norm.title.get(lang) if norm else "",
                said.outcome_or_question(p["gevolg"]),
                p["regel"],
                fired.title.get(lang) if fired else "",
                p["samen_met_veilig_thuis"],
                words.cite_bron(p["bron"]),
                branch.note.get(lang) if branch and branch.note else "",
            )
        )
    norms = [
        Rule(
            kader.norms[n["id"]].title.get(lang),
            kader.norms[n["id"]].text.get(lang),
            words.cite_bron(n["bron"]),
            kind=words.norm_kind(n["soort"]),
        )
        for n in contract["normen"]
    ]
    special = [
        Rule(
            kader.special_cases[s["id"]].title.get(lang),
            kader.special_cases[s["id"]].text.get(lang),
            words.cite_bron(s["bron"]),
        )
        for s in contract["bijzondere_situaties"]
    ]
    return EngineView(
        route.title.get(lang) if route else "",
        route.text.get(lang) if route else "",
        decided(decision.melden) if not route else _("niet van toepassing op deze route"),
        decided(decision.hulp, decision.melden is True)
        if not route
        else _("niet van toepassing op deze route"),
        decision.afsluiten,
        [said.question(q) for q in decision.nog_nodig],
        pad,
        norms,
        special,
        actions(decision, decision.acties, lang),
        contract["waarschuwingen"],
    )


def actions(decision: Decision, ids: list[str], lang: str) -> list[Rule]:
    """Return actions with their labels, texts and the number to call."""
    return [
        Rule(line.label, line.text, None, f"{line.contact}: {line.phone}" if line.contact else "")
        for line in Words(decision.kader.model, lang).action_lines(ids)
    ]


def choice_view(case: CaseFile, decision: Decision, lang: str) -> ChoiceView:
    """Return the professional's decision, where it differs from the kader, and why."""
    b = case.beslissing
    if b is None:
        return ChoiceView(False)
    view = ChoiceView(True, words.day(b.datum, lang), b.volgt_uitkomst, motivation=b.motivatie)
    melden = decision.melden if b.volgt_uitkomst else b.melden
    hulp = decision.hulp if b.volgt_uitkomst else b.hulp
    view.melden, view.hulp = decided(melden), decided(hulp, melden is True)
    if not b.volgt_uitkomst:
        for label, kader_value, own in (
            (_("Beslissing 1: is melden noodzakelijk?"), decision.melden, b.melden),
            (
                _("Beslissing 2: is hulp bieden of organiseren (ook) mogelijk?"),
                decision.hulp,
                b.hulp,
            ),
        ):
            if own != kader_value:
                view.differences.append(
                    _("%(question)s Het afwegingskader: %(kader)s; de professional: %(own)s.")
                    % {"question": label, "kader": decided(kader_value), "own": decided(own)}
                )
    then = b.uitkomst
    if then:
        now = {"route": decision.route, "melden": decision.melden, "hulp": decision.hulp}
        sha = (then.get("kader") or {}).get("sha256")
        changed = sha and sha != decision.kader.sha256
        if any(then.get(k, now[k]) != v for k, v in now.items()) or _path(then) != _path_now(
            decision
        ):
            view.notes.append(
                _(
                    "De uitkomst van het afwegingskader is nu anders dan op het moment van "
                    "beslissen: het afwegingskader is sindsdien aangepast, of er zijn antwoorden "
                    "gewijzigd."
                )
                if changed
                else _(
                    "Na deze beslissing zijn antwoorden gewijzigd: de uitkomst van het "
                    "afwegingskader is nu anders dan op het moment van beslissen."
                )
            )
        if sha and sha != decision.kader.sha256:
            view.notes.append(
                _("Er is beslist met een andere inhoud van het afwegingskader (sha256 %(sha)s).")
                % {"sha": sha}
            )
    return view


def _path(snapshot: dict) -> list:
    """Return the path of a stored decision as (question, answer) pairs."""
    return [(p.get("vraag"), p.get("antwoord")) for p in snapshot.get("pad", [])]


def _path_now(decision: Decision) -> list:
    """Return the path of the engine's decision now as (question, answer) pairs."""
    return [(s.vraag, s.antwoord) for s in decision.pad]
