"""At most N dossier renders at once on this machine, across every worker process.

A render takes a core for about half a second (longer for a large case), so more renders
than cores only makes each of them slower. Each slot is a file in the instance folder
locked with ``flock``; the kernel frees a lock when its process dies, so a crashed worker
never keeps a slot. Taking a slot never waits: a web page can say "wait, it refreshes
itself" instead of hanging or erroring (security.md PDF-04).
"""

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SLOT_FOLDER = "pdf-slots"


class Busy(RuntimeError):
    """Every render slot is taken; try again shortly."""


def slot_count(setting: int | str | None) -> int:
    """Return the number of slots: the ``PDF_CONCURRENCY`` setting, 0 meaning the cores."""
    wanted = int(setting or 0)
    if wanted < 0:
        raise ValueError("PDF_CONCURRENCY must be 0 (as many as there are cores) or more")
    return wanted or (os.cpu_count() or 1)


class RenderSlots:
    """N lockable slot files shared by every process that uses the same folder."""

    def __init__(self, instance: Path, slots: int | str | None = 0):
        """Use ``instance/pdf-slots``; ``slots`` as the ``PDF_CONCURRENCY`` setting."""
        self.folder = Path(instance) / SLOT_FOLDER
        self.count = slot_count(slots)
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
        raise Busy("every dossier render slot is in use")
