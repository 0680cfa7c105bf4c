"""Compare the step POST of several checkouts under gunicorn, loaded in turns in the same rounds.

    .venv/bin/python benchmarks/compare_trees.py main=/work/main try=/tmp/try [ROUNDS=5]

Each checkout serves its own instance (made by this checkout's code, so all must know the
same migrations) with the flags `make run` uses; the bare baseline is loaded in the same
rounds. Prints, per checkout, the median req/s, its ratio to the baseline and the workers'
CPU per request (from /proc): on a noisy machine, the CPU per request moves less.

Why its own start: `python -m gunicorn` puts its working folder first on sys.path, so a master
started inside one checkout imports that checkout's `meldcode` for every server, whatever
PYTHONPATH says (two "different" servers then run the same code). Each server here starts in
its own checkout's benchmarks folder, which holds no `meldcode`.
"""

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

import bench_web
import servers
from servers import CSRF
from servers import PASSWORD
from servers import Session

SIGNAL = {
    "versie": "0",
    "datum": "2026-09-14",
    "categorie": "gedrag",
    "waarneming": "Het kind kwam met een blauwe plek op de arm op school.",
    "interpretatie": "Mogelijk toegebracht letsel.",
}


def start(tree: Path, app: str, port: int, env: dict) -> subprocess.Popen:
    """Start ``app`` of checkout ``tree`` under gunicorn, from its benchmarks folder."""
    here = tree / "benchmarks"
    command = [sys.executable, "-m", "gunicorn", *servers.GUNICORN_FLAGS]
    command += ["--bind", f"127.0.0.1:{port}", "--chdir", str(here), app]
    env = {**os.environ, "PYTHONPATH": f"{here}:{tree}", **env}
    process = subprocess.Popen(
        command, cwd=here, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return servers.answering(process, f"http://127.0.0.1:{port}/", app)


def cpu_seconds(process: subprocess.Popen) -> float:
    """Return the CPU time of a gunicorn master and its workers so far."""
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
    total = 0
    for pid in [process.pid, *map(int, children)]:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def ours(work: Path, name: str, tree: Path, started: list) -> tuple:
    """Serve a checkout; return its POST URL, wrk script and process."""
    ids = bench_web.prepare_meldcode(work / name)
    port = servers.free_port()
    process = start(
        tree, "meldcode.web:create_app()", port, {"MELDCODE_INSTANCE_PATH": str(work / name)}
    )
    started.append(process)
    me = Session(f"http://127.0.0.1:{port}")
    token = CSRF.search(me.get("/inloggen")).group(1)
    sign_in = {"csrf_token": token, "email": "bench@school.nl", "password": PASSWORD}
    assert me.post("/inloggen", sign_in) == 303
    paths = [f"/casussen/{case}/stap-1/signaal/nieuw" for case in ids["post_cases"]]
    body = urllib.parse.urlencode({"csrf_token": CSRF.search(me.get(paths[0])).group(1), **SIGNAL})
    script = bench_web.lua(work, name, "POST", me.cookie_header(), body, paths)
    return f"http://127.0.0.1:{port}{paths[0]}", script, process


def baseline(work: Path, started: list) -> tuple:
    """Serve the bare baseline of this checkout; return its URL, wrk script and process."""
    database = work / "baseline.sqlite3"
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, naam TEXT, tekst TEXT)")
    port = servers.free_port()
    tree = Path(__file__).resolve().parent.parent
    process = start(tree, "webapps.baseline:create_app()", port, {"BASELINE_DB": str(database)})
    started.append(process)
    them = Session(f"http://127.0.0.1:{port}")
    fields = {"csrf_token": CSRF.search(them.get("/form")).group(1), "naam": "Jan"}
    fields |= {"datum": "2026-09-14", "keuze": "a", "radio": "ja", "tekst": "Een blauwe plek."}
    script = bench_web.lua(
        work, "base", "POST", them.cookie_header(), urllib.parse.urlencode(fields)
    )
    return f"http://127.0.0.1:{port}/form", script, process


def main(argv: list[str]) -> None:
    """Load every checkout and the baseline in turns; print medians per checkout."""
    trees = {k: Path(v).resolve() for k, v in (a.split("=", 1) for a in argv) if k != "ROUNDS"}
    rounds = int(dict(a.split("=", 1) for a in argv).get("ROUNDS", "5"))
    bench_web.DURATION = 5
    bench_web.POST_CASES = rounds * 5 * 3000 // 380 + 1
    work = Path(tempfile.mkdtemp(prefix="meldcode-compare-"))
    started: list = []
    try:
        targets = {name: ours(work, name, tree, started) for name, tree in trees.items()}
        targets["baseline"] = baseline(work, started)
        rps = {name: [] for name in targets}
        cpu = {name: [] for name in targets}
        for _ in range(rounds):
            for name, (url, script, process) in targets.items():
                before = cpu_seconds(process)
                figures = bench_web.wrk(url, script)
                rps[name].append(figures["rps"])
                cpu[name].append(1000 * (cpu_seconds(process) - before) / figures["requests"])
        base = statistics.median(rps["baseline"])
        for name in targets:
            speed = statistics.median(rps[name])
            print(
                f"{name:12} {speed:8.1f} req/s  {speed / base:5.2f}x baseline"
                f"  {statistics.median(cpu[name]):6.2f} ms CPU per request"
            )
    finally:
        for process in started:
            servers.stop(process)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main(sys.argv[1:])
