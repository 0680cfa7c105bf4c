"""Kader loading (cold, in fresh processes) and one decision, each against a baseline.

Baselines: plain ``yaml.safe_load`` of the same files with the C loader (no schema, no
inheritance, no lint), and a bare chain of five dict look-ups for a decision.
Goals: all kaders loaded, resolved and linted in under 150 ms; a decision under 50 µs.
"""

import subprocess
import sys
import time

from common import interleave
from common import median
from common import show

from meldcode import paths
from meldcode.kader import Registry
from meldcode.kader import evaluate

OURS = """
import time, sys
from meldcode import paths
from meldcode.kader import Registry
t = time.perf_counter()
Registry.load(paths.KADERS_DIR)
print(time.perf_counter() - t)
"""
BASELINE = """
import time, yaml
from meldcode import paths
t = time.perf_counter()
for f in sorted(paths.KADERS_DIR.glob('*.yaml')):
    yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)
print(time.perf_counter() - t)
"""
ANSWERS = {
    "vermoeden": "ja",
    "veiligheid": "nee",
    "hulp": "ja",
    "acceptatie": "ja",
    "resultaat": "nee",
}


def cold(code: str) -> float:
    """Run code in a fresh Python and return the seconds it prints."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def bare_chain(a: dict):
    """Five look-ups, as plain as a decision can be."""
    if a["vermoeden"] != "ja":
        return "afsluiten"
    if a["veiligheid"] == "ja":
        return "melden"
    if a["hulp"] != "ja":
        return "melden"
    if a["acceptatie"] != "ja":
        return "melden"
    return "hulp" if a["resultaat"] == "ja" else "melden"


def run() -> dict:
    """Measure cold kader loading and warm evaluation against their baselines."""
    ours, base = [], []
    for _ in range(9):  # interleaved, in fresh processes: a true cold load each time
        ours.append(cold(OURS))
        base.append(cold(BASELINE))
    registry = Registry.load(paths.KADERS_DIR)
    count = len(registry.all())
    load_ms, base_ms = median(ours) * 1e3, median(base) * 1e3
    print(f"  {count} kader versions from {paths.KADERS_DIR}")
    show("load + resolve + lint, cold (median of 9)", load_ms, "ms", base_ms)
    show("baseline yaml.CSafeLoader of the same files", base_ms, "ms")

    kader = registry.get("basis")
    n = 2000

    def ours_decide():
        """Evaluate the kader n times."""
        for _ in range(n):
            evaluate(kader, ANSWERS)

    def base_decide():
        """Run the bare if-chain n times."""
        for _ in range(n):
            bare_chain(ANSWERS)

    times = interleave({"ours": ours_decide, "base": base_decide}, rounds=25)
    decide_us = median(times["ours"]) / n * 1e6
    bare_us = median(times["base"]) / n * 1e6
    show("evaluate() per decision (median)", decide_us, "µs", bare_us)
    show("baseline: bare chain of five look-ups", bare_us, "µs")
    contract = []
    start = time.perf_counter()
    for _ in range(500):
        contract.append(evaluate(kader, ANSWERS).to_contract())
    contract_us = (time.perf_counter() - start) / 500 * 1e6
    show("evaluate() + to_contract() (for reference)", contract_us, "µs")
    goals = {
        "kaders loaded and linted < 150 ms": load_ms < 150,
        "decision < 50 µs (median)": decide_us < 50,
    }
    for goal, ok in goals.items():
        print(f"  goal {goal}: {'met' if ok else 'NOT met'}")
    return {
        "kader_versions": count,
        "load_ms": round(load_ms, 1),
        "baseline_load_ms": round(base_ms, 1),
        "load_ratio": round(load_ms / base_ms, 2),
        "decision_us": round(decide_us, 2),
        "baseline_decision_us": round(bare_us, 3),
        "decision_ratio": round(decide_us / bare_us, 1),
        "decision_with_contract_us": round(contract_us, 1),
        "goals": goals,
    }
