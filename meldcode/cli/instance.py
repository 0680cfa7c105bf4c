"""The instance a command works on: its settings, and its database opened with fitting keys.

Every command that reads or writes stored data goes through :func:`open_database`, so the
command line refuses keys that do not fit what is stored, as the web app and the worker
do (meldcode.storage.keyring). Imports are kept local so that ``decide`` stays light.
"""

import click

from meldcode.cli.errors import BadInput


def load_settings() -> dict:
    """Load the settings; a setting out of range stops with its name, no traceback."""
    from meldcode import settings as settings_module

    try:
        return settings_module.load()
    except ValueError as exc:
        raise BadInput(str(exc)) from None


def open_database():
    """Load settings and open the database with keys that fit it, else refuse to go on."""
    from meldcode import settings as settings_module
    from meldcode.storage.keyring import KeysDoNotFit

    settings = load_settings()
    try:
        database = settings_module.open_database(settings)
    except KeysDoNotFit as exc:
        raise click.ClickException(str(exc)) from None
    # Closed when the command ends, however it ends (an error in the input included).
    click.get_current_context().call_on_close(database.dispose)
    return settings, database
