"""Load run: many people editing the same records through two instances at the same moment.

Against a running deployment (see the README: two instances on one PostgreSQL, on
127.0.0.1). Every client signs in as the same owner (tabs, PCs), then for SECONDS opens
the edit page of one of the shared signals on one instance and saves a new text on the
other. Each save answers 303 (acknowledged), 409 (conflict page, nothing overwritten) or
something else (counted as an error). Afterwards the database says how many versions each
record has and how many edits its case's event log holds.
Goal: acknowledged edits == stored versions - 1 == logged edits, for every record; 0 errors.

    .venv/bin/python benchmarks/shared_edits.py --instances http://127.0.0.1:8001,\
http://127.0.0.1:8002 --email af@school.nl --password '…' --database-url "$MELDCODE_DATABASE_URL"
"""

import argparse
import collections
import concurrent.futures
import datetime
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import percentile  # noqa: E402
from servers import CSRF  # noqa: E402
from servers import Session  # noqa: E402

VERSION = re.compile(r'name="versie"[^>]*value="([^"]*)"')
SIGNAL = re.compile(r"/stap-1/signaal/([0-9a-f]{32})\"")


def sign_in(base: str, email: str, password: str) -> Session:
    """Return a client signed in on ``base`` (its cookies work on every instance)."""
    client = Session(base)
    token = CSRF.search(client.get("/inloggen")).group(1)
    status = client.post("/inloggen", {"csrf_token": token, "email": email, "password": password})
    if status != 303:
        raise SystemExit(f"sign-in failed ({status}): check --email and --password")
    return client


def shared_signal(client: Session, label: str) -> tuple[str, str]:
    """Create a case with one signal; return the case id and the signal's edit path."""
    page = client.get("/casussen/nieuw")
    kader = re.search(r'<option[^>]*value="([\w-]+)"[^>]*selected', page)
    data = {
        "csrf_token": CSRF.search(page).group(1),
        "label": label,
        "kader": kader.group(1) if kader else "basis",
        "zorg_sinds": datetime.date.today().isoformat(),
    }
    case_id = _location(client, "/casussen/nieuw", data).rsplit("/", 1)[-1]
    new = f"/casussen/{case_id}/stap-1/signaal/nieuw"
    form = client.get(new)
    _location(
        client,
        new,
        {
            "csrf_token": CSRF.search(form).group(1),
            "datum": datetime.date.today().isoformat(),
            "waarneming": "eerste tekst",
        },
    )
    key = SIGNAL.search(client.get(f"/casussen/{case_id}/stap-1")).group(1)
    return case_id, f"/casussen/{case_id}/stap-1/signaal/{key}"


def _location(client: Session, path: str, data: dict) -> str:
    """POST a form that must redirect; return where to."""
    import urllib.error
    import urllib.parse

    body = urllib.parse.urlencode(data).encode()
    try:
        client.opener.open(client.base + path, body)
    except urllib.error.HTTPError as exc:
        if exc.code == 303:
            return exc.headers["Location"]
        raise SystemExit(f"{path} answered {exc.code}") from None
    raise SystemExit(f"{path} did not redirect")


def edit_loop(number: int, client: Session, bases: list[str], paths: list[str], until: float):
    """Open and save shared records until ``until``; return (record, status, seconds) rows."""
    rows = []
    turn = number
    while time.monotonic() < until:
        path = paths[turn % len(paths)]
        reader, writer = bases[turn % 2], bases[(turn + 1) % 2]  # open on one, save on other
        turn += 1
        client.base = reader
        try:
            page = client.get(path)
        except OSError:
            rows.append((path, "open-failed", 0.0))
            continue
        data = {
            "csrf_token": CSRF.search(page).group(1),
            "versie": VERSION.search(page).group(1),
            "datum": datetime.date.today().isoformat(),
            "waarneming": f"klant {number} bewerking {turn}",
        }
        client.base = writer
        started = time.perf_counter()
        status = client.post(path, data)
        rows.append((path, status, time.perf_counter() - started))
    return rows


def stored(database_url: str, case_ids: list[str]) -> dict:
    """Return per case: the signal's stored version and the edits in the event log."""
    from sqlalchemy import create_engine
    from sqlalchemy import text

    engine = create_engine(database_url)
    found = {}
    with engine.connect() as conn:
        for case_id in case_ids:
            version = conn.execute(
                text("SELECT version FROM case_records WHERE case_id = :c AND kind = 'signaal'"),
                {"c": case_id},
            ).scalar()
            logged = conn.execute(
                text(
                    "SELECT count(*) FROM case_events WHERE case_id = :c "
                    "AND action = 'signaal_gewijzigd'"
                ),
                {"c": case_id},
            ).scalar()
            found[case_id] = {"version": version, "logged_edits": logged}
    engine.dispose()
    return found


def main() -> int:
    """Run the load and print acknowledged edits against stored versions and the log."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--instances", required=True, help="two base URLs, comma-separated")
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--records", type=int, default=2)
    args = parser.parse_args()
    bases = args.instances.split(",")
    if len(bases) != 2 or not all(b.startswith("http://127.0.0.1:") for b in bases):
        raise SystemExit("give two instances on 127.0.0.1 (bounded load, local only)")
    owner = sign_in(bases[0], args.email, args.password)
    made = [shared_signal(owner, f"L.T., {2010 + i}") for i in range(args.records)]
    paths = [path for _case, path in made]
    clients = [sign_in(bases[i % 2], args.email, args.password) for i in range(args.clients)]
    until = time.monotonic() + args.seconds
    results: list = []
    with concurrent.futures.ThreadPoolExecutor(args.clients) as pool:
        futures = [
            pool.submit(edit_loop, i, client, bases, paths, until)
            for i, client in enumerate(clients)
        ]
        for future in futures:
            results += future.result()
    in_db = stored(args.database_url, [case for case, _path in made])
    report = {"clients": args.clients, "seconds": args.seconds, "records": []}
    for case_id, path in made:
        statuses = collections.Counter(str(s) for p, s, _t in results if p == path)
        entry = {
            "acknowledged_edits": statuses.get("303", 0),
            "conflicts_409": statuses.get("409", 0),
            "other_answers": {k: v for k, v in statuses.items() if k not in ("303", "409")},
            "stored_versions": in_db[case_id]["version"],
            "logged_edits": in_db[case_id]["logged_edits"],
        }
        entry["silently_overwritten"] = entry["acknowledged_edits"] - (entry["stored_versions"] - 1)
        report["records"].append(entry)
    times = [t for _p, s, t in results if s in (303, 409)]
    report["save_p50_ms"] = round(percentile(times, 50) * 1000, 1)
    report["save_p95_ms"] = round(percentile(times, 95) * 1000, 1)
    print(json.dumps(report, indent=2))
    fine = all(
        r["silently_overwritten"] == 0
        and r["acknowledged_edits"] == r["logged_edits"]
        and not r["other_answers"]
        for r in report["records"]
    )
    goal = "every acknowledged edit is a stored version and a logged edit, no errors"
    print(("goal met: " if fine else "GOAL MISSED: ") + goal)
    return 0 if fine else 1


if __name__ == "__main__":
    sys.exit(main())
