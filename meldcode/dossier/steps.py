"""The five steps of a case as the dossier prints them, each with what was recorded in it.

Which step holds what follows the kader: its ``step_layout`` and the afwegingen each step
lists. Colleagues' independent answers are set beside the owner's, differences marked.
"""

from dataclasses import dataclass
from dataclasses import field

from meldcode.casus.casefile import CaseFile
from meldcode.dossier import records
from meldcode.dossier.records import LONG_TEXT
from meldcode.kader import Decision
from meldcode.kader import words
from meldcode.kader.words import Cite
from meldcode.kader.words import Words


@dataclass
class Afweging:
    """An afweging with the answer given, the answer that counted, and the motivation."""

    anchor: str
    title: str
    text: str
    answer: str
    counted: str
    overruled_by: str
    motivation: str
    on_path: bool
    cite: Cite
    others: list[str]

    @property
    def long(self) -> bool:
        """Tell whether the afweging is too long to keep together on one page."""
        return len(self.motivation) + len(self.text) > LONG_TEXT


@dataclass
class Consult:
    """A colleague's advice and independent answers, beside the owner's."""

    colleague: str
    finished: bool
    advice: str
    rows: list[tuple[str, str, str, bool]]  # (afweging, owner, colleague, differs)
    motivations: list[tuple[str, str]]

    @property
    def long(self) -> bool:
        """Tell whether the advice is too long to keep together on one page."""
        return len(self.advice) + sum(len(t) for _q, t in self.motivations) > LONG_TEXT


@dataclass
class StepView:
    """One step of the meldcode with everything recorded in it."""

    number: int
    title: str
    anchor: str
    done: bool
    cite: Cite
    items: dict[str, list] = field(default_factory=dict)
    differing: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Tell whether nothing was recorded in this step."""
        return not any(self.items.values())


def consultations(case: CaseFile, kader, lang: str) -> list[Consult]:
    """Return each colleague's in-tool advice and answers, marking where they differ."""
    out = []
    for c in case.consultaties:
        rows = []
        for qid in kader.afwegingen():
            own, theirs = case.antwoorden.get(qid), c.antwoorden.get(qid)
            if own is None and theirs is None:
                continue
            differs = c.klaar and own is not None and theirs is not None and own != theirs
            title = Words(kader, lang).question(qid)
            rows.append((title, words.yes_no(own), words.yes_no(theirs), differs))
        motivations = [(Words(kader, lang).question(q), t) for q, t in c.motivaties.items() if t]
        out.append(Consult(c.collega, c.klaar, c.advies, rows, motivations))
    return out


def afwegingen(case: CaseFile, decision: Decision, qids: list[str], lang: str) -> list[Afweging]:
    """Return the afwegingen of one step: given answer, counted answer, motivation, source."""
    kader = decision.kader.model
    on_path = {s.vraag: s for s in decision.pad}
    out = []
    for qid in qids:
        q = kader.questions[qid]
        given = case.antwoorden.get(qid)
        step = on_path.get(qid)
        norm = kader.norms.get(step.overruled_by) if step and step.overruled_by else None
        others = [
            f"{c.collega}: {words.yes_no(c.antwoorden[qid])}"
            for c in case.consultaties
            if c.klaar and c.antwoorden.get(qid) not in (None, given) and given is not None
        ]
        out.append(
            Afweging(
                f"afweging-{qid}",
                Words(kader, lang).question(qid),
                q.text.get(lang),
                words.yes_no(given),
                words.yes_no(step.antwoord) if norm else "",
                norm.title.get(lang) if norm else "",
                case.motivaties.get(qid, ""),
                step is not None,
                words.cite(kader, q.source, q.status),
                others,
            )
        )
    return out


def step_views(case: CaseFile, decision: Decision, lang: str) -> list[StepView]:
    """Return the kader's steps in order, each with what the case recorded in it."""
    kader = decision.kader.model
    ordered = kader.ordered_steps()
    placed = {q for _sid, step in ordered for q in step.afwegingen}
    loose = [q for q in kader.afwegingen() if q not in placed and q in case.antwoorden]
    out = []
    for _sid, step in ordered:
        n = step.number
        parts: dict[str, list] = {}
        if n == 1:
            parts["inputs"] = records.inputs(case, kader, lang, 1)
            parts["signals"] = records.signals(case, kader, lang)
            parts["checks"] = records.checks(case, kader, lang)
        elif n == 2:
            parts["overleg"] = records.overleg(case, lang)
            parts["inputs"] = records.inputs(case, kader, lang, 2)
            parts["consultations"] = consultations(case, kader, lang)
        elif n == 3:
            parts["gesprekken"] = records.gesprekken(case, kader, lang)
        elif n == 4:
            parts["professionals"] = records.professionals(case, lang)
        qids = list(step.afwegingen) + (loose if n == ordered[-1][1].number else [])
        # An unanswered afweging off the path says nothing; the one the kader waits for does.
        qids = [q for q in qids if q in case.antwoorden or q in decision.nog_nodig]
        parts["afwegingen"] = afwegingen(case, decision, qids, lang)
        view = StepView(
            n,
            step.title.get(lang),
            f"stap-{n}",
            n in case.stappen_klaar,
            words.cite(kader, step.source, step.status),
            parts,
        )
        if n == 2:
            view.differing = sorted(
                {row[0] for c in parts["consultations"] for row in c.rows if row[3]}
            )
        out.append(view)
    return out
