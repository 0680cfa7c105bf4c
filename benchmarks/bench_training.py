"""Training benchmark: a class of 200 in one session, then a burst of 200 PDFs.

The app runs under gunicorn (2 sync workers, 127.0.0.1, a temporary instance folder, one
PDF render slot so the waiting page is used). Locust (headless, same machine) lets 200
simulated participants join one session within 20 s and each complete the case with their
own answers (2-6 s per page, 8-20 s to weigh and type each answer: BENCH_TYPING), while a
trainer refreshes the live view every 2-4 s; 20 users load the bare baseline app of the web
benchmark at the same time, so the p95 is compared with a baseline measured under the same
load. Afterwards the trainer view's counts are compared with what the participants
answered, and 200 PDF requests (100 participants' own, 100 class reports; 20 at a time) go
through the render limit: a waiting page, then the PDF.
Goals: 0 errors; p95 page time < 200 ms; counts equal; every PDF served, 0 errors.
"""

import collections
import concurrent.futures
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from common import percentile
from servers import CSRF
from servers import PASSWORD
from servers import Session
from servers import free_port
from servers import start
from servers import start_worker
from servers import stop

HERE = Path(__file__).resolve().parent
PARTICIPANTS = int(os.environ.get("BENCH_PARTICIPANTS", "200"))
PDF_REQUESTS = int(os.environ.get("BENCH_PDFS", "200"))
# Seconds a participant takes to weigh a question and type why, on top of 2-6 s per page;
# BENCH_TYPING="0,0" gives the page-clicking stress variant.
TYPING = [float(x) for x in os.environ.get("BENCH_TYPING", "8,20").split(",")]
CASE = "basisschool-onthulling"
EMAIL = "trainer@bench.nl"
COUNT = re.compile(r'data-vraag="(\w+)" data-antwoord="(\w+)">(\d+)<')
STATUS = re.compile(r'data-deelnemers="(\d+)" data-klaar="(\d+)" data-bezig="(\d+)"')

LOCUSTFILE = HERE / "locust_training.py"


def prepare(folder: Path) -> None:
    """Create an instance folder with a migrated database and a trainer."""
    os.environ["MELDCODE_INSTANCE_PATH"] = str(folder)
    from meldcode import settings
    from meldcode.storage import accounts
    from meldcode.storage.migrate import upgrade
    from meldcode.storage.models import Organisation

    config = settings.load()
    upgrade(config["DATABASE_URL"])
    database = settings.open_database(config)  # makes the data key of a new instance

    def work(s):
        org = Organisation(name="Trainingscentrum")
        s.add(org)
        s.flush()
        accounts.create_user(s, org, EMAIL, "trainer", PASSWORD, "Trainer")

    database.run_write(work)
    database.dispose()


def model_answers() -> dict:
    from meldcode import paths
    from meldcode.training.library import load_case

    return load_case(paths.OEFENCASUSSEN_DIR / f"{CASE}.yaml").case.answers()


def run() -> dict:
    work = Path(tempfile.mkdtemp(prefix="meldcode-bench-training-"))
    try:
        return _run(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(work: Path) -> dict:
    prepare(work / "instance")
    baseline_db = work / "baseline.sqlite3"
    with sqlite3.connect(baseline_db) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, naam TEXT, tekst TEXT)")
    ours_port, base_port = free_port(), free_port()
    env = {
        "MELDCODE_INSTANCE_PATH": str(work / "instance"),
        "MELDCODE_PDF_CONCURRENCY": "1",
        "MELDCODE_TRUSTED_PROXIES": "1",  # the phones' school addresses (X-Forwarded-For)
        "MELDCODE_BASE_URL": f"http://127.0.0.1:{ours_port}",
        "BASELINE_DB": str(baseline_db),
        "PYTHONPATH": f"{HERE.parent}:{HERE}",
    }
    ours = start("meldcode.web:create_app()", ours_port, env)  # what `make run` serves
    base = start("webapps.baseline:create_app()", base_port, env)
    # PDFs are printed by the worker, never in a web request: start it as `make run` does.
    worker = start_worker({**os.environ, **env}, work / "worker.log")
    try:
        trainer, session_id, code = _start_session(ours_port)
        figures = _class(work, trainer, session_id, code, ours_port, base_port)
        figures["pdf_burst"] = _burst(trainer, session_id, ours_port, figures.pop("_cookies"))
    finally:
        stop(ours)
        stop(base)
        stop(worker)
    return _report(figures)


