"""At most N dossier renders at once on this machine, each within a time and memory limit.

The limit holds across every worker process. A render takes a core for about half a
second (longer for a large case), so more renders than cores only makes each slower; and
a render holds its web worker, so there are fewer slots than workers: at least one worker
stays free for pages. Each slot is a file in the instance folder locked with ``flock``;
the kernel frees a lock when its process dies, so a crashed worker never keeps a slot.
Taking a slot never waits: a web page can say "wait, it refreshes itself" instead of
hanging or erroring (security.md PDF-04). A render runs in a child process with a time and
a memory limit (meldcode.dossier.bounded); a case too large for them is refused at once.
"""

import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from meldcode.casus.limits import printable
from meldcode.dossier import bounded
from meldcode.dossier.bounded import TooLarge

__all__ = ["Busy", "RenderSlots", "TooLarge", "slot_count"]
log = logging.getLogger("meldcode.dossier")
SLOT_FOLDER = "pdf-slots"


class Busy(RuntimeError):
    """Every render slot is taken; try again shortly."""


def slot_count(setting: int | str | None, workers: int | str | None = 0) -> int:
    """Return the number of slots: ``PDF_CONCURRENCY``, 0 meaning the cores; fewer than workers.

    With ``workers`` web workers (0: unknown) at most ``workers - 1`` render at once, so
    one is always free for pages. A single worker can keep nobody free: it gets one slot.
    """
    wanted = int(setting or 0)
    if wanted < 0:
        raise ValueError("PDF_CONCURRENCY must be 0 (as many as there are cores) or more")
    count = wanted or (os.cpu_count() or 1)
    workers = int(workers or 0)
    if workers > 1 and count >= workers:
        if wanted:
            log.warning(
                "PDF_CONCURRENCY %d lowered to %d: one worker stays free", wanted, workers - 1
            )
        count = workers - 1
    elif workers == 1:
        log.warning("one web worker: a dossier render holds up every page while it runs")
        count = 1
    return max(1, count)


class RenderSlots:
    """N lockable slot files shared by every process that uses the same folder."""

    def __init__(
        self,
        instance: Path,
        slots: int | str | None = 0,
        workers: int | str | None = 0,
        seconds: float = 90,
        memory_mb: int = 1024,
    ):
        """Use ``instance/pdf-slots``; ``slots`` as ``PDF_CONCURRENCY``; limits per render."""
        self.folder = Path(instance) / SLOT_FOLDER
        self.count = slot_count(slots, workers)
        self.seconds = float(seconds)
        self.memory = int(memory_mb) * 1024 * 1024
        self.folder.mkdir(parents=True, exist_ok=True)

    def render(self, renderer, view) -> bytes:
        """Print a dossier view in a slot, within the limits; raise Busy or TooLarge."""
        if not printable(*view.size):
            raise TooLarge("size")
        return self.render_work(renderer.in_child(lambda: renderer.pdf(view)))

    def render_html(self, renderer, html: str) -> bytes:
        """Print ready HTML (a training report) in a slot, within the limits."""
        return self.render_work(renderer.in_child(lambda: renderer.pdf_from_html(html)))

    def render_work(self, work) -> bytes:
        """Run ``work`` (returning PDF bytes) in a slot, in a child within the limits."""
        with self.slot():
            return bounded.run(work, self.seconds, self.memory)

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


def render_slots(config) -> RenderSlots:
    """Return the render slots and limits the settings ask for (the app's config)."""
    return RenderSlots(
        Path(config["INSTANCE_PATH"]),
        config.get("PDF_CONCURRENCY", 0),
        config.get("WORKERS", 0),
        config.get("PDF_SECONDS", 90),
        config.get("PDF_MEMORY_MB", 1024),
    )
