"""Run the benchmarks: `make bench` (all) or `python benchmarks/run.py kaders web ...`.

Every benchmark measures against a baseline in the same run, because these machines are
noisy; each prints its figures and the ratio to the baseline, and the goal it checks.
"""

import importlib
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

SUITES = ["kaders", "web", "dossier", "training", "jobs"]


def main(argv: list[str]) -> int:
    """Run the chosen benchmarks, write their figures and fail on a missed goal."""
    chosen = argv or SUITES
    results = {}
    failed = []
    for name in chosen:
        path = HERE / f"bench_{name}.py"
        if not path.exists():
            print(f"-- {name}: not present, skipped")
            continue
        module = importlib.import_module(f"bench_{name}")
        print(f"\n== {name} ==")
        started = time.perf_counter()
        figures = module.run()
        figures["seconds"] = round(time.perf_counter() - started, 1)
        results[name] = figures
        failed += [f"{name}: {goal}" for goal, ok in figures.get("goals", {}).items() if not ok]
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"\nfigures written to {out / 'latest.json'}")
    if failed:
        print("goals not met:\n  " + "\n  ".join(failed))
    else:
        print("all goals met")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
