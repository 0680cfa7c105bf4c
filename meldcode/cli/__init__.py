"""The ``meldcode`` command: kaders, decisions, and (later) database and case tools.

Errors in what the user typed end in one line and exit code 2, never a traceback.
"""

import os
import sys

import click

from meldcode.cli.errors import BadInput
from meldcode.kader.i18n import _
from meldcode.kader.i18n import set_language

set_language(os.environ.get("MELDCODE_TAAL", "nl"))


@click.group(help=_("Meldcode: afwegingskaders, beslissingen en beheer."))
def cli() -> None:
    """Group every subcommand."""


def _register(argv: list[str]) -> None:
    """Import the command modules so they add their commands.

    ``meldcode decide`` alone is given only itself: it is called once per decision (by
    scripts, many times), and importing every other command would add a sixth to its start.
    """
    from meldcode.cli import decide

    cli.add_command(decide.decide)
    if argv[:1] == ["decide"]:
        return
    from meldcode.cli import dossier
    from meldcode.cli import eigen_meldcode
    from meldcode.cli import kaders

    cli.add_command(kaders.kaders)
    cli.add_command(dossier.dossier)
    cli.add_command(eigen_meldcode.eigen_meldcode)
    try:
        from meldcode.cli import admin
    except ImportError:  # the web part is optional for the rules-only tools
        return
    from meldcode.cli.backup import backup
    from meldcode.cli.cases import case
    from meldcode.cli.keys import keys
    from meldcode.jobs.worker import worker

    admin.register(cli)
    admin.db.add_command(backup)
    for command in (case, keys, worker):
        cli.add_command(command)


def main(argv: list[str] | None = None) -> None:
    """Run the command line; map every failure to a short message and an exit code."""
    argv = sys.argv[1:] if argv is None else argv
    _register(argv)
    try:
        code = cli.main(args=argv, prog_name="meldcode", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo(_("meldcode: afgebroken"), err=True)
        sys.exit(1)
    except click.ClickException as exc:
        click.echo(f"meldcode: {exc.format_message()}", err=True)
        sys.exit(2 if isinstance(exc, click.UsageError | click.BadParameter) else exc.exit_code)
    except BadInput as exc:
        click.echo(f"meldcode: {exc}", err=True)
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - a user never sees a traceback
        if os.environ.get("MELDCODE_DEBUG"):
            raise
        click.echo(
            _("meldcode: interne fout ({kind}); zet MELDCODE_DEBUG=1 voor details").format(
                kind=type(exc).__name__
            ),
            err=True,
        )
        sys.exit(1)
    sys.exit(code or 0)
