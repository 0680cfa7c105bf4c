"""The render child's limits, each on its own: wall clock, memory, and errors apart.

One implementation serves the web's downloads and the background worker's renders
(meldcode.dossier.bounded); the worker's words for the reasons are tested in
tests/jobs/test_render.py.
"""

import os
import time

import pytest

from meldcode.dossier import bounded

MEGABYTE = 1024 * 1024


def sleeper() -> bytes:
    time.sleep(30)  # waits without using the CPU: only the wall clock can stop it
    return b""


def hog() -> bytes:
    return b"x" * (512 * MEGABYTE)


def broken() -> bytes:
    raise ValueError("kapot")


def test_the_wall_clock_stops_a_child_that_waits():
    started = time.monotonic()
    with pytest.raises(bounded.TooLarge) as stopped:
        bounded.run(sleeper, 0.5, 256 * MEGABYTE)
    assert stopped.value.reason == "time"
    assert time.monotonic() - started < 5


def test_memory_and_errors_are_told_apart():
    with pytest.raises(bounded.TooLarge) as stopped:
        bounded.run(hog, 5.0, 64 * MEGABYTE)
    assert stopped.value.reason == "memory"
    with pytest.raises(bounded.RenderFailed) as failed:
        bounded.run(broken, 5.0, 256 * MEGABYTE)
    assert failed.value.detail == "ValueError"


def test_a_child_within_its_limits_returns_its_result_also_at_a_lower_priority():
    assert bounded.run(lambda: b"<p>hallo</p>", 5.0, 64 * MEGABYTE) == b"<p>hallo</p>"
    niceness = bounded.run(lambda: str(os.nice(0)).encode(), 5.0, 64 * MEGABYTE, niceness=10)
    assert int(niceness) == min(os.nice(0) + 10, 19)
