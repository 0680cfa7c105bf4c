"""The dossier benchmark's cold half: the first download from a freshly started server.

A gunicorn worker (one, sync) is started on 127.0.0.1, signed in to over HTTP, and a
dossier downloaded once and then LATER times more, each of a separate copy of the same
case (every download is logged in its case, which the dossier prints).
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
    start_time = time.perf_counter()
    with me.opener.open(me.base + path) as response:
        body = response.read()
    elapsed = time.perf_counter() - start_time
    assert body.startswith(b"%PDF-"), body[:200]
    return elapsed


def start_worker(port: int, env: dict) -> subprocess.Popen:
    """Start gunicorn with one sync worker and wait until it answers."""
    command = [sys.executable, "-m", "gunicorn", "--workers", "1", "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        [*command, "meldcode.web:create_app()"],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return answering(process, f"http://127.0.0.1:{port}/inloggen", "gunicorn", tries=600)


def fresh_server(folder: Path, case_ids: list[str], warm_up: bool) -> tuple[float, list[float]]:
    """Start a gunicorn worker, sign in, download one dossier, then one of each other case."""
    port = free_port()
    env = {
        "MELDCODE_INSTANCE_PATH": str(folder),
        "MELDCODE_PDF_WARM_UP": "true" if warm_up else "false",
        "PYTHONPATH": f"{HERE.parent}:{HERE}",
    }
    server = start_worker(port, env)
    try:
        me = Session(f"http://127.0.0.1:{port}")
        token = CSRF.search(me.get("/inloggen")).group(1)
        form = {"csrf_token": token, "email": "bench@school.nl", "password": PASSWORD}
        assert me.post("/inloggen", form) == 303
        times = [download(me, f"/casussen/{c}/dossier.pdf?taal=nl") for c in case_ids]
        return times[0], times[1:]
    finally:
        stop(server)


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
    print("  download over HTTP from a fresh gunicorn worker (typical dossier)")
    show("first download after start (median of 2)", result["first"], "s", result["later"])
    show(f"later downloads (median of {len(laters)})", result["later"], "s")
    show("first download, warm-up switched off (ref.)", no_warm, "s", result["later"])
    return {k: round(v, 3) for k, v in result.items()}
