"""The tasks, registered on a given Huey instance (nothing happens at import).

Names are given explicitly, so the web (which enqueues) and ``meldcode worker`` (which
runs) agree on them whatever module layout comes later.
"""

from dataclasses import dataclass

from huey import crontab

from meldcode.jobs import periodic
from meldcode.jobs import printing
from meldcode.mail import sending

MAIL_RETRIES = 5  # with the backoff: about 1, 2, 4, 8, 16 times MAIL_RETRY_SECONDS


@dataclass
class Tasks:
    """The registered tasks; calling one enqueues it."""

    render: object
    send_mail: object
    purge: object
    reminders: object
    sweep: object


def register(huey, ctx) -> Tasks:
    """Define every task on ``huey``; they use ``ctx`` for the database, kaders and renderer."""
    settings = ctx.settings

    @huey.task(name="meldcode.render")
    def render(job_id: str) -> str:
        """Print one PDF."""
        return printing.execute(ctx, job_id)

    @huey.task(
        name="meldcode.mail",
        retries=MAIL_RETRIES,
        retry_delay=int(settings.get("MAIL_RETRY_SECONDS", 60)),
        retry_backoff=2,
        context=True,
    )
    def send_mail(mail_id: str, task=None) -> str:
        """Send one outbox mail; a failure raises, and Huey tries again later."""
        final = task is None or not task.retries
        return sending.send(ctx.database, settings, mail_id, final=final)

    @huey.periodic_task(crontab(minute="17"), name="meldcode.purge")
    def purge():
        """Hourly: run the daily purge when it is due."""
        periodic.run_purge(ctx)

    @huey.periodic_task(crontab(minute="5"), name="meldcode.reminders")
    def reminders():
        """Hourly: add due reminders and send them."""
        for mail_id in periodic.run_reminders(ctx):
            send_mail(mail_id)

    @huey.periodic_task(crontab(minute="*/2"), name="meldcode.sweep")
    def sweep():
        """Every two minutes: delete expired PDFs, send mails whose first try was lost."""
        for mail_id in periodic.run_sweep(ctx):
            send_mail(mail_id)

    return Tasks(render, send_mail, purge, reminders, sweep)
