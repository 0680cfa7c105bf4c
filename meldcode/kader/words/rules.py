"""A kader's rules in words: conditions, overrides, actions and citations as readers see them.

The YAML speaks in ids (``when: {vormen: vgv}``); the pages and the diagram speak in the
labels of the questions and answers, in the page language. Both use this one module, so
a condition reads the same everywhere.
"""

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from meldcode.kader.model import Kader
from meldcode.kader.model_parts import ActionRef
from meldcode.kader.model_parts import SourceRef

STATUS_LABELS = {
    "bevestigd": _l("bevestigd"),
    "onbevestigd": _l("onbevestigd"),
    "gedeeltelijk": _l("gedeeltelijk bevestigd"),
}
DECISION_LABELS = {
    "melden": _l("Melden"),
    "hulp": _l("Hulp bieden of organiseren"),
    "afsluiten": _l("Afsluiten"),
}


@dataclass(frozen=True)
class Clause:
    """One part of a condition: a question (with its page anchor) and the answers meant."""

    question: str
    anchor: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class Citation:
    """Where a rule is written: the document, the section and a link."""

    anchor: str
    title: str
    section: str
    url: str | None


@dataclass(frozen=True)
class ActionLine:
    """An action as shown under a rule, with the condition it may carry."""

    id: str
    label: str
    text: str
    phone: str | None
    when: tuple[Clause, ...]
    unless: tuple[Clause, ...]


class Words:
    """Render the ids of one kader as labels in one language."""

    def __init__(self, kader: Kader, language: str):
        """Remember the kader and the language to speak."""
        self.kader = kader
        self.language = language

    def t(self, text) -> str:
        """Return a ``Text`` in the page language; empty for a missing text."""
        return "" if text is None else text.get(self.language)

    def anchor(self, qid: str) -> str:
        """Return the page anchor of a question: afwegingen and other questions differ."""
        question = self.kader.questions.get(qid)
        return f"afweging-{qid}" if question and question.kind == "afweging" else f"vraag-{qid}"

    def question(self, qid: str) -> str:
        """Return ``Afweging 1: Vermoeden`` for an afweging, else the question's label."""
        question = self.kader.questions.get(qid)
        if question is None:
            return qid
        if question.kind == "afweging":
            return _(
                "Afweging %(number)s: %(label)s",
                number=question.number,
                label=self.t(question.label),
            )
        return self.t(question.label)

    def answer(self, qid: str, value: str) -> str:
        """Return an answer in words: ja/nee, or the label of a choice."""
        question = self.kader.questions.get(qid)
        if question is not None and question.choices and value in question.choices:
            return self.t(question.choices[value].label)
        return {"ja": _("ja"), "nee": _("nee")}.get(value, value)

    def condition(self, when: dict | None) -> list[Clause]:
        """Return a ``when``/``unless`` condition as clauses, in the file's order."""
        return [
            Clause(self.question(qid), self.anchor(qid), tuple(self.answer(qid, v) for v in values))
            for qid, values in (when or {}).items()
        ]

    def overrides(self, overrides: dict) -> list[Clause]:
        """Return what an overruling norm makes an afweging count as."""
        return [
            Clause(self.question(qid), self.anchor(qid), (self.answer(qid, value),))
            for qid, value in overrides.items()
        ]

    def actions(self, refs: list[ActionRef]) -> list[ActionLine]:
        """Return actions with their labels, texts, phone numbers and conditions."""
        lines = []
        for ref in refs:
            action = self.kader.actions.get(ref.id)
            if action is None:
                continue
            contact = self.kader.contacts.get(action.contact) if action.contact else None
            lines.append(
                ActionLine(
                    ref.id,
                    self.t(action.label),
                    self.t(action.text),
                    contact.phone if contact else None,
                    tuple(self.condition(ref.when)),
                    tuple(self.condition(ref.unless)),
                )
            )
        return lines

    def source(self, ref: SourceRef) -> Citation:
        """Return the citation of a rule, linking to the section when the kader gives one."""
        doc = self.kader.sources.get(ref.document)
        title, url = (doc.title, ref.url or doc.url) if doc else (ref.document, ref.url)
        return Citation(f"bron-{ref.document}", title, ref.section, url)

    def norm_uses(self, norm_id: str) -> list[tuple[str, str]]:
        """Return where a norm is applied: (anchor, words) for each answer and route."""
        uses = []
        for qid in self.kader.afwegingen():
            for answer, branch in (self.kader.questions[qid].answers or {}).items():
                if branch.norm == norm_id:
                    shown = f"{self.question(qid)} – {self.answer(qid, answer)}"
                    uses.append((self.anchor(qid), shown))
        for route_id, route in self.kader.routes.items():
            if route.norm == norm_id:
                uses.append((f"route-{route_id}", self.t(route.title)))
        return uses

    def unconfirmed(self) -> list[tuple[str, str]]:
        """Return every unconfirmed rule of the kader as (page anchor, name)."""
        found = []
        for prefix, items in self._rule_groups():
            for item_id, item in items.items():
                anchor = f"{prefix}-{item_id}"
                name = (
                    self.question(item_id) if prefix in ("afweging", "vraag") else self.name(item)
                )
                if item.status == "onbevestigd":
                    found.append((anchor, name))
                parts = {**getattr(item, "duties", {}), **getattr(item, "steps", {})}
                for part_id, part in parts.items():
                    if part.status == "onbevestigd":
                        found.append((f"{anchor}-{part_id}", self.name(part)))
                for answer, branch in (getattr(item, "answers", None) or {}).items():
                    if branch.status == "onbevestigd":
                        found.append((anchor, f"{name} – {self.answer(item_id, answer)}"))
        return found

    def name(self, item) -> str:
        """Return the title of a rule, or its label when it has no title."""
        return self.t(getattr(item, "title", None) or item.label)

    def _rule_groups(self):
        """Return every group of rules with the anchor prefix its page section uses."""
        k = self.kader
        questions = k.questions.items()
        return (
            ("stap", k.steps),
            ("check", k.checks),
            ("afweging", {qid: q for qid, q in questions if q.kind == "afweging"}),
            ("vraag", {qid: q for qid, q in questions if q.kind != "afweging"}),
            ("uitkomst", k.outcomes),
            ("norm", k.norms),
            ("bijzonder", k.special_cases),
            ("route", k.routes),
            ("gesprek", k.gesprek.skip_reasons),
            ("informeren", k.informeren.exceptions),
            ("contact", k.contacts),
        )

    def decisions(self, beslissing) -> list[str]:
        """Return what a branch or outcome decides, e.g. ``Melden: ja``."""
        if beslissing is None:
            return []
        return [
            f"{DECISION_LABELS[key]}: {_('ja') if value else _('nee')}"
            for key, value in beslissing.model_dump().items()
            if value is not None
        ]


def status_label(status: str) -> str:
    """Return a confirmation status in words."""
    return str(STATUS_LABELS.get(status, status))


def tel(phone: str) -> str:
    """Return a ``tel:`` link target: the digits of a phone number (keeping a leading +)."""
    return "tel:" + "".join(c for c in phone if c.isdigit() or c == "+")
