"""The case's event log as the dossier prints it: who did what, when; never content."""

from meldcode.casus.casefile import CaseFile
from meldcode.kader import Decision
from meldcode.kader import words
from meldcode.kader.i18n import _
from meldcode.kader.words import Words

TIMELINE_ROWS = 1000  # about 25 pages; the app's event page shows the whole log
TIMELINE_HEAD = 100  # the start of the case stays in, beside its latest events


def timeline(case: CaseFile, decision: Decision, lang: str) -> list[tuple[str, str, str]]:
    """Return the event log in time order: when, who, what (never content).

    The same person doing the same thing again on the same day is one row with a count,
    and a very long log keeps its first and latest rows with a line for what was left out:
    a log of 5,000 saves took 44 s to print, longer than a web page may take.
    """
    said = Words(decision.kader.model, lang)
    runs: list[list] = []
    for e in sorted(case.tijdlijn, key=lambda e: e.tijd):
        last = runs[-1] if runs else None
        if last and (last[0].wie, last[0].wat, last[0].tijd.date()) == (
            e.wie,
            e.wat,
            e.tijd.date(),
        ):
            last[1] += 1
        else:
            runs.append([e, 1])
    rows = [
        (
            words.moment(e.tijd, lang),
            e.wie,
            words.logged_event(said, e.wat) + (f" ({count}×)" if count > 1 else ""),
        )
        for e, count in runs
    ]
    if len(rows) <= TIMELINE_ROWS:
        return rows
    tail = TIMELINE_ROWS - TIMELINE_HEAD
    skipped = len(rows) - TIMELINE_ROWS
    note = _("… %(n)s regels van het logboek niet afgedrukt; de app toont het hele logboek …")
    return rows[:TIMELINE_HEAD] + [("…", "", note % {"n": skipped})] + rows[-tail:]
