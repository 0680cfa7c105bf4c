"""``meldcode kaders``: check, list and show the afwegingskaders."""

import json
from functools import partial
from pathlib import Path

import click

from meldcode import paths
from meldcode.cli.decide import default_kaders
from meldcode.cli.decide import load_registry
from meldcode.cli.decide import parse_date
from meldcode.cli.errors import BadInput
from meldcode.kader import KaderError
from meldcode.kader import Registry
from meldcode.kader import UnknownKader
from meldcode.kader.i18n import _
from meldcode.kader.scenarios import check_folder


@click.group(help=_("Afwegingskaders controleren en bekijken."))
def kaders() -> None:
    """Group the kader commands."""


@kaders.command(help=_("Laad en controleer alle kaders in MAP en draai hun scenario's."))
@click.argument("folder", required=False)
def check(folder: str | None) -> None:
    """Load, lint and run every scenario; exit 1 on any problem."""
    base = Path(folder) if folder else default_kaders()
    root = paths.DATA_ROOT if base.resolve().is_relative_to(paths.DATA_ROOT) else None
    try:
        registry = Registry.load(base, root)
    except KaderError as exc:
        for issue in exc.issues:
            click.echo(str(issue), err=True)
        click.echo(
            _("{count} probleem/problemen in de kaders").format(count=len(exc.issues)), err=True
        )
        raise SystemExit(1) from None
    problems = 0
    count = 0
    scenario_dir = base / "scenarios"
    if scenario_dir.is_dir():
        results, issues = check_folder(registry, scenario_dir, root)
        count = len(results)
        for result in results:
            if not result.ok:
                problems += 1
                click.echo(result.report(), err=True)
        for issue in issues:
            problems += 1
            click.echo(str(issue), err=True)
    for extra in _extra_checks(base):
        problems += extra(registry)
    versions = len(registry.all())
    if problems:
        click.echo(
            _(
                "{kaders} kaderversies, {scenarios} scenario's: {problems} probleem/problemen"
            ).format(kaders=versions, scenarios=count, problems=problems),
            err=True,
        )
        raise SystemExit(1)
    click.echo(
        _("{kaders} kaderversies, {scenarios} scenario's: in orde").format(
            kaders=versions, scenarios=count
        )
    )


def _extra_checks(base: Path) -> list:
    """Return further checks that build on the kaders (e.g. training cases), if installed."""
    try:
        from meldcode.training.catalogue import own_folder
        from meldcode.training.check import check_cases
    except ImportError:
        return []
    # The training cases: the shipped ones when the shipped kaders are checked (they are
    # written for those), and a trainers' own folder when one is named.
    shipped = base.resolve() == paths.KADERS_DIR.resolve()
    return [
        partial(
            check_cases,
            folder=own_folder(),  # MELDCODE_OEFENCASUSSEN_DIR, else the instance config.py
            shipped=paths.OEFENCASUSSEN_DIR if shipped else None,
        )
    ]


@kaders.command("list", help=_("Toon alle kaders met versie en geldigheid."))
@click.option("--kaders", "folder", help=_("map met kaders"))
def list_kaders(folder: str | None) -> None:
    """Print one line per kader version."""
    registry = load_registry(folder)
    for kader in registry.all():
        m = kader.model
        until = m.valid_until.isoformat() if m.valid_until else "…"
        click.echo(
            f"{m.id:<16} {m.version:<8} {m.valid_from.isoformat()} – {until:<10} "
            f"{m.status:<12} {m.title.nl}"
        )


@kaders.command(help=_("Toon een kader: stappen, afwegingen, uitkomsten, normen en bronnen."))
@click.argument("kader_id")
@click.option("--versie", help=_("een bepaalde versie"))
@click.option("--datum", help=_("de versie die gold op JJJJ-MM-DD"))
@click.option("--taal", type=click.Choice(["nl", "en"]), default="nl")
@click.option("--json", "as_json", is_flag=True, help=_("het opgeloste kader als JSON"))
@click.option("--kaders", "folder", help=_("map met kaders"))
def show(kader_id, versie, datum, taal, as_json, folder) -> None:
    """Print a readable outline of one kader."""
    registry = load_registry(folder)
    try:
        if versie:
            kader = registry.get(kader_id, versie)
        elif datum:
            kader = registry.valid_on(kader_id, parse_date(datum))
        else:
            kader = registry.get(kader_id)
    except UnknownKader as exc:
        raise BadInput(str(exc)) from None
    if as_json:
        click.echo(json.dumps(kader.model.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    from meldcode.cli.outline import outline

    click.echo(outline(kader, taal))


@kaders.command(help=_("Toon per beroep welk afwegingskader het gebruikt."))
@click.option("--taal", type=click.Choice(["nl", "en"]), default="nl")
@click.option("--json", "as_json", is_flag=True, help=_("de lijst als JSON"))
@click.option("--kaders", "folder", help=_("map met kaders"))
def beroepen(taal, as_json, folder) -> None:
    """Print the professions list grouped, each with its kader; settings at the end."""
    registry = load_registry(folder)
    found = registry.professions
    if found is None:
        raise BadInput(_("deze map met kaders heeft geen lijst met beroepen"))
    if as_json:
        click.echo(json.dumps(found.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    for gid, group in found.groups.items():
        click.echo(group.label.get(taal))
        for _pid, profession in found.in_group(gid):
            click.echo(f"  {profession.label.get(taal):<72} {profession.kader}")
    if found.settings:
        click.echo(_("Werkvelden (geen eigen afwegingskader)"))
        for setting in found.settings.values():
            click.echo(f"  {setting.label.get(taal)} ({setting.kader}): {setting.text.get(taal)}")
