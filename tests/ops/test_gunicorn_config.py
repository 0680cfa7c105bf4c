"""The gunicorn settings `make run` serves with: every worker freezes what it loaded."""

import gc
import json
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from meldcode import gunicorn_config

ROOT = Path(__file__).resolve().parents[2]
PROBE = '''
import gc, json

def app(environ, start_response):
    """Answer with the worker's collector settings."""
    body = json.dumps({"frozen": gc.get_freeze_count(), "threshold": gc.get_threshold()})
    start_response("200 OK", [("Content-Type", "application/json")])
    return [body.encode()]
'''


@pytest.fixture
def restored_collector():
    """Give the test process its collector back as it was."""
    before = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*before)


def test_post_worker_init_freezes_and_collects_less_often(restored_collector):
    gc.unfreeze()
    gunicorn_config.post_worker_init(worker=None)
    assert gc.get_freeze_count() > 1000
    assert gc.get_threshold()[0] == gunicorn_config.YOUNG_GENERATION_THRESHOLD


def test_make_run_serves_with_the_config():
    recipe = (ROOT / "Makefile").read_text()
    start = re.search(r"^\s.*\$\(BIN\)/gunicorn (.*)$", recipe, re.MULTILINE).group(1)
    assert "-c python:meldcode.gunicorn_config" in start


def test_a_gunicorn_worker_runs_the_hook(tmp_path):
    (tmp_path / "probe.py").write_text(PROBE)
    command = [sys.executable, "-m", "gunicorn", "-c", "python:meldcode.gunicorn_config"]
    command += ["--workers", "1", "--bind", "127.0.0.1:0", "--chdir", str(tmp_path), "probe:app"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        port = _port_of(process)
        answer = _get(f"http://127.0.0.1:{port}/")
    finally:
        process.terminate()
        process.communicate(timeout=10)  # reads the rest of the log and closes the pipe
    assert answer["frozen"] > 0
    assert answer["threshold"][0] == gunicorn_config.YOUNG_GENERATION_THRESHOLD


def _port_of(process) -> int:
    """Read the port gunicorn bound from its log (it was asked for any free one)."""
    for line in process.stderr:
        found = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", line)
        if found:
            return int(found.group(1))
    raise AssertionError("gunicorn did not start")


def _get(url: str) -> dict:
    """Fetch ``url`` as JSON, waiting a little for the worker to boot."""
    for _ in range(100):
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return json.load(response)
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} never answered")
