"""Web benchmark: a step page GET and a step POST that saves, against a bare baseline app.

Both apps run under gunicorn as ``make run`` starts ours (2 sync workers, the same flags) on
127.0.0.1; wrk (8 connections, bounded in time) loads them in turns, three rounds each, so
noise hits both alike. Every POST saves a new signal: they go round many cases, because a
case takes at most 400 records and a full case answers 422 without writing anything.
Both databases are SQLite in WAL mode with synchronous=FULL.
Goals: GET >= 0.7x and POST >= 0.6x the baseline's requests/s; p99 < 50 ms at 8
connections; < 150 MB resident memory per worker.
A second yardstick, information only: webapps.same_work does our save's database work on a
copy of our database with plain sqlite3 (see there); its POST is loaded in the same rounds.
"""

import datetime
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

from common import median
from servers import CSRF
from servers import PASSWORD
from servers import Session
from servers import free_port
from servers import start
from servers import stop
from servers import worker_rss_mb

HERE = Path(__file__).resolve().parent
DURATION = int(os.environ.get("BENCH_SECONDS", "8"))
ROUNDS = 3
CONNECTIONS = 8
# Enough cases that no case fills up (400 records) at up to 3,000 saves a second.
POST_CASES = ROUNDS * DURATION * 3000 // 380 + 1


