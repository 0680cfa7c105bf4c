"""The two training PDFs as view models: the class report and a participant's own exercise.

Every text is resolved here, in the page language, so the print templates only lay out
strings. The class report holds counts, the model answers and the teaching notes: never a
name or a motivation. The participant's PDF holds only their own answers.
"""

from dataclasses import dataclass
from dataclasses import field

from meldcode.kader import Decision
from meldcode.kader import ResolvedKader
from meldcode.kader.i18n import _
from meldcode.kader.words import Words
from meldcode.kader.words import moment
from meldcode.training.library import TrainingCase
from meldcode.training.tally import ClassTally
from meldcode.web.i18n import language
from meldcode.web.oefenen.cites import Cites
from meldcode.web.oefenen.own import CaseWords
from meldcode.web.oefenen.own import model_of


@dataclass
class Row:
    """A line of a table: a label, a value, and whether it is the model answer."""

    label: str
    value: str
    is_model: bool = False


@dataclass
class Block:
    """A question or a decision in the report: a heading, table rows and explanations."""

    title: str
    rows: list[Row] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


@dataclass
class TrainingPdf:
    """Everything a training PDF prints; ``blocks`` are its sections in order."""

    language: str
    title: str
    subtitle: str
    fiction: str
    facts: list[tuple[str, str]]
    blocks: list[Block]
    notes: list[Block] = field(default_factory=list)
    watermark: str = ""


def answer_words(words: Words, qid: str, value) -> str:
    """Return an answer in words: ja/nee, or the chosen forms of violence."""
    if isinstance(value, list):
        return ", ".join(words.answer(qid, v) for v in value) or _("niets gekozen")
    return words.answer(qid, value) if value else _("nog niet beantwoord")


def outcome_words(kader: ResolvedKader, words: Words, o) -> str:
    """Return a decision (an OutcomeTally or a Decision) in one line of words."""
    model = kader.model
    if o.route != "meldcode" and o.route in model.routes:
        head = _("Route: %(route)s", route=words.t(model.routes[o.route].title))
    else:
        head = " · ".join(
            [
                _("Melden: %(value)s", value=_yes_no(o.melden)),
                _("Hulp: %(value)s", value=_yes_no(o.hulp)),
            ]
            + ([_("Afsluiten")] if o.afsluiten else [])
        )
    actions = [words.t(model.actions[a].label) for a in o.acties if a in model.actions]
    return head + (" — " + "; ".join(actions) if actions else "")


def _yes_no(value: bool | None) -> str:
    return _("nog niet beslist") if value is None else _("ja") if value else _("nee")


def class_report(row, case: TrainingCase, kader: ResolvedKader, counts: ClassTally) -> TrainingPdf:
    """Return the class report: distributions, decisions, model answers, discussion points."""
    words = CaseWords(kader.model, language(), case)
    cite = Cites(kader, words)
    blocks = []
    for q in counts.questions:
        block = Block(words.question(q.qid))
        for option, count in q.counts.items():
            block.rows.append(Row(words.answer(q.qid, option), str(count), q.is_model(option)))
        model = model_of(case, q.qid)
        if model is not None:
            block.lines.append(
                _("Modelantwoord: %(answer)s.", answer=answer_words(words, q.qid, model.answer))
                + " "
                + words.t(model.reasoning)
            )
            block.lines.append(_("Bron: ") + "; ".join(cite(c).label for c in model.cites))
        if model is not None:  # without a model answer nobody departs from it
            block.lines.append(
                _(
                    "%(departing)d van %(answered)d wijken af van het modelantwoord.",
                    departing=q.departing,
                    answered=q.answered,
                )
            )
        if q.before is not None:
            block.lines.append(_before_line(words, q))
        block.lines += [_("Gesprekspunt: ") + words.t(n.text) for n in q.notes]
        blocks.append(block)
    decisions = Block(_("Beslissingen"))
    for o in counts.outcomes:
        decisions.rows.append(Row(outcome_words(kader, words, o), str(o.count), o.is_model))
    decisions.lines.append(_("Modelbeslissing: ") + words.t(case.expected.explanation))
    blocks.append(decisions)
    notes = [
        Block(title, lines=[words.t(n.text) for n in group])
        for title, group in (
            (_("Gesprekspunten"), case.teaching_notes.discussion),
            (_("Valkuilen"), case.teaching_notes.pitfalls),
            (_("Wat het kader zegt"), case.teaching_notes.kader_says),
        )
        if group
    ]
    return _pdf(
        case,
        kader,
        words,
        _("Klasverslag"),
        blocks,
        notes,
        [
            (_("Deelnemers"), str(counts.participants)),
            (_("Klaar"), str(counts.done)),
            (_("Gestart"), moment(row.created_at, pattern="d MMMM y HH:mm")),
        ],
    )


