"""The chapters of 'Meldcode van <organisatie>', each built from the meldcode and its kaders.

Called by :func:`meldcode.dossier.meldcode_doc.build_document` inside the document's
language. Kader text and the organisation's own text always go into separate parts.
"""

from meldcode.dossier import meldcode_tables as tables
from meldcode.dossier.meldcode_blocks import Block
from meldcode.dossier.meldcode_blocks import Part
from meldcode.dossier.meldcode_blocks import Section
from meldcode.eigen_meldcode import EigenMeldcode
from meldcode.eigen_meldcode.model import STAPPEN
from meldcode.eigen_meldcode.model import Relevant
from meldcode.kader import words
from meldcode.kader.i18n import _


def sections(meldcode: EigenMeldcode, kaders, org: str, lang: str, sources, result):
    """Return every chapter in order; ``sources`` collects the numbered citations."""
    own = _("Eigen tekst van %(org)s") % {"org": org}

    def mine(*blocks: Block) -> Part:
        """Return a part with the organisation's own text."""
        return Part("eigen", own, list(blocks) or [_empty()])

    found = [
        Section("doel", _("Doel en reikwijdte"), [mine(*_text(meldcode.doel_en_reikwijdte))]),
        Section("stappenplan", _("Het stappenplan"), _steps(meldcode, kaders, lang, sources, mine)),
        Section("afwegingskader", _("Het afwegingskader"), _weighing(kaders, lang, sources)),
        Section("wie-doet-wat", _("Wie doet wat"), [mine(*tables.roles(meldcode))]),
        Section(
            "bijzondere-vormen",
            _("Bijzondere vormen van geweld"),
            [mine(*_relevant(meldcode.bijzondere_vormen))] + _special(kaders, lang),
        ),
        Section(
            "verwijsindex",
            _("Verwijsindex risicojongeren"),
            [mine(*_relevant(meldcode.verwijsindex))],
        ),
        Section("kindcheck", _("Kindcheck"), [mine(*_relevant(meldcode.kindcheck))]),
        Section(
            "vertrouwelijkheid",
            _("Omgaan met vertrouwelijke informatie"),
            [mine(*_text(meldcode.vertrouwelijkheid))],
        ),
        Section(
            "bestuur", _("Verantwoordelijkheden van het bestuur"), [mine(*_text(meldcode.bestuur))]
        ),
        Section(
            "scholing", _("Scholing en evaluatie"), [mine(*_text(meldcode.scholing_en_evaluatie))]
        ),
        Section(
            "sociale-kaart", _("Veilig Thuis en sociale kaart"), [mine(*tables.help_map(meldcode))]
        ),
    ]
    titles = {s.anchor: s.title for s in found}
    found.append(
        Section(
            "vaststelling",
            _("Vaststelling en wettelijke elementen"),
            [mine(*tables.adoption(meldcode, lang)), tables.checklist(result, titles, lang)],
        )
    )
    return found


def _empty() -> Block:
    """Return the line printed where the organisation has not written anything yet."""
    return Block("p", _("Nog niet ingevuld."))


def _text(value: str) -> list[Block]:
    """Return free text as paragraphs (one per blank-line-separated block)."""
    return [Block("p", chunk.strip()) for chunk in value.split("\n\n") if chunk.strip()]


def _relevant(value: Relevant) -> list[Block]:
    """Return a 'where relevant' element: whether it applies, and how or why not."""
    if value.van_toepassing is None and not value.tekst:
        return []
    applies = {"ja": _("ja"), "nee": _("nee"), None: _("nog niet gekozen")}[value.van_toepassing]
    return [Block("p", _("Van toepassing: %(answer)s") % {"answer": applies}), *_text(value.tekst)]


def _cite(kader, ref, status, sources) -> str:
    """Give a kader source its number (once per document); return the short reference."""
    cite = words.cite(kader, ref, status)
    key = (cite.title, cite.publisher, cite.url)
    for known in sources:
        if (known.title, known.publisher, known.url) == key:
            cite.number = known.number
            break
    else:
        cite.number = len(sources) + 1
        sources.append(cite)
    return _("Bron [%(n)s]: %(section)s") % {"n": cite.number, "section": ref.section}


def _kader_label(kader, lang: str) -> str:
    """Return the label of a kader part: which kader and which version."""
    return _("Uit het afwegingskader: %(title)s, versie %(version)s") % {
        "title": kader.model.title.get(lang),
        "version": kader.version,
    }


def _steps(meldcode, kaders, lang, sources, mine) -> list[Part]:
    """Return the kaders' five steps, then the organisation's own agreements per step."""
    parts = []
    for kader in kaders:
        part = Part("kader", _kader_label(kader, lang))
        for _id, step in kader.model.ordered_steps():
            part.blocks.append(Block("h", f"{_('Stap')} {step.number}. {step.title.get(lang)}"))
            part.blocks.append(Block("p", step.help.get(lang)))
            part.blocks.append(Block("p", _cite(kader.model, step.source, step.status, sources)))
        parts.append(part)
    agreed = []
    for number, key in enumerate(STAPPEN, start=1):
        if meldcode.stappen.get(key):
            agreed.append(Block("h", f"{_('Stap')} {number}"))
            agreed.extend(_text(meldcode.stappen[key]))
    own = mine(*agreed)
    own.label = _("Eigen afspraken per stap") + " · " + own.label
    return parts + [own]


def _weighing(kaders, lang, sources) -> list[Part]:
    """Return each kader's afwegingen as a table, with their sources."""
    parts = []
    for kader in kaders:
        model = kader.model
        rows = []
        for qid in model.afwegingen():
            question = model.questions[qid]
            cite = _cite(model, question.source, question.status, sources)
            rows.append(
                [
                    str(question.number or ""),
                    question.label.get(lang),
                    f"{question.text.get(lang)} ({cite})",
                ]
            )
        blocks = [
            Block("p", model.summary.get(lang)),
            Block("table", head=[_("Nr."), _("Afweging"), _("Vraag")], rows=rows),
        ]
        parts.append(Part("kader", _kader_label(kader, lang), blocks))
    return parts or [Part("kader", _("Afwegingskader"), [Block("p", _("Nog geen kader gekozen."))])]


def _special(kaders, lang) -> list[Part]:
    """Return the special forms of violence the kaders name (their own text)."""
    parts = []
    for kader in kaders:
        names = [case.title.get(lang) for case in kader.model.special_cases.values()]
        if names:
            intro = Block("p", _("Het afwegingskader noemt deze bijzondere situaties:"))
            parts.append(
                Part("kader", _kader_label(kader, lang), [intro, Block("list", items=names)])
            )
    return parts
