"""``meldcode worker`` as a real process beside the test: the consumer the README starts."""

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

START = "worker started"


def environment(settings: dict) -> dict:
    """Return the process environment with the settings as MELDCODE_* variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MELDCODE_")}
    for key, value in settings.items():
        name = "MELDCODE_INSTANCE_PATH" if key == "INSTANCE_PATH" else f"MELDCODE_{key}"
        env[name] = value if isinstance(value, str) else json.dumps(value)
    return env


@contextmanager
def running_worker(settings: dict, log: Path, workers: int = 2, seconds: float = 60):
    """Start ``meldcode worker`` with ``settings``; stop it (SIGINT, then kill) afterwards."""
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from meldcode.cli import main; main()",
                "worker",
                "--workers",
                str(workers),
            ],
            env=environment(settings),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + seconds
        while START not in log.read_text(errors="replace"):
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("worker did not start:\n" + log.read_text(errors="replace"))
            time.sleep(0.1)
        yield process
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def wait_until(check, seconds: float = 60, every: float = 0.1):
    """Poll ``check()`` until it returns something true; return that, or fail."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(every)
    raise AssertionError(f"condition not met within {seconds} s")
