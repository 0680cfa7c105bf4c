"""The organisation's own meldcode in a case's dossier: which version, and the contacts used.

Pure: read from the case file (``eigen_meldcode``, filled by the export), so the command
line prints the same as the app.
"""

from dataclasses import dataclass
from dataclasses import field

from meldcode.casus.casefile import CaseFile
from meldcode.eigen_meldcode.contacts import rol_label
from meldcode.kader import words
from meldcode.kader.i18n import _


@dataclass
class MeldcodeView:
    """What the dossier prints about the organisation's meldcode (in the dossier's language)."""

    summary: str  # one line: which version, adopted when, or that there was none
    contacts: list[tuple[str, str, str]] = field(default_factory=list)  # (role, who, phone)


def meldcode_view(case: CaseFile, lang: str) -> MeldcodeView:
    """Return the meldcode version the case worked under, with the contacts it gave."""
    ref = case.eigen_meldcode
    if ref is None:
        return MeldcodeView(
            _(
                "Geen eigen meldcode vastgesteld toen de casus begon; de tool wees naar "
                "Veilig Thuis 0800-2000."
            )
        )
    summary = _("%(org)s, versie %(version)s, vastgesteld op %(day)s") % {
        "org": ref.organisatie,
        "version": ref.versie,
        "day": words.day(ref.vastgesteld_op, lang),
    }
    if ref.vastgesteld_door:
        summary += _(" door %(who)s") % {"who": ref.vastgesteld_door}
    return MeldcodeView(
        summary, [(rol_label(c.rol), c.wie, c.telefoon or "–") for c in ref.contacten]
    )
