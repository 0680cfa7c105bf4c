"""Data keys from the command line: make a new one, and check a process's keys fit."""

import click

from meldcode.kader.i18n import _


@click.group(help=_("Sleutels voor de versleutelde casusinhoud (MELDCODE_DATA_KEYS)."))
def keys() -> None:
    """Group the data-key commands."""


@keys.command("new", help=_("Toon een nieuwe datasleutel (id:base64); bewaart niets."))
def keys_new() -> None:
    """Print a fresh data key for MELDCODE_DATA_KEYS."""
    from meldcode.storage.crypto import Cipher

    click.echo(Cipher.new_key_text())


@keys.command("check", help=_("Controleer dat de sleutels van dit proces passen bij de database."))
def keys_check() -> None:
    """Open the database with this process's keys; print the key ids it holds, or refuse."""
    from sqlalchemy import select

    from meldcode.cli.instance import open_database
    from meldcode.storage.models import DataKey

    _settings, database = open_database()  # refuses, naming the setting, when they differ
    with database.reader() as session:
        known = sorted(session.scalars(select(DataKey.key_id)))
    click.echo(
        _("sleutels passen: {ids}; nieuwe gegevens met {current}").format(
            ids=", ".join(known), current=database.cipher.current
        )
    )
