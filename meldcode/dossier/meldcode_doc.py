"""'Meldcode van <organisatie>': the document the law asks for, as one view model.

Pure: no Flask, no WeasyPrint, no python-docx. The PDF (:mod:`meldcode_pdf`) and the
editable document (:mod:`meldcode_docx`) print the same sections. Every part says where
its text comes from: the organisation's own text (``eigen``), the adopted kader's
(``kader``, with its version and source) or the law (``wet``), so the two never blur.
"""

import datetime
from dataclasses import dataclass

from meldcode.dossier import cover
from meldcode.dossier import meldcode_parts as parts
from meldcode.dossier.meldcode_blocks import Section
from meldcode.eigen_meldcode import EigenMeldcode
from meldcode.eigen_meldcode import check
from meldcode.kader import Registry
from meldcode.kader import ResolvedKader
from meldcode.kader import UnknownKader
from meldcode.kader import words
from meldcode.kader.i18n import _
from meldcode.kader.i18n import using


@dataclass
class MeldcodeDocument:
    """Everything the document prints, already in its language."""

    language: str
    title: str
    organisation: str
    status: str
    facts: list[tuple[str, str]]
    sections: list[Section]
    sources: list[words.Cite]
    printed: str
    concept: bool
    page_words: tuple[str, str, str] = ("pagina ", " van ", "")


def kaders_of(meldcode: EigenMeldcode, registry: Registry, day: datetime.date):
    """Return the adopted kaders in the version valid on ``day`` (or their newest)."""
    found = []
    for kader_id in meldcode.kaders:
        try:
            found.append(registry.valid_on(kader_id, day))
        except UnknownKader:
            try:
                found.append(registry.get(kader_id))
            except UnknownKader:
                continue  # the check reports it; the document prints what it can
    return found


def build_document(
    meldcode: EigenMeldcode,
    registry: Registry,
    language: str = "nl",
    printed: datetime.date | None = None,
) -> MeldcodeDocument:
    """Return the document of an organisation's meldcode in ``language`` (nl or en)."""
    lang = "en" if language == "en" else "nl"
    printed = printed or datetime.date.today()
    day = meldcode.vastgesteld_op or printed
    with using(lang):
        kaders: list[ResolvedKader] = kaders_of(meldcode, registry, day)
        sources: list[words.Cite] = []
        org = meldcode.organisatie or _("de organisatie")
        result = check(meldcode, registry.ids())
        sections = parts.sections(meldcode, kaders, org, lang, sources, result)
        return MeldcodeDocument(
            language=lang,
            title=_("Meldcode van %(org)s") % {"org": org},
            organisation=org,
            status=_status(meldcode, lang),
            facts=_facts(meldcode, kaders, lang, printed),
            sections=sections,
            sources=sources,
            printed=words.day(printed, lang),
            concept=meldcode.versie is None,
            page_words=cover.page_words(),
        )


def _status(meldcode: EigenMeldcode, lang: str) -> str:
    """Return the adoption line, or say that this is a concept."""
    if meldcode.versie is None:
        return _("Concept: nog niet vastgesteld.")
    text = _("Versie %(version)s, vastgesteld op %(day)s") % {
        "version": meldcode.versie,
        "day": words.day(meldcode.vastgesteld_op, lang),
    }
    if meldcode.vastgesteld_door:
        text += _(" door %(who)s") % {"who": meldcode.vastgesteld_door}
    return text + "."


def _facts(meldcode, kaders, lang, printed) -> list[tuple[str, str]]:
    """Return the cover table: organisation, version, adoption, kaders, print date."""
    rows = [
        (_("Organisatie"), meldcode.organisatie),
        (_("Versie"), str(meldcode.versie) if meldcode.versie else _("concept")),
        (_("Vastgesteld op"), words.day(meldcode.vastgesteld_op, lang)),
        (_("Vastgesteld door"), meldcode.vastgesteld_door),
        (
            _("Afwegingskader"),
            "; ".join(f"{k.model.title.get(lang)} ({k.version})" for k in kaders),
        ),
        (_("Afgedrukt op"), words.day(printed, lang)),
    ]
    return [(label, value) for label, value in rows if value]
