"""Reading input files with a bound: never more than the limit plus one byte.

Kaders, scenarios, answers and case files are small (256 KiB at most). Whatever is passed
instead, a device such as ``/dev/zero``, a file of gigabytes, a stream without end, is
refused after reading one byte more than the limit.
"""

from meldcode.kader.errors import Issue
from meldcode.kader.errors import KaderError
from meldcode.kader.i18n import _

MAX_BYTES = 256 * 1024


def read_capped(source, name: str, limit: int = MAX_BYTES) -> bytes:
    """Read at most ``limit`` + 1 bytes of a file, device or stream; refuse anything longer.

    ``source`` is a path or an open binary stream (stdin). ``/dev/zero`` or a file of
    gigabytes is refused after reading one byte more than the limit, never read whole.
    OSError passes through: the caller says in its own words that the file cannot be read.
    """
    if hasattr(source, "read"):
        raw = source.read(limit + 1)
    else:
        with open(source, "rb") as handle:
            raw = handle.read(limit + 1)
    check_size(raw, name, limit)
    return raw


def check_size(raw: bytes, name: str, limit: int = MAX_BYTES) -> None:
    """Refuse more bytes than the limit."""
    if len(raw) > limit:
        raise KaderError(
            [
                Issue(
                    name,
                    None,
                    "",
                    _("bestand is groter dan de grens van {limit} bytes").format(limit=limit),
                )
            ]
        )
