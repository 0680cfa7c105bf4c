"""The render child's limits, each on its own: wall clock, memory, and errors apart."""

import time

import pytest

from meldcode.jobs import sandbox


def sleeper(_html: str) -> bytes:
    time.sleep(30)  # waits without using the CPU: only the wall clock can stop it
    return b""


def hog(_html: str) -> bytes:
    return b"x" * (512 * 1024 * 1024)


def broken(_html: str) -> bytes:
    raise ValueError("kapot")


def echo(html: str) -> bytes:
    return html.encode()


def reason(work, seconds=5.0, extra_mb=256) -> str:
    with pytest.raises(sandbox.RenderFailed) as failed:
        sandbox.run(work, "", seconds, extra_mb)
    return failed.value.reason


def test_the_wall_clock_stops_a_child_that_waits():
    started = time.monotonic()
    assert reason(sleeper, seconds=0.5) == "tijd"
    assert time.monotonic() - started < 5


def test_memory_and_errors_are_told_apart():
    assert reason(hog, extra_mb=64) == "geheugen"
    assert reason(broken) == "fout"


def test_a_child_within_its_limits_returns_its_result():
    assert sandbox.run(echo, "<p>hallo</p>", 5.0, 64) == b"<p>hallo</p>"