def _start_session(port: int) -> tuple[Session, str, str]:
    """Sign the trainer in and start a session; return the trainer, its id and its code."""
    trainer = Session(f"http://127.0.0.1:{port}")
    token = CSRF.search(trainer.get("/inloggen")).group(1)
    signed_in = {"csrf_token": token, "email": EMAIL, "password": PASSWORD}
    assert trainer.post("/inloggen", signed_in) == 303
    token = CSRF.search(trainer.get("/oefensessies/")).group(1)
    assert trainer.post("/oefensessies/", {"csrf_token": token, "casus": CASE}) == 303
    listing = trainer.get("/oefensessies/")
    session_id = re.search(r'href="/oefensessies/(\w{32})"', listing).group(1)
    page = trainer.get(f"/oefensessies/{session_id}")
    code = re.search(r'class="training-code">([A-Z0-9 ]+)<', page).group(1).replace(" ", "")
    return trainer, session_id, code


def _class(work, trainer, session_id, code, ours_port, base_port) -> dict:
    """Run the class with locust; return timings, errors and the count check."""
    locustfile = LOCUSTFILE
    out = work / "out"
    out.mkdir()
    cookie = next(c.value for c in trainer.jar if c.name == "meldcode")
    env = {
        **os.environ,
        "BENCH_OUT": str(out),
        "BENCH_CODE": code,
        "BENCH_SESSION": session_id,
        "BENCH_TRAINER_COOKIE": cookie,
        "BENCH_MODEL": json.dumps(model_answers()),
        "BENCH_PARTICIPANTS": str(PARTICIPANTS),
        "BENCH_TYPING": json.dumps(TYPING),
        "BENCH_BASELINE": f"http://127.0.0.1:{base_port}",
    }
    users = PARTICIPANTS + 1 + 20
    command = [
        sys.executable, "-m", "locust", "-f", str(locustfile), "--headless",
        "-u", str(users), "-r", "10", "--run-time", "900s", "--stop-timeout", "10",
        "--host", f"http://127.0.0.1:{ours_port}", "--only-summary", "--loglevel", "WARNING",
    ]  # fmt: skip
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=work, timeout=1000, capture_output=True, check=False)
    seconds = time.perf_counter() - started
    times = json.loads((out / "times.json").read_text())
    people = json.loads((out / "participants.json").read_text())
    ours = [t for name, t, _ok in times if not name.startswith("baseline")]
    base = [t for name, t, _ok in times if name.startswith("baseline")]
    by_name = collections.defaultdict(list)
    for name, t, _ok in times:
        by_name[name].append(t)
    page = trainer.get(f"/oefensessies/{session_id}/live")
    shown = {(q, a): int(n) for q, a, n in COUNT.findall(page)}
    expected = collections.Counter()
    for person in people:
        for qid, value in person["answers"].items():
            expected[(qid, value)] += 1
    status = tuple(int(x) for x in STATUS.search(page).groups())
    return {
        "participants_finished": len(people),
        "requests": len(ours),
        "errors": sum(1 for name, _t, ok in times if not ok and not name.startswith("baseline")),
        "p95_ms": round(percentile(ours, 95), 1),
        "p50_ms": round(percentile(ours, 50), 1),
        "baseline_p95_ms": round(percentile(base, 95), 1),
        "per_request_p95_ms": {n: round(percentile(v, 95), 1) for n, v in sorted(by_name.items())},
        "trainer_view": {"participants": status[0], "done": status[1], "busy": status[2]},
        "counts_equal": all(shown.get(k, 0) == v for k, v in expected.items())
        and sum(shown.values()) == sum(expected.values()),
        "class_seconds": round(seconds, 1),
        "_cookies": [p["cookie"] for p in people if p["cookie"]],
    }


