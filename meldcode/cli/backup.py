"""``meldcode db backup FILE``: a consistent copy of the SQLite database, online."""

import click

from meldcode.cli.errors import BadInput
from meldcode.cli.instance import load_settings
from meldcode.kader.i18n import _


@click.command(help=_("Maak een kopie van de SQLite-database terwijl de app draait."))
@click.argument("target", type=click.Path(dir_okay=False))
def backup(target: str) -> None:
    """Copy the SQLite database with the online backup API."""
    from meldcode.storage.backup import BackupFailed
    from meldcode.storage.backup import backup_sqlite

    url = load_settings()["DATABASE_URL"]
    try:
        pages = backup_sqlite(url, target)
    except (BackupFailed, OSError) as exc:
        raise BadInput(_("geen kopie gemaakt: {reason}").format(reason=exc)) from None
    click.echo(_("kopie gemaakt: {file} ({pages} pagina's)").format(file=target, pages=pages))
