"""Run one render in a child process with a memory and a time limit.

WeasyPrint cannot be stopped from inside a thread, and a huge case could take all memory.
The child is forked from the warm worker (WeasyPrint and the fonts already loaded, shared
copy-on-write), lowers its priority so web pages keep the CPU first, limits its address
space with ``RLIMIT_AS`` and its CPU time with ``RLIMIT_CPU``; the parent kills it when
the wall-clock time is up. Only the HTML goes in and only the PDF comes out.
"""

import multiprocessing
import os
import resource
import signal
from collections.abc import Callable

NICENESS = 10  # renders yield the CPU to web requests on the same machine
# A child that dies from one of these ran out of memory inside a C library (g_malloc aborts).
MEMORY_SIGNALS = (signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS, signal.SIGKILL)


class RenderFailed(Exception):
    """A render did not produce a PDF; ``reason`` is tijd, geheugen or fout."""

    def __init__(self, reason: str, detail: str = ""):
        """Keep the reason (shown to users) and a class name (for the log, never content)."""
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail


def address_space() -> int:
    """Return this process's virtual memory size in bytes."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[0])
    return pages * os.sysconf("SC_PAGE_SIZE")


def _near_limit(headroom_mb: int = 32) -> bool:
    """Tell whether less than ``headroom_mb`` can still be allocated under the limit."""
    try:
        bytearray(headroom_mb * 1024 * 1024)
    except MemoryError:
        return True
    return False


def _child(conn, work: Callable[[str], bytes], html: str, seconds: int, extra_mb: int) -> None:
    """Set the limits, render, and send back ("ok", pdf) or (reason, class name)."""
    try:
        os.nice(NICENESS)
        # The limit is on top of what the warm process already maps (fonts, libraries).
        limit = address_space() + extra_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CPU, (seconds + 1, seconds + 2))
        conn.send(("ok", work(html)))
    except MemoryError:
        conn.send(("geheugen", "MemoryError"))
    except Exception as exc:  # noqa: BLE001 - reported as a failed render, by class name
        # A C library that cannot allocate raises other errors (SystemError, …). While the
        # failed render's objects are still alive, see whether the limit is what hit.
        conn.send(("geheugen" if _near_limit() else "fout", type(exc).__name__))
    finally:
        conn.close()


def run(work: Callable[[str], bytes], html: str, seconds: float, extra_mb: int) -> bytes:
    """Return ``work(html)`` computed in a limited child; raise RenderFailed otherwise."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(send, work, html, int(seconds) + 1, extra_mb), daemon=True
    )
    child.start()
    send.close()
    try:
        if not receive.poll(seconds):
            child.kill()
            raise RenderFailed("tijd", "timeout")
        try:
            outcome, payload = receive.recv()
        except EOFError:
            child.join(5)
            died = -(child.exitcode or 0)
            reason = (
                "tijd"
                if died == signal.SIGXCPU
                else "geheugen"
                if died in MEMORY_SIGNALS
                else "fout"
            )
            raise RenderFailed(reason, f"signal {died}") from None
    finally:
        receive.close()
        child.join(5)
        if child.is_alive():
            child.kill()
            child.join(5)
    if outcome != "ok":
        raise RenderFailed(outcome, payload)
    return payload
