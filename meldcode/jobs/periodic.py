"""The periodic jobs as plain functions: the daily purge, the reminders, the sweep.

Every one is safe to run on several machines at once: the purge claims its day in the
database, reminders are keyed per event in the outbox, the sweep only deletes what expired.
"""

import datetime
import logging

from meldcode.jobs import renders
from meldcode.kader.words import LOCAL_TIME
from meldcode.mail import notify
from meldcode.mail import outbox
from meldcode.storage import purge
from meldcode.storage.models import utcnow

log = logging.getLogger("meldcode.jobs")
REMINDER_HOUR = 7  # reminders arrive from 07:00 Dutch time, not in the night


def run_purge(ctx, now: datetime.datetime | None = None):
    """Run the retention purge if today's has not run yet (on any machine)."""
    now = now or utcnow()
    report = ctx.database.run_write(
        lambda s: purge.purge(s, now) if purge.claim_daily(s, now) else None
    )
    if report is not None:
        log.info("daily purge: %d case(s), %d session(s)", len(report.cases), report.sessions)
    return report


def run_reminders(ctx, now: datetime.datetime | None = None) -> list[str]:
    """Add the reminders and retention warnings that are due; return new outbox ids."""
    now = now or utcnow()
    local = now.replace(tzinfo=datetime.UTC).astimezone(LOCAL_TIME)
    if local.hour < REMINDER_HOUR:
        return []
    db, settings = ctx.database, ctx.settings
    return db.run_write(
        lambda s: (
            notify.due_reminders(s, db.cipher, settings, local.date())
            + notify.retention_warnings(s, db.cipher, settings, now)
        )
    )


def run_sweep(ctx, now: datetime.datetime | None = None) -> list[str]:
    """Delete expired PDFs, fail lost renders; return outbox ids to enqueue again."""
    now = now or utcnow()
    renders.sweep(ctx.database, ctx.settings, now)
    with ctx.database.reader() as s:
        return outbox.waiting(s, now)
