"""How much printing a machine does at once, and how large a case it prints at all.

Renders run in the background worker (meldcode.jobs), never in a web worker. A render keeps
a core busy for as long as it lasts, so a machine prints fewer documents at once than it
has cores: one core always stays for the web pages and the database. Each slot is a file
in the instance folder locked with ``flock``, so the limit holds for every worker process
that shares the folder; the kernel frees a lock when its process dies, so a crashed worker
never keeps a slot. Taking a slot never waits: a worker thread that finds none free puts
its render back in the queue and stays free for mail. Each render then runs in a child
process within a time and a memory limit (meldcode.dossier.bounded); a case too large to
print within them is refused before anyone waits for it (:func:`printable`).
"""

import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["Busy", "RenderSlots", "printable", "render_slots", "slot_count"]
log = logging.getLogger("meldcode.dossier")
SLOT_FOLDER = "pdf-slots"
# The largest case the worker prints: three times what the forms let a case grow to
# (meldcode.casus.limits), so every case made in the app prints, and so do older or
# imported ones up to about 750 pages. 120 signals of 20,000 characters (2.4 MB, 613
# pages) print in about 40 s and 460 MB on a quiet machine: well within the render limits
# (RENDER_SECONDS 300, RENDER_MEMORY_MB 2048) on a busy one. docs/dossier.md has the figures.
PRINT_RECORDS = 1_200
PRINT_BYTES = 3_000_000


class Busy(RuntimeError):
    """Every render slot is taken; try again shortly."""


def printable(records: int, size: int) -> bool:
    """Tell whether a case of ``records`` records and ``size`` bytes of text is printed."""
    return records <= PRINT_RECORDS and size <= PRINT_BYTES


def slot_count(setting: int | str | None, cores: int | None = None) -> int:
    """Return the number of slots: ``PDF_CONCURRENCY`` (0: all it may), fewer than the cores.

    A machine with one core cannot keep one free: it gets one slot, and the renders' lower
    priority (meldcode.jobs.printing) leaves the pages first.
    """
    wanted = int(setting or 0)
    if wanted < 0:
        raise ValueError("PDF_CONCURRENCY must be 0 (as many as the cores allow) or more")
    cores = cores or os.cpu_count() or 1
    most = max(1, cores - 1)
    if wanted > most:
        log.warning("PDF_CONCURRENCY %d lowered to %d: one core stays free", wanted, most)
    return min(wanted or most, most)


class RenderSlots:
    """N lockable slot files shared by every process that uses the same folder."""

    def __init__(self, instance: Path, slots: int | str | None = 0, cores: int | None = None):
        """Use ``instance/pdf-slots``; ``slots`` as ``PDF_CONCURRENCY``."""
        self.folder = Path(instance) / SLOT_FOLDER
        self.count = slot_count(slots, cores)
        self.folder.mkdir(parents=True, exist_ok=True)

    @contextmanager
    def slot(self) -> Iterator[int]:
        """Hold a free slot while the block runs; raise Busy at once when none is free."""
        # Start at a place that differs per process, so workers do not all try slot 0 first.
        first = os.getpid() % self.count
        for offset in range(self.count):
            number = (first + offset) % self.count
            handle = open(self.folder / f"slot-{number}.lock", "a")  # closed below
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue
            try:
                yield number
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
                handle.close()
            return
        raise Busy("every render slot is in use")


def render_slots(settings) -> RenderSlots:
    """Return the render slots the settings ask for."""
    return RenderSlots(Path(settings["INSTANCE_PATH"]), settings.get("PDF_CONCURRENCY", 0))
