"""The tables of 'Meldcode van <organisatie>': roles, the local help, adoption, the art. 2 list."""

from meldcode.dossier.meldcode_blocks import Block
from meldcode.dossier.meldcode_blocks import Part
from meldcode.eigen_meldcode import EigenMeldcode
from meldcode.eigen_meldcode.contacts import rol_label
from meldcode.eigen_meldcode.contacts import veilig_thuis_contact
from meldcode.eigen_meldcode.reference import elementen
from meldcode.kader import words
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


def roles(meldcode: EigenMeldcode) -> list[Block]:
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


def help_map(meldcode: EigenMeldcode) -> list[Block]:
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


def adoption(meldcode: EigenMeldcode, lang: str) -> list[Block]:
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


def checklist(result, titles: dict[str, str], lang: str) -> Part:
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
