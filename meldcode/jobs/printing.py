"""The render task's work: claim the row, make the HTML, print it in a bounded child, store.

Every step writes the row, so the page that waits can say what is happening: ``bezig``
while printing, ``klaar`` with the encrypted PDF, ``mislukt`` with the reason (omvang: the
case is larger than the worker prints; tijd, geheugen: a render limit stopped it; fout)
and a retry, ``verouderd`` when the case changed before its turn came. This is the only
place the app prints a PDF: in one of the machine's render slots (fewer than its cores),
in a child within ``RENDER_SECONDS`` and ``RENDER_MEMORY_MB`` (meldcode.dossier.bounded).
"""

import datetime
import functools
import logging

from huey.exceptions import RetryTask

from meldcode.dossier import bounded
from meldcode.dossier.limit import Busy
from meldcode.dossier.limit import printable
from meldcode.jobs.renders import DOSSIER
from meldcode.jobs.renders import case_version
from meldcode.jobs.renders import html_context
from meldcode.jobs.renders import pdf_context
from meldcode.jobs.renders import print_day
from meldcode.storage.background import RenderJob
from meldcode.storage.models import Case
from meldcode.storage.models import utcnow

log = logging.getLogger("meldcode.jobs.render")
BUSY_RETRY_SECONDS = 3
NICENESS = 10  # renders yield the CPU to web requests on the same machine
MEGABYTE = 1024 * 1024
# The row's failure says why in the words the waiting page uses: tijd, geheugen or fout.
FAILURES = {"time": "tijd", "memory": "geheugen"}


class Stale(Exception):
    """The case changed (or went) after the render was asked for."""


class TooBig(Exception):
    """The case is larger than the worker prints (meldcode.dossier.limit.printable)."""


def _claim(s, job_id: str):
    """Mark a queued row as being printed; return it, or None when it is not queued."""
    row = s.get(RenderJob, job_id)
    if row is None or row.status != "wachtrij":
        return None  # printed already, being printed, or deleted: nothing to do twice
    row.status, row.started_at = "bezig", utcnow()
    row.attempts += 1
    return row


def _set(db, job_id: str, **values) -> None:
    """Write values onto a row, if it still exists."""

    def work(s):
        """Update the row."""
        row = s.get(RenderJob, job_id)
        if row is not None:
            for name, value in values.items():
                setattr(row, name, value)

    db.run_write(work)


def dossier_html(ctx, row: RenderJob) -> str:
    """Build the dossier HTML of the case at the row's version, as the command line does."""
    from meldcode.casus.limits import size_of
    from meldcode.dossier.build import build
    from meldcode.dossier.build import decide
    from meldcode.storage.casefile_io import export_case
    from meldcode.storage.casefile_io import with_names

    db = ctx.database
    with db.reader() as s:
        case = s.get(Case, row.subject_id)
        if case is None or case_version(s, row.subject_id) != row.version:
            raise Stale()
        # People by name, as on the dossier page; the exported file keeps their addresses.
        casefile = with_names(s, export_case(s, db.cipher, case), case.organisation_id)
    if not printable(*size_of(casefile)):
        raise TooBig()  # refused before it takes a slot for minutes and fails anyway
    # Decided as every page and the command line decide (only answers that count); dated
    # with the day the version names, so the PDF says the day it was asked for.
    view = build(casefile, decide(casefile, ctx.registry), row.language, print_day())
    return ctx.renderer().html(view)


def _html(ctx, row: RenderJob) -> str:
    """Return the HTML to print: the dossier built now, or the page the web stored."""
    if row.kind == DOSSIER:
        return dossier_html(ctx, row)
    return ctx.database.cipher.decrypt(row.html_enc, html_context(row.id))


def execute(ctx, job_id: str) -> str:
    """Print one render row in a free render slot; return what happened (log and tests).

    With every slot taken the task goes back to the queue for a few seconds, and the row
    stays ``wachtrij``: this worker thread is free for mail meanwhile.
    """
    with ctx.database.reader() as s:
        row = s.get(RenderJob, job_id)
        if row is None or row.status != "wachtrij":
            return "overgeslagen"  # printed already, being printed, or deleted
    try:
        with ctx.slots.slot():
            return _print(ctx, job_id)
    except Busy:
        raise RetryTask(delay=BUSY_RETRY_SECONDS) from None


def _print(ctx, job_id: str) -> str:
    """Claim the row, make its HTML, print it in a bounded child and store the PDF."""
    db = ctx.database
    row = db.run_write(lambda s: _claim(s, job_id))
    if row is None:
        return "overgeslagen"
    try:
        html = _html(ctx, row)
    except Stale:
        _set(db, job_id, status="verouderd", finished_at=utcnow())
        return "verouderd"
    except TooBig:
        _set(db, job_id, status="mislukt", failure="omvang", finished_at=utcnow())
        return "mislukt"
    except Exception as failed:  # noqa: BLE001 - the page says "failed", the log says what
        log.warning("render %s failed before printing: %s", job_id, type(failed).__name__)
        _set(db, job_id, status="mislukt", failure="fout", finished_at=utcnow())
        return "mislukt"
    settings = ctx.settings
    renderer = ctx.renderer()
    archival = bool(settings.get("PDF_ARCHIVAL"))
    work = renderer.in_child(functools.partial(renderer.pdf_from_html, html, archival))
    seconds = float(settings["RENDER_SECONDS"])
    memory = int(settings["RENDER_MEMORY_MB"]) * MEGABYTE
    usage: dict = {}
    try:
        pdf = bounded.run(work, seconds, memory, niceness=NICENESS, usage=usage)
    except (bounded.TooLarge, bounded.RenderFailed) as failed:
        reason = FAILURES.get(getattr(failed, "reason", ""), "fout")
        log.warning("render %s failed: %s (%s)", job_id, reason, failed)
        _set(db, job_id, status="mislukt", failure=reason, finished_at=utcnow())
        return "mislukt"
    now = utcnow()
    _set(
        db,
        job_id,
        status="klaar",
        pdf_enc=db.cipher.encrypt_bytes(pdf, pdf_context(job_id)),
        pdf_bytes=len(pdf),
        html_enc=None,
        finished_at=now,
        expires_at=now + datetime.timedelta(minutes=int(settings["RENDER_KEEP_MINUTES"])),
    )
    # Sizes and times only, never content: what an operator needs to set the limits.
    log.info(
        "render %s done: %d bytes in %.1f s, peak %.0f MB",
        job_id,
        len(pdf),
        usage.get("seconds", 0),
        usage.get("peak_mb", 0),
    )
    return "klaar"
