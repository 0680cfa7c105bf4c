"""``meldcode decide``: answers in, the decision contract out as JSON."""

import datetime
import json
import sys
from pathlib import Path

import click

from meldcode import paths
from meldcode.cli.errors import BadInput
from meldcode.kader import AnswerError
from meldcode.kader import KaderError
from meldcode.kader import Registry
from meldcode.kader import UnknownKader
from meldcode.kader import evaluate
from meldcode.kader.files import read_capped
from meldcode.kader.i18n import _
from meldcode.kader.yamlsafe import load_bytes


def parse_date(value: str | None) -> datetime.date:
    """Read a YYYY-MM-DD date, or today when none is given."""
    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise BadInput(
            _("ongeldige datum '{value}'; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-03-01").format(
                value=value
            )
        ) from None


def read_answers(source: str) -> dict:
    """Read answers from a YAML or JSON file, or from stdin when ``source`` is ``-``."""
    name = "stdin" if source == "-" else source
    try:
        # At most the limit plus one byte, from a file, a device or stdin alike.
        raw = read_capped(sys.stdin.buffer if source == "-" else source, name)
    except OSError as exc:
        raise BadInput(
            _("kan '{file}' niet lezen: {reason}").format(file=source, reason=exc.strerror or exc)
        ) from None
    except KaderError as exc:
        raise BadInput(str(exc.issues[0])) from None
    try:
        data = load_bytes(raw, name).data
    except KaderError as exc:
        raise BadInput(str(exc.issues[0])) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise BadInput(
            _("'{file}' moet een mapping van vraag naar antwoord bevatten").format(file=source)
        )
    return data


def default_kaders() -> Path:
    """Return the kaders folder the app uses (without creating its instance folder)."""
    from meldcode import settings

    return settings.kaders_dir()


def load_registry(folder: str | None = None) -> Registry:
    """Load the kaders (``--kaders``, else the app's: MELDCODE_KADERS_DIR …); one BadInput."""
    try:
        return Registry.load(Path(folder) if folder else default_kaders(), paths.DATA_ROOT)
    except KaderError as exc:
        raise BadInput(_("de kaders zijn niet in orde:") + "\n" + str(exc)) from None


@click.command(
    help=_("Geef de beslissing van een kader voor antwoorden (YAML of JSON; - is stdin).")
)
@click.option("--kader", "kader_id", required=True, help=_("id van het kader, bijv. basis"))
@click.option(
    "--datum", help=_("datum JJJJ-MM-DD; kiest de versie die toen gold (standaard vandaag)")
)
@click.option("--versie", help=_("een bepaalde versie van het kader"))
@click.option(
    "--taal", type=click.Choice(["nl", "en"]), default="nl", help=_("taal van de teksten")
)
@click.option("--kaders", "folder", help=_("map met kaders (standaard die van het project)"))
@click.argument("answers")
def decide(kader_id, datum, versie, taal, folder, answers) -> None:
    """Print the decision contract for the given answers."""
    day = parse_date(datum)
    registry = load_registry(folder)
    try:
        kader = registry.get(kader_id, versie) if versie else registry.valid_on(kader_id, day)
        decision = evaluate(kader, read_answers(answers))
    except (UnknownKader, AnswerError) as exc:
        raise BadInput(str(exc)) from None
    click.echo(json.dumps(decision.to_contract(taal), ensure_ascii=False, indent=2))
