"""A kader's rules in words: questions, answers, conditions, actions and their sources.

The YAML speaks in ids (``when: {vormen: vgv}``); the pages, the diagram, the dossier and
the training PDFs speak in the labels of the questions and answers, in one language. All of
them use this one class, so a rule reads the same everywhere.
"""

from dataclasses import dataclass

from meldcode.kader.i18n import _
from meldcode.kader.model import Kader
from meldcode.kader.model_parts import ActionRef
from meldcode.kader.model_parts import SourceRef
from meldcode.kader.words.cites import Cite
from meldcode.kader.words.cites import cite
from meldcode.kader.words.labels import ANSWER_LABELS
from meldcode.kader.words.labels import DECISION_LABELS
from meldcode.kader.words.labels import yes_no


@dataclass(frozen=True)
class Clause:
    """One part of a condition: a question (with its page anchor) and the answers meant."""

    question: str
    anchor: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class ActionLine:
    """An action in words: what to do, with whom and their number, and when it applies."""

    id: str
    label: str
    text: str
    contact: str
    phone: str | None
    when: tuple[Clause, ...] = ()
    unless: tuple[Clause, ...] = ()


class Words:
    """Render the ids of one kader as labels in one language."""

    def __init__(self, kader: Kader, language: str):
        """Remember the kader and the language to speak."""
        self.kader = kader
        self.language = language

    def t(self, text) -> str:
        """Return a ``Text`` in this language; empty for a missing text."""
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
            label = self.t(question.label)
            return _("Afweging %(number)s: %(label)s", number=question.number, label=label)
        return self.t(question.label)

    def answer(self, qid: str, value) -> str:
        """Return an answer in words: ja/nee/onbekend, or the labels of the chosen options."""
        question = self.kader.questions.get(qid)
        choices = question.choices if question is not None and question.choices else {}
        if isinstance(value, list):
            shown = [self.t(choices[v].label) if v in choices else v for v in value]
            return ", ".join(shown) or _("niets gekozen")
        if value in choices:
            return self.t(choices[value].label)
        if value is None or isinstance(value, bool) or value in ANSWER_LABELS:
            return yes_no(value)
        return str(value)

    def outcome_or_question(self, target: str | None) -> str:
        """Return what followed an answer: an outcome, a route, or the next question."""
        if target is None:
            return ""
        if target in self.kader.outcomes:
            return self.t(self.kader.outcomes[target].label)
        if target in self.kader.routes:
            return self.t(self.kader.routes[target].title)
        return _("verder met %(question)s", question=self.question(target))

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

    def action(self, action_id: str, when=None, unless=None) -> ActionLine | None:
        """Return an action with its label, text, contact and phone number; None if unknown."""
        action = self.kader.actions.get(action_id)
        if action is None:
            return None
        contact = self.kader.contacts.get(action.contact) if action.contact else None
        return ActionLine(
            action_id,
            self.t(action.label),
            self.t(action.text),
            self.t(contact.label) if contact else "",
            contact.phone if contact else None,
            tuple(self.condition(when)),
            tuple(self.condition(unless)),
        )

    def actions(self, refs: list[ActionRef]) -> list[ActionLine]:
        """Return a rule's actions with the conditions they carry."""
        lines = [self.action(ref.id, ref.when, ref.unless) for ref in refs]
        return [line for line in lines if line is not None]

    def action_lines(self, ids) -> list[ActionLine]:
        """Return the actions of a decision (ids) in order, skipping unknown ones."""
        lines = [self.action(aid) for aid in ids]
        return [line for line in lines if line is not None]

    def source(self, ref: SourceRef, status: str = "bevestigd") -> Cite:
        """Return the citation of a rule, linking to the section when the kader gives one."""
        return cite(self.kader, ref, status)

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
            f"{DECISION_LABELS[key]}: {yes_no(value)}"
            for key, value in beslissing.model_dump().items()
            if value is not None
        ]