def _fetch(base: str, path: str, cookie: str) -> tuple[bool, int, float]:
    """Ask for a PDF until it comes: (ok, waiting pages seen, seconds to the PDF)."""
    started = time.perf_counter()
    waits = 0
    for _ in range(300):
        request = urllib.request.Request(base + path, headers={"Cookie": f"meldcode={cookie}"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                body = response.read()
                if response.status == 202:
                    waits += 1
                    time.sleep(float(response.headers.get("Retry-After", "2")))
                    continue
                ok = response.status == 200 and body.startswith(b"%PDF")
                return ok, waits, time.perf_counter() - started
        except (urllib.error.URLError, OSError):
            return False, waits, time.perf_counter() - started
    return False, waits, time.perf_counter() - started


def _burst(trainer, session_id: str, port: int, cookies: list[str]) -> dict:
    """Send PDF_REQUESTS PDF requests, 20 at a time: half participants', half class reports."""
    base = f"http://127.0.0.1:{port}"
    trainer_cookie = next(c.value for c in trainer.jar if c.name == "meldcode")
    jobs = []
    for index in range(PDF_REQUESTS):
        if index % 2 == 0 and cookies:
            jobs.append(("/oefenen/uitkomst.pdf", cookies[(index // 2) % len(cookies)]))
        else:
            jobs.append((f"/oefensessies/{session_id}/klasverslag.pdf", trainer_cookie))
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(lambda job: _fetch(base, *job), jobs))
    return {
        "requests": len(results),
        "served": sum(1 for ok, _w, _s in results if ok),
        "errors": sum(1 for ok, _w, _s in results if not ok),
        "waiting_pages": sum(w for _ok, w, _s in results),
        "p95_seconds_to_pdf": round(percentile([s for _ok, _w, s in results], 95), 2),
        "seconds": round(time.perf_counter() - started, 1),
    }


def _report(f: dict) -> dict:
    burst = f["pdf_burst"]
    ratio = f["p95_ms"] / f["baseline_p95_ms"] if f["baseline_p95_ms"] else float("nan")
    print(
        f"  class: {f['participants_finished']} of {PARTICIPANTS} finished, {f['requests']} "
        f"requests, {f['errors']} errors, p50 {f['p50_ms']} ms, p95 {f['p95_ms']} ms "
        f"(baseline p95 {f['baseline_p95_ms']} ms, ratio {ratio:.2f}), {f['class_seconds']} s"
    )
    for name, p95 in f["per_request_p95_ms"].items():
        print(f"    p95 {name:<26} {p95:8.1f} ms")
    print(f"  trainer view: {f['trainer_view']}, counts equal to the answers: {f['counts_equal']}")
    print(
        f"  PDF burst: {burst['served']}/{burst['requests']} served, {burst['errors']} errors, "
        f"{burst['waiting_pages']} waiting pages, p95 {burst['p95_seconds_to_pdf']} s to the "
        f"PDF, {burst['seconds']} s in all"
    )
    goals = {
        "class: 0 errors, everyone finished": f["errors"] == 0
        and f["participants_finished"] == PARTICIPANTS,
        "class: p95 < 200 ms": f["p95_ms"] < 200,
        "trainer view counts == answers": f["counts_equal"]
        and f["trainer_view"]["done"] == PARTICIPANTS,
        "PDF burst: all served, 0 errors": burst["errors"] == 0
        and burst["served"] == burst["requests"],
    }
    for goal, ok in goals.items():
        print(f"  goal {goal}: {'met' if ok else 'NOT met'}")
    return {**f, "p95_ratio_to_baseline": round(ratio, 2), "goals": goals}
