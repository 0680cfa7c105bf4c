"""How large one case may grow: the limits the forms and the case file import hold to.

A meldcode case that runs for weeks holds tens of records and some tens of thousands of
characters. The limits sit far above that, and low enough that the dossier of the largest
case they allow prints well within a web worker's time (docs/dossier.md measures it):
without them, a case of 230 signals of 20,000 characters could never be downloaded.
"""

from meldcode.kader.i18n import _

MAX_RECORDS = 500  # signals, consultations, conversations, answers … together
MAX_BYTES = 1_200_000  # the records as stored (UTF-8 JSON, encrypted): about a million characters


class CaseFull(Exception):
    """A save would take the case past its limits; nothing was saved."""

    def __init__(self):
        """Say what the limits are and what to do."""
        super().__init__(
            _(
                "deze casus is vol: hoogstens {records} onderdelen en ongeveer een miljoen "
                "tekens. Maak teksten korter of verwijder wat niet meer nodig is."
            ).format(records=MAX_RECORDS)
        )


def fits(records: int, stored_bytes: int) -> bool:
    """Tell whether a case of this many records and stored bytes is within the limits."""
    return records <= MAX_RECORDS and stored_bytes <= MAX_BYTES
