"""``meldcode worker``: Huey's consumer on the queue the settings name."""

import logging

import click

from meldcode.kader.i18n import _


@click.command(help=_("Start de achtergrondtaken: pdf's, e-mail, opschonen en herinneringen."))
@click.option("--workers", type=int, default=None, help=_("Aantal gelijktijdige taken."))
@click.option(
    "--no-periodic",
    is_flag=True,
    help=_("Geen periodieke taken op deze machine (ze draaien elders al)."),
)
def worker(workers: int | None, no_periodic: bool) -> None:
    """Run the consumer until stopped (SIGINT/SIGTERM end it after the running tasks)."""
    from meldcode import logs
    from meldcode import settings as meldcode_settings
    from meldcode.jobs.service import Jobs

    config = meldcode_settings.load()
    logs.configure(config.get("LOG_FORMAT", "text"))
    # WeasyPrint tells every step of every render at INFO ("Step 1 - Fetching…"): noise.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    jobs = Jobs(config)
    jobs.context.renderer()  # WeasyPrint and the fonts, once, before the first task forks
    consumer = jobs.huey.create_consumer(
        workers=int(workers or config.get("JOB_WORKERS", 2)),
        worker_type="thread",  # renders run in forked, limited children (meldcode.dossier.bounded)
        periodic=not no_periodic,
        check_worker_health=True,
    )
    logging.getLogger("meldcode.jobs").info("worker started")
    consumer.run()
