"""The dossier benchmark's cold half: the first download from a freshly started server.

The web (gunicorn, one sync worker) and ``meldcode worker``, which prints every PDF, are
started on 127.0.0.1 as ``make run`` starts them; once the worker says it has started (it
loads and warms WeasyPrint first), a dossier is downloaded over HTTP once and then LATER
times more, each of a separate copy of the same case (every download is logged in its
case, which the dossier prints). A download is timed from the click to the PDF: the web
answers with its waiting page until the worker is done, and is asked again every 50 ms.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

from common import median
from common import show
from servers import CSRF
from servers import PASSWORD
from servers import Session
from servers import answering
from servers import free_port
from servers import start_worker
from servers import stop

from meldcode.casus.casefile import load_yaml
from meldcode.kader import Registry

HERE = Path(__file__).resolve().parent
CASES = HERE.parent / "tests" / "dossier" / "cases"
LATER = 5


def load(name: str):
    """Read one of the dossier tests' example case files."""
    path = CASES / f"{name}.yaml"
    return load_yaml(path.read_bytes(), str(path))


def prepare(folder: Path, count: int) -> list[str]:
    """Create an instance with an account and ``count`` copies of the typical case.

    Each download is logged in its case's event log, which the dossier prints: a copy per
    download keeps every measured dossier the same length.
    """
    os.environ["MELDCODE_INSTANCE_PATH"] = str(folder)
    from meldcode import settings
    from meldcode.storage import accounts
    from meldcode.storage.casefile_io import import_case
    from meldcode.storage.migrate import upgrade
    from meldcode.storage.models import Organisation

    config = settings.load()
    upgrade(config["DATABASE_URL"])
    database = settings.open_database(config)  # makes the data key, as the first start does
    case = load("disclosure")
    kader = Registry.load(Path(config["KADERS_DIR"])).get("basis", "2019.1")

    def work(s):
        org = Organisation(name="Benchmarkschool", default_kader="basis")
        s.add(org)
        s.flush()
        user = accounts.create_user(s, org, "bench@school.nl", "medewerker", PASSWORD, "B")
        return [import_case(s, database.cipher, case, user, kader).id for _ in range(count)]

    case_ids = database.run_write(work)
    database.dispose()
    return case_ids


def download(me: Session, path: str) -> float:
    """Return the seconds from asking for a dossier to having it, through the waiting page."""
    start_time = time.perf_counter()
    for _ in range(2400):  # at most two minutes
        with me.opener.open(me.base + path) as response:
            body = response.read()
            if response.status == 202:  # the waiting page: the worker is printing it
                time.sleep(0.05)
                continue
        assert body.startswith(b"%PDF-"), body[:200]
        return time.perf_counter() - start_time
    raise RuntimeError(f"no PDF for {path}")


def worker_started(worker: subprocess.Popen, log: Path) -> None:
    """Wait until ``meldcode worker`` has loaded WeasyPrint and says it has started."""
    for _ in range(1200):
        if "worker started" in log.read_text(errors="replace"):
            return
        if worker.poll() is not None:
            break
        time.sleep(0.1)
    raise RuntimeError("meldcode worker did not start:\n" + log.read_text(errors="replace"))


def start_web(port: int, env: dict) -> subprocess.Popen:
    """Start gunicorn with one sync worker and wait until it answers."""
    command = [sys.executable, "-m", "gunicorn", "-c", "python:meldcode.gunicorn_config"]
    command += ["--workers", "1", "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        [*command, "meldcode.web:create_app()"],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return answering(process, f"http://127.0.0.1:{port}/inloggen", "gunicorn", tries=600)


def fresh_server(folder: Path, case_ids: list[str], warm_up: bool) -> tuple[float, list[float]]:
    """Start web and worker, sign in, download one dossier, then one of each other case."""
    port = free_port()
    env = {
        "MELDCODE_INSTANCE_PATH": str(folder),
        "MELDCODE_PDF_WARM_UP": "true" if warm_up else "false",
        "PYTHONPATH": f"{HERE.parent}:{HERE}",
    }
    server = start_web(port, env)
    log = folder.parent / f"worker-{port}.log"
    worker = start_worker({**os.environ, **env}, log)
    try:
        worker_started(worker, log)
        me = Session(f"http://127.0.0.1:{port}")
        token = CSRF.search(me.get("/inloggen")).group(1)
        form = {"csrf_token": token, "email": "bench@school.nl", "password": PASSWORD}
        assert me.post("/inloggen", form) == 303
        times = [download(me, f"/casussen/{c}/dossier.pdf?taal=nl") for c in case_ids]
        return times[0], times[1:]
    finally:
        stop(server)
        stop(worker)


def cold(work: Path) -> dict:
    per = LATER + 1
    case_ids = prepare(work / "instance", 3 * per)
    firsts, laters = [], []
    for n in range(2):
        first, later = fresh_server(work / "instance", case_ids[n * per : (n + 1) * per], True)
        firsts.append(first)
        laters += later
    no_warm, _later = fresh_server(work / "instance", case_ids[2 * per :], warm_up=False)
    result = {"first": median(firsts), "later": median(laters), "no_warm_up": no_warm}
    print("  download over HTTP, fresh web and worker (typical dossier)")
    show("first download after start (median of 2)", result["first"], "s", result["later"])
    show(f"later downloads (median of {len(laters)})", result["later"], "s")
    show("first download, warm-up switched off (ref.)", no_warm, "s", result["later"])
    return {k: round(v, 3) for k, v in result.items()}
