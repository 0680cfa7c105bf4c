"""How large one case may grow: the limits the forms and the case file import hold to.

A meldcode case that runs for weeks holds tens of records and some tens of thousands of
characters. The limits sit far above that, and well below what the background worker
prints within its render limits (meldcode.dossier.limit.printable; docs/dossier.md
measures it), so the dossier of every case the forms allow can be downloaded.
"""

from meldcode.kader.i18n import _

# The pages that say a case is full name these numbers (templates/errors/_save_problems.html,
# templates/errors/*); tests/dossier/test_render_limits.py keeps them in step.
MAX_RECORDS = 400  # signals, consultations, conversations, answers … together
MAX_BYTES = 1_000_000  # the records as stored (UTF-8 JSON, encrypted): some 900,000 characters


class CaseFull(Exception):
    """A save would take the case past its limits; nothing was saved."""

    def __init__(self):
        """Say what the limits are and what to do."""
        super().__init__(
            _(
                "deze casus is vol: hoogstens {records} onderdelen en ongeveer 900.000 tekens. "
                "Maak teksten korter of verwijder wat niet meer nodig is."
            ).format(records=MAX_RECORDS)
        )


def fits(records: int, stored_bytes: int) -> bool:
    """Tell whether a case of this many records and stored bytes is within the limits."""
    return records <= MAX_RECORDS and stored_bytes <= MAX_BYTES


def size_of(case) -> tuple[int, int]:
    """Return (records, bytes of text) of a case file, counted as the limits count them.

    The event log is not counted: it holds no text, and the dossier prints it compacted.
    """
    singles = (
        case.gesprek_overslaan,
        case.overleg_professionals,
        case.beslissing,
        case.informeren,
        case.melding,
        case.evaluatie,
    )
    records = (
        len(case.signalen)
        + len(case.overleg)
        + len(case.consultaties)
        + len(case.gesprekken)
        + len(case.hulp)
        + len(set(case.antwoorden) | set(case.motivaties))
        + len(case.checks)
        + len(case.route_stappen)
        + len(case.stappen_klaar)
        + sum(1 for single in singles if single is not None)
    )
    return records, len(case.model_dump_json(exclude={"tijdlijn"}).encode())
