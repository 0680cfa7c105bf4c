"""Where a rule is written, as a reader sees it: document, publisher, section, link, status.

The kader page links each rule to its source; the dossier numbers the documents it cites
(``number`` is set once the whole dossier is built, in order of first mention).
"""

from dataclasses import dataclass

from meldcode.kader.model import Kader
from meldcode.kader.model_parts import SourceRef
from meldcode.kader.words.labels import status_label


@dataclass
class Cite:
    """A rule's source: the document and section, a link, and whether a source confirms it."""

    anchor: str
    title: str
    publisher: str
    date: str
    section: str
    url: str | None
    citation: str
    status: str
    unconfirmed: bool
    number: int = 0


def cite(kader: Kader, ref: SourceRef, status: str = "bevestigd") -> Cite:
    """Return the citation of a rule from its source reference."""
    doc = kader.sources.get(ref.document)
    anchor = f"bron-{ref.document}"
    if doc is None:  # the linter forbids this; show the bare reference rather than fail
        return Cite(
            anchor, ref.document, "", "", ref.section, ref.url, "", status_label(status), True
        )
    return Cite(
        anchor,
        doc.title,
        doc.publisher,
        doc.date.isoformat() if doc.date else "",
        ref.section,
        ref.url or doc.url,
        doc.citation or "",
        status_label(status),
        status != "bevestigd",
    )


def cite_bron(bron: dict) -> Cite:
    """Return the citation of a decision-contract ``bron`` object."""
    return Cite(
        f"bron-{bron['document']}",
        bron["titel"],
        bron["uitgever"],
        bron["datum"] or "",
        bron["sectie"],
        bron["url"],
        bron["vindplaats"] or "",
        status_label(bron["status"]),
        bron["status"] != "bevestigd",
    )
