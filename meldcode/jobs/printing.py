"""The render task's work: claim the row, make the HTML, print it in a bounded child, store.

Every step writes the row, so the page that waits can say what is happening: ``bezig``
while printing, ``klaar`` with the encrypted PDF, ``mislukt`` with the reason (tijd,
geheugen, fout) and a retry, ``verouderd`` when the case changed before its turn came.
"""

import datetime
import functools
import logging

from huey.exceptions import RetryTask

from meldcode.dossier import bounded
from meldcode.dossier.limit import Busy
from meldcode.jobs.renders import DOSSIER
from meldcode.jobs.renders import case_version
from meldcode.jobs.renders import html_context
from meldcode.jobs.renders import pdf_context
from meldcode.storage.background import RenderJob
from meldcode.storage.models import Case
from meldcode.storage.models import utcnow

log = logging.getLogger("meldcode.jobs.render")
BUSY_RETRY_SECONDS = 3
NICENESS = 10  # renders yield the CPU to web requests on the same machine
MEGABYTE = 1024 * 1024
# The row's failure says why in the words the waiting page uses: tijd, geheugen or fout.
FAILURES = {"time": "tijd", "memory": "geheugen", "size": "geheugen"}


class Stale(Exception):
    """The case changed (or went) after the render was asked for."""


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
    from meldcode.dossier.build import build
    from meldcode.dossier.build import decide
    from meldcode.storage.casefile_io import export_case

    db = ctx.database
    with db.reader() as s:
        case = s.get(Case, row.subject_id)
        if case is None or case_version(s, row.subject_id) != row.version:
            raise Stale()
        casefile = export_case(s, db.cipher, case)
    # Decided as every page and the command line decide (only answers that count).
    return ctx.renderer().html(build(casefile, decide(casefile, ctx.registry), row.language))


def execute(ctx, job_id: str) -> str:
    """Print one render row; return what happened (for the log and the tests)."""
    db = ctx.database
    row = db.run_write(lambda s: _claim(s, job_id))
    if row is None:
        return "overgeslagen"
    try:
        if row.kind == DOSSIER:
            html = dossier_html(ctx, row)
        else:
            html = db.cipher.decrypt(row.html_enc, html_context(row.id))
    except Stale:
        _set(db, job_id, status="verouderd", finished_at=utcnow())
        return "verouderd"
    settings = ctx.settings
    renderer = ctx.renderer()
    archival = bool(settings.get("PDF_ARCHIVAL"))
    work = renderer.in_child(functools.partial(renderer.pdf_from_html, html, archival))
    seconds = float(settings["RENDER_SECONDS"])
    memory = int(settings["RENDER_MEMORY_MB"]) * MEGABYTE
    try:
        with ctx.slots.slot():
            pdf = bounded.run(work, seconds, memory, niceness=NICENESS)
    except Busy:
        _set(db, job_id, status="wachtrij")
        raise RetryTask(delay=BUSY_RETRY_SECONDS) from None
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
    log.info("render %s done: %d bytes", job_id, len(pdf))
    return "klaar"
