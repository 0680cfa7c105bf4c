"""The chapters of 'Meldcode van <organisatie>', each built from the meldcode and its kaders.

Called by :func:`meldcode.dossier.meldcode_doc.build_document` inside the document's
language. Kader text and the organisation's own text always go into separate parts.
"""

from meldcode.dossier import words
from meldcode.dossier.meldcode_doc import Block
from meldcode.dossier.meldcode_doc import Part
from meldcode.dossier.meldcode_doc import Section
from meldcode.eigen_meldcode import EigenMeldcode
from meldcode.eigen_meldcode.contacts import rol_label
from meldcode.eigen_meldcode.contacts import veilig_thuis_contact
from meldcode.eigen_meldcode.model import STAPPEN
from meldcode.eigen_meldcode.model import Relevant
from meldcode.eigen_meldcode.reference import elementen
from meldcode.kader.i18n import _

# Where each element of the completeness check is printed (section anchors).
ELEMENT_SECTION = {
    "stappenplan": "stappenplan",
    "afwegingskader": "afwegingskader",
    "taakverdeling": "wie-doet-wat",
    "beslisser_melden": "wie-doet-wat",
    "aandachtsfunctionaris": "wie-doet-wat",
    "bijzondere_vormen": "bijzondere-vormen",
    "verwijsindex": "verwijsindex",
    "kindcheck": "kindcheck",
    "vertrouwelijkheid": "vertrouwelijkheid",
    "bestuur": "bestuur",
    "scholing_en_evaluatie": "scholing",
    "veilig_thuis_regio": "sociale-kaart",
    "sociale_kaart": "sociale-kaart",
    "doel_en_reikwijdte": "doel",
}


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
        Section("wie-doet-wat", _("Wie doet wat"), [mine(*_roles(meldcode))]),
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
        Section("sociale-kaart", _("Veilig Thuis en sociale kaart"), [mine(*_map(meldcode))]),
    ]
    titles = {s.anchor: s.title for s in found}
    found.append(
        Section(
            "vaststelling",
            _("Vaststelling en wettelijke elementen"),
            [mine(*_adoption(meldcode, lang)), _checklist(result, titles, lang)],
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


def _roles(meldcode: EigenMeldcode) -> list[Block]:
    """Return the named roles and the tasks per group of staff."""
    blocks = []
    final = meldcode.met_rol("beslisser_melden")
    if final:
        who = ", ".join(r.naam or r.functie for r in final)
        blocks.append(Block("p", _("Het laatste woord over melden heeft: %(who)s.") % {"who": who}))
    rows = [
        [
            rol_label(r.rol),
            " – ".join(x for x in (r.naam, r.functie) if x),
            r.telefoon,
            r.email,
            r.taken,
        ]
        for r in meldcode.rollen
        if r.genoemd()
    ]
    if rows:
        head = [_("Rol"), _("Wie"), _("Telefoon"), _("E-mail"), _("Taken")]
        blocks.append(Block("table", head=head, rows=rows))
    if meldcode.taakverdeling:
        blocks.append(Block("h", _("Per groep medewerkers")))
        rows = [[t.groep, t.taken] for t in meldcode.taakverdeling]
        blocks.append(Block("table", head=[_("Groep"), _("Wat zij doen")], rows=rows))
    return blocks


def _map(meldcode: EigenMeldcode) -> list[Block]:
    """Return the Veilig Thuis region with its number, and the sociale kaart."""
    vt = veilig_thuis_contact(meldcode)
    blocks = [
        Block(
            "p",
            _("%(name)s: %(phone)s. %(note)s Bij direct gevaar: 112.")
            % {"name": vt.wie, "phone": vt.telefoon, "note": vt.toelichting},
        )
    ]
    if meldcode.sociale_kaart:
        rows = [[a.naam, a.telefoon, a.aanbod] for a in meldcode.sociale_kaart]
        head = [_("Organisatie"), _("Telefoon"), _("Wat zij bieden")]
        blocks.append(Block("table", head=head, rows=rows))
    return blocks


def _adoption(meldcode: EigenMeldcode, lang: str) -> list[Block]:
    """Return who adopted the meldcode, when, and which version this is."""
    if meldcode.versie is None:
        return [Block("p", _("Concept: nog niet vastgesteld."))]
    return [
        Block(
            "p",
            _("Versie %(version)s, vastgesteld op %(day)s door %(who)s.")
            % {
                "version": meldcode.versie,
                "day": words.day(meldcode.vastgesteld_op, lang),
                "who": meldcode.vastgesteld_door or "–",
            },
        )
    ]


def _checklist(result, titles: dict[str, str], lang: str) -> Part:
    """Return the art. 2 elements with where they are printed and whether they are there."""
    missing = {b.id for b in result.ontbreekt} | {b.id for b in result.aanbevolen}
    rows = []
    for element_id, element in elementen().elementen.items():
        state = _("ontbreekt") if element_id in missing else _("ingevuld")
        where = titles.get(ELEMENT_SECTION.get(element_id, ""), "")
        kind = element.artikel or _("aanbevolen")
        rows.append(
            [element.label.get(lang), kind, where, state, words.status_label(element.status)]
        )
    head = [_("Element"), _("Grondslag"), _("In hoofdstuk"), _("Stand"), _("Bevestiging")]
    note = Block(
        "p",
        _(
            "Besluit verplichte meldcode huiselijk geweld en kindermishandeling, "
            "Stb. 2013, 324 (BWBR0033723). Elementen met 'onbevestigd' volgen de "
            "gangbare lezing van artikel 2; de wettekst zelf is niet nagelezen."
        ),
    )
    return Part("wet", _("Wat de wet vraagt"), [note, Block("table", head=head, rows=rows)])
