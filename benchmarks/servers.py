"""Servers and clients the benchmarks share: gunicorn started as `make run` starts it, a
free port, the workers' memory, and a tiny cookie-keeping HTTP client to sign in."""

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
PASSWORD = "een lange zin als wachtwoord"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
# As `make run` starts the web (Makefile): gunicorn's sync workers and these flags. A
# baseline app gets the same ones (meldcode.gunicorn_config imports nothing of meldcode).
WORKERS = 2
GUNICORN_FLAGS = [
    *("--config", "python:meldcode.gunicorn_config"),
    *("--workers", str(WORKERS), "--timeout", "120"),
]


def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(app: str, port: int, env: dict) -> subprocess.Popen:
    """Start an app under gunicorn as `make run` does and wait until it answers."""
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        *GUNICORN_FLAGS,
        "--bind",
        f"127.0.0.1:{port}",
        "--chdir",
        str(HERE),
        app,
    ]
    env = {**os.environ, "WEB_CONCURRENCY": str(WORKERS), **env}
    # Started in this folder: `python -m` puts the working folder first on sys.path, and a
    # checkout there would win over PYTHONPATH (see compare_trees).
    process = subprocess.Popen(
        command, cwd=HERE, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return answering(process, f"http://127.0.0.1:{port}/", app)


def answering(process, url: str, name: str, tries: int = 300, any_status: bool = True):
    """Return ``process`` once ``url`` answers; kill it if it never does.

    ``any_status`` False waits for a 2xx (a readiness check answers 503 until it is ready).
    """
    for _ in range(tries):
        try:
            urllib.request.urlopen(url, timeout=1)
            return process
        except urllib.error.HTTPError:
            if any_status:
                return process
            time.sleep(0.1)
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{name} did not start")


def stop(process: subprocess.Popen) -> None:
    """Stop a gunicorn master and its workers."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


def worker_rss_mb(process: subprocess.Popen) -> list[float]:
    """Return the resident memory of each gunicorn worker in MB."""
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


class Session:
    """A tiny cookie-keeping HTTP client, to sign in and read forms."""

    def __init__(self, base: str):
        """Start a cookie-keeping client that does not follow redirects."""
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        handler = urllib.request.HTTPCookieProcessor(self.jar)
        self.opener = urllib.request.build_opener(handler, NoRedirect())

    def get(self, path: str) -> str:
        """GET a page and return its text."""
        with self.opener.open(self.base + path) as response:
            return response.read().decode()

    def post(self, path: str, data: dict) -> int:
        """POST a form and return the status code."""
        body = urllib.parse.urlencode(data).encode()
        try:
            with self.opener.open(self.base + path, body) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code

    def cookie_header(self) -> str:
        """Return the cookies as one Cookie header for wrk."""
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        """Refuse to follow redirects, so a 303 is seen as such."""
        return None


def start_worker(env: dict, log: Path) -> subprocess.Popen:
    """Start ``meldcode worker`` (it prints every PDF), its output going to ``log``."""
    with open(log, "wb") as out:
        return subprocess.Popen(
            [sys.executable, "-c", "from meldcode.cli import main; main()", "worker"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
