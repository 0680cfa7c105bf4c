"""The dossier as a view model: a case file, its kader version and the engine's decision.

Pure: no Flask, no WeasyPrint. The web app builds it from a stored case (via the case file
shape), the command line from a YAML case file; both print the same template.
"""

import datetime
from dataclasses import dataclass
from dataclasses import field
from pathlib import PurePath

from meldcode import __version__
from meldcode.casus import limits
from meldcode.casus.casefile import FORMAT
from meldcode.casus.casefile import CaseFile
from meldcode.dossier import after
from meldcode.dossier import cover
from meldcode.dossier import eigen
from meldcode.dossier import outcome
from meldcode.dossier import records
from meldcode.dossier import steps
from meldcode.dossier import timeline
from meldcode.kader import Decision
from meldcode.kader import Registry
from meldcode.kader import evaluate
from meldcode.kader import words
from meldcode.kader.answers import counted
from meldcode.kader.i18n import _
from meldcode.kader.i18n import using


@dataclass
class Dossier:
    """Everything the dossier template prints, already in the dossier's language."""

    language: str
    title: str
    label: str
    training: bool
    cover: list[tuple[str, str]]
    kader_note: str
    summary: str
    steps: list[steps.StepView]
    engine: outcome.EngineView
    choice: outcome.ChoiceView
    route: list[records.Item]
    after: after.AfterView
    timeline: list[tuple[str, str, str]]
    provenance: list[tuple[str, str]]
    unconfirmed: list[str]
    printed: str
    sources: list[words.Cite] = field(default_factory=list)
    with_contents: bool = False
    contents: list[tuple[str, str]] = field(default_factory=list)
    page_words: tuple[str, str, str] = ("pagina ", " van ", "")
    size: tuple[int, int] = (0, 0)  # records and bytes of text (meldcode.casus.limits)
    meldcode: eigen.MeldcodeView | None = None


def decide(case: CaseFile, registry: Registry) -> Decision:
    """Evaluate the case's answers with the case's own kader version, as every page does.

    Only answers to questions the kader asks count (meldcode.kader.answers.counted).
    Raises UnknownKader for a kader or version the registry lacks, and AnswerError for
    answers the kader does not accept.
    """
    kader = registry.get(case.casus.kader.id, case.casus.kader.versie)
    return evaluate(kader, counted(kader, case.antwoorden))


def build(
    case: CaseFile,
    decision: Decision,
    language: str = "nl",
    printed: datetime.date | None = None,
    training: bool | None = None,
) -> Dossier:
    """Return the dossier of a case in ``language`` (``nl`` or ``en``)."""
    lang = "en" if language == "en" else "nl"
    printed = printed or datetime.date.today()
    with using(lang):
        return _build(
            case, decision, lang, printed, case.casus.oefencasus if training is None else training
        )


def _build(case, decision, lang, printed, training) -> Dossier:
    """Build the view inside the dossier's language (see :func:`build`)."""
    kader = decision.kader.model
    head = case.casus
    unconfirmed = after.unconfirmed(decision, lang)
    own = eigen.meldcode_view(case, lang)
    facts = [
        (_("Organisatie"), head.organisatie or ""),
        (_("Eigenaar van de casus"), head.eigenaar or ""),
        (_("Afwegingskader"), kader.title.get(lang)),
        (_("Versie"), words.kader_version(kader.version, head.kader.versie)),
        (_("Geldig vanaf"), words.day(kader.valid_from, lang)),
        (_("Bevestiging"), words.status_label(kader.status)),
        (_("Meldcode van de organisatie"), own.summary),
        (_("Zorg sinds"), words.day(head.zorg_sinds, lang)),
        (_("Status van de casus"), _("gesloten") if head.status == "gesloten" else _("open")),
        (_("Dossier gearchiveerd op"), words.day(head.gearchiveerd_op, lang)),
        (_("Afgedrukt op"), words.day(printed, lang)),
    ]
    note = kader.status_note.get(lang) if kader.status_note else ""
    if unconfirmed:
        count = _("%(n)s regel(s) van dit kader zijn niet in een bron bevestigd; zie de bijlage.")
        note = (note + " " if note else "") + count % {"n": len(unconfirmed)}
    view = Dossier(
        language=lang,
        title=_("Dossier meldcode: %(label)s") % {"label": head.label},
        label=head.label,
        training=training,
        cover=[(k, v) for k, v in facts if v],
        kader_note=note,
        summary="",
        steps=steps.step_views(case, decision, lang),
        engine=outcome.engine_view(decision, lang),
        choice=outcome.choice_view(case, decision, lang),
        route=records.route_steps(case, decision, lang),
        after=after.after_view(case, decision, lang),
        timeline=timeline.timeline(case, decision, lang),
        provenance=[
            (_("Afwegingskader"), f"{kader.id} {kader.version}"),
            (_("Bouwt voort op"), decision.kader.parent or "–"),
            (_("Meldcode van de organisatie"), own.summary),
            (_("Bestanden"), ", ".join(PurePath(f).name for f in decision.kader.files)),
            (_("sha256 van het gebruikte kader"), decision.kader.sha256),
            (_("Versie van meldcode"), __version__),
            (_("Formaat van het casusbestand"), FORMAT),
        ],
        unconfirmed=unconfirmed,
        printed=words.day(printed, lang),
        page_words=cover.page_words(),
        meldcode=own,
    )
    view.size = limits.size_of(case)
    view.summary = cover.summary(view, decision)
    view.sources = cover.number_sources(view)
    view.contents = cover.contents(view)
    view.with_contents = cover.size(case) > cover.LONG_CHARACTERS
    return view
