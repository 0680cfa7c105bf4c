"""One render in a child process with a time and a memory limit.

A render that would take longer than a web worker may wait, or more memory than the machine
can spare, is stopped by the kernel (``RLIMIT_AS``, ``RLIMIT_CPU``) or by the parent's clock
(``SIGKILL``), and the user gets a clear page instead of a worker killed by its timeout.
The child is forked from the worker, so WeasyPrint and the fonts are already loaded; it
hands the PDF back through a pipe and leaves with ``os._exit``, touching nothing it shares
with the worker (database connections, files).
"""

import faulthandler
import math
import os
import resource
import select
import signal
import time

CHUNK = 1 << 20


class TooLarge(Exception):
    """The dossier cannot be made within the limits; ``reason``: size, time or memory."""

    def __init__(self, reason: str, seconds: float = 0):
        """Keep why, and how long it was allowed to take."""
        super().__init__(reason)
        self.reason = reason
        self.seconds = seconds


class RenderFailed(Exception):
    """The render failed for another reason (a bug); the worker logs it as any error."""


def address_space() -> int:
    """Return this process's current virtual memory size in bytes (Linux)."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def run(work, seconds: float, memory_bytes: int) -> bytes:
    """Return ``work()`` (bytes) computed in a child within ``seconds`` and ``memory_bytes``.

    ``memory_bytes`` is what the render may add to the worker's current size. Raises
    TooLarge when a limit stops it, RenderFailed when it fails otherwise.
    """
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: render, hand back, leave without cleaning up shared state
        os.close(reader)
        _child(work, writer, math.ceil(seconds), memory_bytes)
    os.close(writer)
    data = None
    try:
        data = _collect(reader, time.monotonic() + seconds)
    finally:
        os.close(reader)
        signalled = _reap(pid, kill=data is None)
    if data is None or signalled == signal.SIGXCPU:
        raise TooLarge("time", seconds)
    if data[:1] == b"K":
        return data[1:]
    if data[:1] == b"M" or (not data and signalled):
        # A C library that finds no memory under RLIMIT_AS may crash instead of failing.
        raise TooLarge("memory", seconds)
    raise RenderFailed(data[1:].decode(errors="replace")[:200])


def _child(work, writer: int, seconds: int, memory_bytes: int) -> None:
    """Run in the forked child: set the limits, render, write the result, exit."""
    code = 1
    faulthandler.disable()  # a C library that runs out of memory may crash: that is expected
    try:
        limit = address_space() + memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CPU, (seconds + 1, seconds + 2))
        result = b"K" + work()
        code = 0
    except MemoryError:
        result = b"M"
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises
        result = b"E" + type(exc).__name__.encode()
    try:
        view = memoryview(result)
        while view:
            view = view[os.write(writer, view) :]
    finally:
        os._exit(code)  # no atexit, no finalisers: the worker's connections stay untouched


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


def _reap(pid: int, kill: bool) -> int | None:
    """Wait for the child (killing it first when it ran out of time); return its signal."""
    if kill:
        os.kill(pid, signal.SIGKILL)
    _pid, status = os.waitpid(pid, 0)
    return os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
