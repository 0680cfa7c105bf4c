"""Run the same work in several threads at the same moment, each with its own connections.

Every worker gets its own :class:`Database` (its own engine and pool), like separate
instances of the app; a barrier releases them together so their transactions overlap.
"""

import threading
from collections import Counter
from dataclasses import dataclass
from dataclasses import field

from meldcode.storage.db import Database

TIMEOUT = 30


@dataclass
class Outcome:
    """What one worker's call returned or raised."""

    value: object = None
    error: BaseException | None = None

    @property
    def kind(self) -> str:
        """Return "ok" or the name of the exception raised."""
        return "ok" if self.error is None else type(self.error).__name__


@dataclass
class Tally:
    """Outcomes over many rounds: how often each kind of outcome came back."""

    rounds: int = 0
    kinds: Counter = field(default_factory=Counter)
    bad_rounds: int = 0
    errors: list = field(default_factory=list)  # the first few, to say what went wrong

    def add(self, outcomes: list[Outcome], bad: bool, labels: list[str] | None = None) -> None:
        """Count one round; ``bad`` marks a round that broke the promise under test."""
        self.rounds += 1
        self.kinds.update(labels if labels is not None else [o.kind for o in outcomes])
        self.bad_rounds += int(bad)
        self.errors += [repr(o.error)[:300] for o in outcomes if o.error][: 3 - len(self.errors)]

    def report(self) -> tuple:
        """Return what to show when the promise broke: bad rounds, outcomes, first errors."""
        return (self.bad_rounds, dict(self.kinds), self.errors)


def race(calls: list) -> list[Outcome]:
    """Call every ``calls[i]()`` in its own thread at once; return their outcomes in order."""
    barrier = threading.Barrier(len(calls))
    outcomes = [Outcome() for _ in calls]

    def run(index: int) -> None:
        """Wait for the others, then do the work; keep what it returned or raised."""
        try:
            barrier.wait(TIMEOUT)
            outcomes[index].value = calls[index]()
        except BaseException as exc:  # noqa: BLE001 - every outcome is reported
            outcomes[index].error = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert not any(t.is_alive() for t in threads), "a worker hung"
    return outcomes


def answers(outcomes: list[Outcome]) -> list[str]:
    """Return the outcomes as sorted text: HTTP status codes, or the exception a request raised."""
    return sorted(str(o.value) if o.error is None else o.kind for o in outcomes)


def instances(url: str, cipher, count: int) -> list[Database]:
    """Return ``count`` independent databases on ``url`` (own engines, own connections)."""
    return [Database(url, cipher) for _ in range(count)]