def wrk(url: str, script: Path | None = None) -> dict:
    """Run wrk against a URL and return requests/s, requests and latency percentiles.

    The script gets a fresh random prefix (``init(args)``) on every run: wrk's Lua does not
    seed its random numbers, so keys made in Lua alone would repeat from one run to the next.
    """
    command = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", url]
    if script:
        command[1:1] = ["-s", str(script)]
        command += ["--", secrets.token_hex(8)]
    out = subprocess.run(
        ["timeout", str(DURATION + 20), *command], capture_output=True, text=True, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    factor = {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": rps,
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p99_ms": float(p99.group(1)) * factor,
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def lua(
    folder: Path, name: str, method: str, cookie: str, body: str = "", paths: list[str] = ()
) -> Path:
    """Write a wrk Lua script that sends one request with a cookie and body.

    With ``paths``, the requests go round them in turn (one wrk thread, so one counter).
    """
    path = folder / f"{name}.lua"
    escaped = body.replace("\\", "\\\\").replace('"', '\\"')
    # Each add-form POST carries a fresh record key in its URL, as every link to an add-form
    # in the app does (meldcode.web.casussen.formulier): the save users make, with its check
    # that the form was not saved before. The key is the run's prefix (see wrk) and a count.
    rotate = (
        "local paths = {" + ", ".join(f'"{p}"' for p in paths) + "}\n"
        "local i = 0\n"
        "local n = 0\n"
        'local run = ""\n'
        "init = function(args) run = args[1] end\n"
        "request = function()\n"
        "  i = i % #paths + 1\n"
        "  n = n + 1\n"
        '  return wrk.format(nil, string.format("%s?formulier=%s%016x", paths[i], run, n))\n'
        "end\n"
    )
    path.write_text(
        f'wrk.method = "{method}"\n'
        f'wrk.headers["Cookie"] = "{cookie}"\n'
        + (
            f'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
            f'wrk.body = "{escaped}"\n'
            if body
            else ""
        )
        + (rotate if paths else "")
    )
    return path


def prepare_meldcode(folder: Path) -> dict:
    """Create an instance with an organisation, a user and cases to read and to save in.

    Returns the id of the case the GET reads and the ids of the cases the POSTs add to.
    """
    os.environ["MELDCODE_INSTANCE_PATH"] = str(folder)
    from meldcode import settings
    from meldcode.casus.records import Antwoord
    from meldcode.casus.records import Signaal
    from meldcode.kader import Registry
    from meldcode.storage import accounts
    from meldcode.storage import cases
    from meldcode.storage.migrate import upgrade
    from meldcode.storage.models import Organisation

    config = settings.load()
    upgrade(config["DATABASE_URL"])
    database = settings.open_database(config)  # makes the data key, as the first start does
    kader = Registry.load(Path(config["KADERS_DIR"])).get("onderwijs")

    def work(s):
        """Create the organisation, user and case the benchmark uses."""
        org = Organisation(name="Benchmarkschool", default_kader="onderwijs")
        s.add(org)
        s.flush()
        user = accounts.create_user(
            s, org, "bench@school.nl", "aandachtsfunctionaris", PASSWORD, "Bench"
        )
        ids = []
        for number in range(1 + POST_CASES):
            label = f"A.B. {number}, 2015"
            case = cases.create_case(
                s, database.cipher, user, label, datetime.date(2026, 9, 1), kader
            )
            for day in range(1, 9):
                cases.add_record(
                    s,
                    database.cipher,
                    case,
                    user,
                    "signaal",
                    Signaal(
                        datum=datetime.date(2026, 9, day),
                        waarneming="Waarneming " * 20,
                        interpretatie="Interpretatie " * 10,
                        categorie="lichamelijk",
                    ),
                )
            cases.save_record(
                s,
                database.cipher,
                case,
                user,
                "antwoord",
                "vermoeden",
                Antwoord(antwoord="ja", motivatie="Motivatie " * 15),
                None,
            )
            ids.append(case.id)
        return ids

    ids = database.run_write(work)
    database.dispose()
    return {"get_case": ids[0], "post_cases": ids[1:]}


def prepare_same(folder: Path) -> tuple[list[str], str]:
    """Create a second instance for webapps.same_work; return its POST cases and a session token.

    The same data as ours gets, and a session made as signing in makes one.
    """
    from meldcode import settings
    from meldcode.storage import accounts
    from meldcode.storage import sessions
    from meldcode.storage.models import User

    ids = prepare_meldcode(folder)
    database = settings.open_database(settings.load())
    times = sessions.SessionTimes(
        idle=datetime.timedelta(hours=1), absolute=datetime.timedelta(hours=8)
    )

    def work(s):
        """Start a session for the benchmark's user."""
        user = s.query(User).filter_by(email="bench@school.nl").one()
        return sessions.start_session(s, user, accounts.now(), times, True)

    token = database.run_write(work)
    database.dispose()
    return ids["post_cases"], token


def saved_signals(work: Path, instance: str = "instance") -> int:
    """Return how many signals our database holds (to tell saves from refusals)."""
    with sqlite3.connect(work / instance / "meldcode.sqlite3") as conn:
        query = "SELECT count(*) FROM case_records WHERE kind = 'signaal'"
        return conn.execute(query).fetchone()[0]


def run() -> dict:
    """Run the web benchmark in a temporary folder."""
    work = Path(tempfile.mkdtemp(prefix="meldcode-bench-"))
    try:
        return _run(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(work: Path) -> dict:
    """Prepare both apps and their databases, then measure them."""
    baseline_db = work / "baseline.sqlite3"
    with sqlite3.connect(baseline_db) as conn:
        conn.execute("PRAGMA journal_mode=WAL")  # kept in the file; synchronous is per connection
        conn.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, naam TEXT, tekst TEXT)")
    same_cases, same_token = prepare_same(work / "same")
    ids = prepare_meldcode(work / "instance")
    ours_port, base_port, same_port = free_port(), free_port(), free_port()
    env = {
        "MELDCODE_INSTANCE_PATH": str(work / "instance"),
        "BASELINE_DB": str(baseline_db),
        "PYTHONPATH": f"{HERE.parent}:{HERE}",
    }
    ours = start("meldcode.web:create_app()", ours_port, env)  # what `make run` serves
    base = start("webapps.baseline:create_app()", base_port, env)
    same_env = {
        **env,
        "MELDCODE_INSTANCE_PATH": str(work / "same"),
        "SAME_DB": str(work / "same" / "meldcode.sqlite3"),
    }
    same = start("webapps.same_work:create_app()", same_port, same_env)
    try:
        yardstick = {"port": same_port, "cases": same_cases, "token": same_token}
        return _measure(work, ids, ours, base, ours_port, base_port, yardstick)
    finally:
        stop(ours)
        stop(base)
        stop(same)


def _measure(work, ids, ours, base, ours_port, base_port, yardstick) -> dict:
    """Sign in, then load both apps in turns and collect the figures."""
    me = Session(f"http://127.0.0.1:{ours_port}")
    token = CSRF.search(me.get("/inloggen")).group(1)
    assert (
        me.post(
            "/inloggen", {"csrf_token": token, "email": "bench@school.nl", "password": PASSWORD}
        )
        == 303
    )
    get_path = f"/casussen/{ids['get_case']}/stap-1"
    post_paths = [f"/casussen/{case}/stap-1/signaal/nieuw" for case in ids["post_cases"]]
    post_path = post_paths[0]
    token = CSRF.search(me.get(post_path)).group(1)
    signal_body = urllib.parse.urlencode(
        {
            "csrf_token": token,
            "versie": "0",
            "datum": "2026-09-14",
            "categorie": "gedrag",
            "waarneming": "Het kind kwam met een blauwe plek op de arm op school.",
            "interpretatie": "Mogelijk toegebracht letsel.",
            "waargenomen_door": "mentor",
        }
    )
    assert me.post(post_path, dict(urllib.parse.parse_qsl(signal_body))) == 303
    me.get(post_path.removesuffix("/signaal/nieuw"))  # as a browser does: shows the flash

    them = Session(f"http://127.0.0.1:{base_port}")
    base_token = CSRF.search(them.get("/form")).group(1)
    form_body = urllib.parse.urlencode(
        {
            "csrf_token": base_token,
            "naam": "Jan",
            "email": "jan@example.org",
            "telefoon": "0612",
            "datum": "2026-09-14",
            "keuze": "a",
            "radio": "ja",
            "aantal": "3",
            "bedrag": "1.50",
            "tekst": "Het kind kwam met een blauwe plek op de arm op school.",
            "akkoord": "y",
        }
    )
    assert them.post("/form", dict(urllib.parse.parse_qsl(form_body))) == 303

    # The second yardstick: the same signal, saved by webapps.same_work in its own database.
    yard = Session(f"http://127.0.0.1:{yardstick['port']}")
    yard.get(f"/start/{yardstick['token']}")
    yard_paths = [f"/casussen/{case}/stap-1/signaal/nieuw" for case in yardstick["cases"]]
    yard_fields = dict(urllib.parse.parse_qsl(signal_body))
    yard_fields["csrf_token"] = CSRF.search(yard.get(yard_paths[0])).group(1)
    assert yard.post(yard_paths[0], yard_fields) == 303
    yard_body = urllib.parse.urlencode(yard_fields)

    scripts = {
        "same_post": lua(work, "same_post", "POST", yard.cookie_header(), yard_body, yard_paths),
        "ours_get": lua(work, "ours_get", "GET", me.cookie_header()),
        "ours_post": lua(work, "ours_post", "POST", me.cookie_header(), signal_body, post_paths),
        "base_get": lua(work, "base_get", "GET", them.cookie_header()),
        "base_post": lua(work, "base_post", "POST", them.cookie_header(), form_body),
    }
    urls = {
        "ours_get": f"http://127.0.0.1:{ours_port}{get_path}",
        "ours_post": f"http://127.0.0.1:{ours_port}{post_path}",
        "base_get": f"http://127.0.0.1:{base_port}/form",
        "base_post": f"http://127.0.0.1:{base_port}/form",
        "same_post": f"http://127.0.0.1:{yardstick['port']}{yard_paths[0]}",
    }
    results: dict[str, list[dict]] = {k: [] for k in urls}
    signals_before = saved_signals(work)
    for _ in range(ROUNDS):
        for name in ("base_get", "ours_get", "base_post", "ours_post", "same_post"):
            results[name].append(wrk(urls[name], scripts[name]))
    # Every measured POST must have been a save, not a refusal or an "already saved".
    posted = sum(r["requests"] for r in results["ours_post"])
    saved = saved_signals(work) - signals_before
    summary = {
        name: {
            "rps": round(median([r["rps"] for r in runs]), 1),
            "p99_ms": round(median([r["p99_ms"] for r in runs]), 2),
            "errors": sum(r["errors"] for r in runs),
        }
        for name, runs in results.items()
    }
    rss = worker_rss_mb(ours)
    for name, figures in summary.items():
        print(
            f"  {name:<10} {figures['rps']:9.1f} req/s   p99 {figures['p99_ms']:7.2f} ms"
            f"   non-2xx/3xx {figures['errors']}"
        )
    get_ratio = summary["ours_get"]["rps"] / summary["base_get"]["rps"]
    post_ratio = summary["ours_post"]["rps"] / summary["base_post"]["rps"]
    print(f"  POSTs answered {posted}, signals saved {saved}")
    same_ratio = summary["ours_post"]["rps"] / summary["same_post"]["rps"]
    print(
        f"  information: POST ours / same work {same_ratio:.2f}, same work / baseline "
        f"{summary['same_post']['rps'] / summary['base_post']['rps']:.2f}"
    )
    print(
        f"  ratio GET {get_ratio:.2f}   ratio POST {post_ratio:.2f}   worker RSS "
        f"{', '.join(f'{x:.0f}' for x in rss)} MB"
    )
    goals = {
        "GET >= 0.7x baseline": get_ratio >= 0.7,
        "POST >= 0.6x baseline": post_ratio >= 0.6,
        "p99 < 50 ms at 8 connections": max(
            summary["ours_get"]["p99_ms"], summary["ours_post"]["p99_ms"]
        )
        < 50,
        "< 150 MB per worker": bool(rss) and max(rss) < 150,
        "no errors": summary["ours_get"]["errors"] == 0 and summary["ours_post"]["errors"] == 0,
        "every POST saved": posted <= saved <= posted + ROUNDS * CONNECTIONS,
    }
    for goal, ok in goals.items():
        print(f"  goal {goal}: {'met' if ok else 'NOT met'}")
    return {
        "figures": summary,
        "get_ratio": round(get_ratio, 2),
        "post_ratio": round(post_ratio, 2),
        "post_ratio_to_same_work": round(same_ratio, 2),
        "worker_rss_mb": [round(x) for x in rss],
        "posts_answered": posted,
        "signals_saved": saved,
        "seconds_per_run": DURATION,
        "connections": CONNECTIONS,
        "goals": goals,
    }
