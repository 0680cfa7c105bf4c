"""Case files from the command line: list an organisation's cases, export one or all, import.

Every export is audited (origin ``cli``), like a download from the web. Reading goes
through the same keys check as every process (meldcode.storage.keyring).
"""

from pathlib import Path

import click

from meldcode.cli.errors import BadInput
from meldcode.cli.instance import open_database
from meldcode.kader.i18n import _
from meldcode.private_files import write_private


@click.group(help=_("Casusbestanden exporteren en importeren."))
def case() -> None:
    """Group the case-file commands."""


def _organisation(session, name: str):
    """Return the organisation with this name, or stop with a message."""
    from sqlalchemy import select

    from meldcode.storage.models import Organisation

    found = session.scalar(select(Organisation).where(Organisation.name == name))
    if found is None:
        raise BadInput(_("onbekende organisatie '{name}'").format(name=name))
    return found


def _case_ids(session, organisation_id: str) -> list[str]:
    """Return the ids of an organisation's cases, oldest first."""
    from sqlalchemy import select

    from meldcode.storage.models import Case

    query = select(Case.id).where(Case.organisation_id == organisation_id)
    return list(session.scalars(query.order_by(Case.created_at, Case.id)))


def _export(database, case_id: str) -> str | None:
    """Audit the export and return the case file as YAML (None: no such case)."""
    from meldcode.casus.casefile import dump_yaml
    from meldcode.storage import audit
    from meldcode.storage.casefile_io import export_case
    from meldcode.storage.models import Case

    def work(session):
        """Read the case with an audit row, as the export (one short write per case)."""
        found = session.get(Case, case_id[:32])
        if found is None:
            return None
        org_id = found.organisation_id
        audit.record(
            session, None, "export", "case", found.id, origin="cli", organisation_id=org_id
        )
        return dump_yaml(export_case(session, database.cipher, found))

    return database.run_write(work)


@case.command("list", help=_("Toon de casussen van een organisatie (zonder inhoud)."))
@click.option("--org", "org_name", required=True)
def case_list(org_name: str) -> None:
    """Print one line per case: id, owner, status, kader, last change; never the label."""
    from sqlalchemy import select

    from meldcode.storage.models import Case
    from meldcode.storage.models import User

    _settings, database = open_database()
    with database.reader() as session:
        organisation = _organisation(session, org_name)
        rows = session.execute(
            select(Case, User.email)
            .join(User, User.id == Case.owner_id)
            .where(Case.organisation_id == organisation.id)
            .order_by(Case.created_at, Case.id)
        ).all()
        for found, email in rows:
            kader = f"{found.kader_id}@{found.kader_version}"
            changed = found.updated_at.date().isoformat()
            click.echo(f"{found.id}  {email}  {found.status}  {kader}  {changed}")


@case.command("export", help=_("Schrijf een casus als YAML-casusbestand naar stdout of -o."))
@click.argument("case_id")
@click.option("-o", "output", type=click.Path(dir_okay=False), help=_("uitvoerbestand"))
def case_export(case_id: str, output: str | None) -> None:
    """Export a case to a case file."""
    _settings, database = open_database()
    text = _export(database, case_id)
    if text is None:
        raise BadInput(_("onbekende casus '{id}'").format(id=case_id))
    if output:
        _write_private(Path(output), text)
    else:
        click.echo(text, nl=False)


@case.command(
    "export-all",
    help=_("Schrijf alle casussen van een organisatie als casusbestanden in een map."),
)
@click.option("--org", "org_name", required=True)
@click.option("-o", "folder", required=True, type=click.Path(file_okay=False), help=_("uitvoermap"))
def case_export_all(org_name: str, folder: str) -> None:
    """Export every case of an organisation to FOLDER/<id>.yaml, in one process."""
    _settings, database = open_database()
    with database.reader() as session:
        ids = _case_ids(session, _organisation(session, org_name).id)
    target = Path(folder)
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    written = 0
    for case_id in ids:
        text = _export(database, case_id)
        if text is not None:  # deleted meanwhile: nothing to export
            _write_private(target / f"{case_id}.yaml", text)
            written += 1
    click.echo(
        _("{count} casus(sen) geëxporteerd naar {folder}").format(count=written, folder=folder)
    )


def _write_private(path: Path, text: str) -> None:
    """Write a case file readable by its owner only, or stop saying why it could not."""
    try:
        write_private(str(path), text.encode())
    except OSError as exc:
        raise BadInput(
            _("kan '{file}' niet schrijven: {reason}").format(file=path, reason=exc.strerror or exc)
        ) from None


@case.command("import", help=_("Lees een casusbestand in als nieuwe casus; toont het id."))
@click.argument("file", type=click.Path(exists=False, dir_okay=False))
@click.option("--org", "org_name", required=True)
@click.option("--owner", "owner_email", required=True)
def case_import(file: str, org_name: str, owner_email: str) -> None:
    """Import a case file as a new case; print its id."""
    from sqlalchemy import select

    from meldcode.casus.casefile import load_yaml
    from meldcode.cli.decide import load_registry
    from meldcode.kader import KaderError
    from meldcode.kader import UnknownKader
    from meldcode.kader.files import read_capped
    from meldcode.storage import audit
    from meldcode.storage.casefile_io import import_case
    from meldcode.storage.casesize import CaseFull
    from meldcode.storage.import_checks import ImportRefused
    from meldcode.storage.models import User

    try:
        casefile = load_yaml(read_capped(file, file), file)
    except OSError as exc:
        raise BadInput(
            _("kan '{file}' niet lezen: {reason}").format(file=file, reason=exc.strerror or exc)
        ) from None
    except KaderError as exc:
        raise BadInput(str(exc.issues[0])) from None
    try:
        kader = load_registry().get(casefile.casus.kader.id, casefile.casus.kader.versie)
    except UnknownKader as exc:
        raise BadInput(str(exc)) from None
    _settings, database = open_database()

    def work(session):
        """Import the case for an owner of the named organisation."""
        organisation = _organisation(session, org_name)
        owner = session.scalar(select(User).where(User.email == owner_email))
        if owner is None or owner.organisation_id != organisation.id:
            raise BadInput(
                _("geen gebruiker '{email}' in organisatie '{org}'").format(
                    email=owner_email, org=org_name
                )
            )
        try:
            found = import_case(session, database.cipher, casefile, owner, kader)
        except (ImportRefused, CaseFull) as refused:
            raise BadInput(f"{file}: {refused}") from None
        audit.record(session, owner, "import", "case", found.id, origin="cli")
        return found.id

    click.echo(database.run_write(work))
