"""One render in a child process with a time and a memory limit.

A render that would take longer than its caller may wait, or more memory than the machine
can spare, is stopped by the kernel (``RLIMIT_AS``, ``RLIMIT_CPU``) or by the parent's clock
(``SIGKILL``), and the user gets a clear answer instead of a render that never ends.
The child is forked from the warm worker, so WeasyPrint and the fonts are already loaded
(shared copy-on-write); it may lower its priority so pages keep the CPU first, hands the
PDF back through a pipe and leaves with ``os._exit``, touching nothing it shares with the
parent (database connections, files). This is the one bounded render: the background
worker's render job (meldcode.jobs.printing) prints every PDF of the app through :func:`run`.
"""

import faulthandler
import math
import os
import resource
import select
import signal
import time
from collections.abc import Callable

CHUNK = 1 << 20
HEADROOM = 32 * 1024 * 1024  # what must still fit under the limit when a render failed
# A child that dies from one of these ran out of memory inside a C library (g_malloc
# aborts, the kernel's OOM killer sends SIGKILL).
MEMORY_SIGNALS = (signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS, signal.SIGKILL)


class TooLarge(Exception):
    """The document cannot be made within the limits; ``reason``: size, time or memory."""

    def __init__(self, reason: str, seconds: float = 0):
        """Keep why, and how long it was allowed to take."""
        super().__init__(reason)
        self.reason = reason
        self.seconds = seconds


class RenderFailed(Exception):
    """The render failed for another reason (a bug); ``detail`` names the error's class."""

    def __init__(self, detail: str = ""):
        """Keep the class name of what went wrong (for the log, never content)."""
        super().__init__(detail)
        self.detail = detail


def address_space() -> int:
    """Return this process's current virtual memory size in bytes (Linux)."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def run(
    work: Callable[[], bytes],
    seconds: float,
    memory_bytes: int,
    niceness: int = 0,
    usage: dict | None = None,
) -> bytes:
    """Return ``work()`` (bytes) computed in a child within ``seconds`` and ``memory_bytes``.

    ``memory_bytes`` is what the render may add to the parent's current size; ``niceness``
    lowers the child's priority; ``usage``, if given, gets the child's ``peak_mb`` (largest
    resident size) and ``seconds``. Raises TooLarge when a limit stops it, RenderFailed when
    it fails otherwise.
    """
    began = time.monotonic()
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: render, hand back, leave without cleaning up shared state
        os.close(reader)
        _child(work, writer, math.ceil(seconds), memory_bytes, niceness)
    os.close(writer)
    data = None
    try:
        data = _collect(reader, time.monotonic() + seconds)
    finally:
        os.close(reader)
        signalled, peak_kb = _reap(pid, kill=data is None)
        if usage is not None:
            usage.update(peak_mb=peak_kb / 1024, seconds=time.monotonic() - began)
    if data is None or signalled == signal.SIGXCPU:
        raise TooLarge("time", seconds)
    if data[:1] == b"K":
        return data[1:]
    if data[:1] == b"M" or (not data and signalled in MEMORY_SIGNALS):
        raise TooLarge("memory", seconds)
    if not data:
        raise RenderFailed(f"signal {signalled}")
    raise RenderFailed(data[1:].decode(errors="replace")[:200])


def _child(work, writer: int, seconds: int, memory_bytes: int, niceness: int) -> None:
    """Run in the forked child: set the limits, render, write the result, exit."""
    code = 1
    faulthandler.disable()  # a C library that runs out of memory may crash: that is expected
    limit = 0
    try:
        if niceness:
            os.nice(niceness)
        limit = address_space() + memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CPU, (seconds + 1, seconds + 2))
        result = b"K" + work()
        code = 0
    except MemoryError:
        result = b"M"
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises
        # A C library that cannot allocate raises other errors (SystemError, …): see
        # whether the render came close to the limit, or cannot allocate now.
        result = b"M" if _near_limit(limit, memory_bytes) else b"E" + type(exc).__name__.encode()
    try:
        view = memoryview(result)
        while view:
            view = view[os.write(writer, view) :]
    finally:
        os._exit(code)  # no atexit, no finalisers: the parent's connections stay untouched


def _near_limit(limit: int, memory_bytes: int) -> bool:
    """Tell whether the render ran out of room: it came near the limit, or cannot allocate now.

    The peak size tells even after the failed allocation's memory went back; near means
    within a quarter of the render's budget (at least HEADROOM).
    """
    if not limit:
        return False  # failed before the limit was set
    if peak_address_space() + max(HEADROOM, memory_bytes // 4) >= limit:
        return True
    try:
        bytearray(HEADROOM)
    except MemoryError:
        return True
    return False


def peak_address_space() -> int:
    """Return this process's largest virtual memory size so far in bytes (Linux)."""
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmPeak:"):
                return int(line.split()[1]) * 1024
    return 0


def _collect(reader: int, deadline: float) -> bytes | None:
    """Read the child's answer until it closes the pipe; None when the deadline passed."""
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        ready, _w, _x = select.select([reader], [], [], left)
        if not ready:
            continue
        chunk = os.read(reader, CHUNK)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _reap(pid: int, kill: bool) -> tuple[int | None, int]:
    """Wait for the child (killing it first when it ran out of time).

    Return its signal (None when it exited) and its peak resident size in KiB.
    """
    if kill:
        os.kill(pid, signal.SIGKILL)
    _pid, status, rusage = os.wait4(pid, 0)
    signalled = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    return signalled, rusage.ru_maxrss
