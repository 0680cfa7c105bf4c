"""Small helpers shared by the benchmarks: medians, percentiles, interleaved timing."""

import statistics
import time


def median(values):
    """Return the median of a list of figures."""
    return statistics.median(values)


def percentile(values, p):
    """Return the p-th percentile (nearest rank) of a list of figures."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def interleave(cases: dict, rounds: int) -> dict:
    """Time each callable once per round, round-robin, so noise hits all cases alike."""
    times = {name: [] for name in cases}
    for _ in range(rounds):
        for name, fn in cases.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return times


def show(label: str, value: float, unit: str, baseline: float | None = None) -> None:
    """Print one figure, with its ratio to the baseline when given."""
    ratio = f"  ratio {value / baseline:.2f}" if baseline else ""
    print(f"  {label:<46} {value:10.3f} {unit}{ratio}")