def own_exercise(case, kader, answers: dict, decision: Decision, revealed=(), off=()):
    """Return a participant's own exercise: their answers, the decision and its trace.

    With the model answers the trainer revealed (and the model decision), and the answers
    no longer on the participant's path (``off``) marked as not counting.
    """
    words = CaseWords(kader.model, language(), case)
    mine = Block(_("Jouw antwoorden"))
    for qid, (value, motivation) in answers.items():
        if qid in kader.kinds or case.step_question(qid):
            given = answer_words(words, qid, value)
            if qid in off:
                given += " (" + _("niet meer op je pad; telt niet mee") + ")"
            mine.rows.append(Row(words.question(qid), given))
            if motivation:
                mine.rows.append(Row(_("Motivering"), motivation))
            model = model_of(case, qid) if qid in revealed else None
            if model is not None:
                text = f"{answer_words(words, qid, model.answer)}. {words.t(model.reasoning)}"
                mine.rows.append(Row(_("Modelantwoord"), text, True))
    outcome = Block(
        _("Uitkomst van het afwegingskader"), lines=[outcome_words(kader, words, decision)]
    )
    contract = decision.to_contract(language())
    for step in contract["pad"]:
        bron = step["bron"]
        outcome.rows.append(
            Row(
                words.question(step["vraag"]),
                f"{answer_words(words, step['vraag'], step['antwoord'])} · {_('Regel')} "
                f"{step['regel']} · {bron['titel']}, {bron['sectie']}",
            )
        )
    outcome.lines += contract["waarschuwingen"]
    if "beslissing" in revealed:
        outcome.lines.append(_("Modelbeslissing: ") + words.t(case.expected.explanation))
    return _pdf(case, kader, words, _("Mijn oefening"), [mine, outcome], [], [])


def _before_line(words, q) -> str:
    """Return the split before the reveal and how many changed their answer since."""
    split = ", ".join(f"{words.answer(q.qid, o)}: {n}" for o, n in q.before.items())
    return _(
        "Voor het tonen: %(split)s. %(changed)d van %(answered)d veranderden hun antwoord.",
        split=split,
        changed=q.changed,
        answered=q.before_answered,
    )


def _pdf(case, kader, words, title, blocks, notes, facts) -> TrainingPdf:
    """Return a training PDF with the case, the kader version and the watermark."""
    info = [
        (_("Casus"), words.t(case.title)),
        (
            _("Afwegingskader"),
            f"{words.t(kader.model.title)} ({kader.id}), "
            + _("versie %(version)s", version=kader.version),
        ),
        (_("Vingerafdruk (sha256)"), kader.sha256),
    ]
    return TrainingPdf(
        language=language(),
        title=f"{_('OEFENEN')} – {title}",
        subtitle=words.t(case.title),
        fiction=words.t(case.fiction_notice),
        facts=info + facts,
        blocks=blocks,
        notes=notes,
        watermark=_("OEFENEN"),
    )
