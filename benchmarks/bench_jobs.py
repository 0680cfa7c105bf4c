"""Jobs benchmark: a burst of 200 dossier renders in the worker while a user reads case pages.

Web (gunicorn, 2 sync workers) and ``meldcode worker`` (2 threads, renders in niced,
limited children) run on 127.0.0.1 on one instance. One user opens a case page again and
again (one request at a time, like a person clicking); the p95 of those GETs is measured
without renders (baseline) and while the worker prints 200 dossiers (100 cases, two
languages), enqueued as the web will enqueue them. Then a ~600-page dossier is printed by
the same render job and its time, size and the child's peak memory are reported.
Goal: p95 during the burst below 3x the baseline and below 250 ms.
"""

import datetime
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_web import CSRF
from bench_web import PASSWORD
from bench_web import Session
from bench_web import free_port
from bench_web import stop
from common import percentile
from common import show

REQUESTS = int(os.environ.get("BENCH_JOBS_REQUESTS", "200"))
BURST = 200
HUGE_SIGNALS = 100  # 100 observations of 20,000 characters: about 600 pages


def prepare(folder: Path) -> dict:
    """Make an instance with a user, 100 small cases and one huge one; return ids."""
    os.environ["MELDCODE_INSTANCE_PATH"] = str(folder)
    from meldcode import settings
    from meldcode.casus.records import Signaal
    from meldcode.kader import Registry
    from meldcode.storage import accounts
    from meldcode.storage import cases
    from meldcode.storage.crypto import Cipher
    from meldcode.storage.db import Database
    from meldcode.storage.migrate import upgrade
    from meldcode.storage.models import Organisation

    config = settings.load()
    upgrade(config["DATABASE_URL"])
    database = Database(config["DATABASE_URL"], Cipher.from_text(config["DATA_KEYS"]))
    kader = Registry.load(Path(config["KADERS_DIR"])).get("onderwijs")
    day = datetime.date(2026, 9, 1)

    def work(s):
        org = Organisation(name="Benchmarkschool", default_kader="onderwijs")
        s.add(org)
        s.flush()
        user = accounts.create_user(s, org, "bench@school.nl", "medewerker", PASSWORD, "B")
        ids = []
        for number in range(BURST // 2 + 1):
            case = cases.create_case(s, database.cipher, user, f"K{number}", day, kader)
            for i in range(8):
                text = "Waarneming in de klas. " * 20
                signal = Signaal(datum=day, waarneming=f"{i}: {text}", categorie="gedrag")
                cases.add_record(s, database.cipher, case, user, "signaal", signal)
            ids.append(case.id)
        huge = cases.create_case(s, database.cipher, user, "Groot", day, kader)
        for i in range(HUGE_SIGNALS):
            text = f"Signaal {i}. " + "Het kind was stil en teruggetrokken in de klas. " * 500
            signal = Signaal(datum=day, waarneming=text[:20000], categorie="gedrag")
            cases.add_record(s, database.cipher, huge, user, "signaal", signal)
        return {"page": ids[0], "burst": ids[1:], "huge": huge.id}

    ids = database.run_write(work)
    database.dispose()
    return ids


def start_web(port: int, env: dict) -> subprocess.Popen:
    """Start gunicorn with the app and wait until it is ready."""
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--workers",
        "2",
        "--bind",
        f"127.0.0.1:{port}",
        "meldcode.web:create_app()",
    ]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    import urllib.request

    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1)
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("web did not start")


def page_times(user: Session, path: str, count: int) -> list[float]:
    """GET a page ``count`` times, one after the other; return each time in seconds."""
    times = []
    for _ in range(count):
        started = time.perf_counter()
        assert "<html" in user.get(path)
        times.append(time.perf_counter() - started)
    return times


def run() -> dict:
    """Run the benchmark in a temporary folder."""
    work = Path(tempfile.mkdtemp(prefix="meldcode-bench-jobs-"))
    try:
        return _run(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(work: Path) -> dict:
    """Start web and worker, measure pages without and during the burst, then the huge one."""
    instance = work / "instance"
    ids = prepare(instance)
    env = {**os.environ, "MELDCODE_INSTANCE_PATH": str(instance), "MELDCODE_PDF_WARM_UP": "false"}
    port = free_port()
    web = start_web(port, env)
    worker = subprocess.Popen(
        [sys.executable, "-c", "from meldcode.cli import main; main()", "worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        user = Session(f"http://127.0.0.1:{port}")
        token = CSRF.search(user.get("/inloggen")).group(1)
        user.post(
            "/inloggen", {"csrf_token": token, "email": "bench@school.nl", "password": PASSWORD}
        )
        path = f"/casussen/{ids['page']}"
        page_times(user, path, 20)  # warm
        quiet = page_times(user, path, REQUESTS)
        from meldcode import settings
        from meldcode.jobs.service import Jobs

        jobs = Jobs(settings.load())
        started = time.perf_counter()
        asked = [
            jobs.request_render(c, jobs.case_version(c), lang)
            for c in ids["burst"]
            for lang in ("nl", "en")
        ]
        enqueued = time.perf_counter() - started
        busy = page_times(user, path, REQUESTS)
        done = sum(1 for a in asked if jobs.fetch_pdf(a.id))
        while done < len(asked) and time.perf_counter() - started < 900:
            time.sleep(1)
            done = sum(1 for a in asked if (jobs.render_state(*_key(jobs, a)) or a).ready)
        burst_seconds = time.perf_counter() - started
    finally:
        stop(web)
        stop(worker)
    huge = _huge(jobs, ids["huge"], work)
    q95, b95 = percentile(quiet, 95) * 1000, percentile(busy, 95) * 1000
    show("case page p95, no renders", q95, "ms")
    show("case page p95, during 200 renders", b95, "ms", q95)
    show("enqueueing 200 renders (web side)", enqueued * 1000, "ms")
    show("200 renders done by the worker", burst_seconds, "s")
    for label, value, unit in huge:
        show(label, value, unit)
    return {
        "p95_quiet_ms": round(q95, 1),
        "p95_burst_ms": round(b95, 1),
        "burst_renders_done": done,
        "burst_seconds": round(burst_seconds, 1),
        "huge": {label: round(value, 1) for label, value, _unit in huge},
        "goals": {"p95 during burst < 3x and < 250 ms": b95 < 3 * q95 and b95 < 250},
    }


def _key(jobs, asked):
    """Return the render_state arguments of a requested render."""
    from meldcode.storage.background import RenderJob

    with jobs.database.reader() as s:
        row = s.get(RenderJob, asked.id)
        return (row.subject_id, row.version, row.language) if row else ("", "", "")


def _huge(jobs, case_id: str, work: Path) -> list:
    """Print the ~600-page dossier through the render job in this process; measure it."""
    from meldcode.jobs import printing
    from meldcode.jobs import renders

    found, _new = renders.request(
        jobs.database, jobs.settings, "dossier", case_id, jobs.case_version(case_id), "nl"
    )
    started = time.perf_counter()
    outcome = printing.execute(jobs.context, found.id)
    seconds = time.perf_counter() - started
    pdf = jobs.fetch_pdf(found.id) or b""
    (work / "huge.pdf").write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(work / "huge.pdf")], capture_output=True, text=True)
    pages = next(
        (int(line.split()[-1]) for line in info.stdout.splitlines() if line.startswith("Pages:")), 0
    )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  huge dossier: {outcome}")
    return [
        ("huge dossier pages", pages, ""),
        ("huge dossier render", seconds, "s"),
        ("huge dossier PDF size", len(pdf) / 1e6, "MB"),
        ("render child peak RSS", peak, "MB"),
    ]
