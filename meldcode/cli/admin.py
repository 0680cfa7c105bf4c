"""Administration commands: database, organisations, users, purge, case files."""

import sys

import click

from meldcode.cli import BadInput
from meldcode.cli import write_private
from meldcode.kader.i18n import _


def _open():
    """Load settings and open the database (imports kept local: ``decide`` stays light)."""
    from meldcode import settings as settings_module
    from meldcode.storage.crypto import Cipher
    from meldcode.storage.db import Database

    try:
        settings = settings_module.load()
    except ValueError as exc:  # a setting out of range: say which, no traceback
        raise BadInput(str(exc)) from None
    return settings, Database(settings["DATABASE_URL"], Cipher.from_text(settings["DATA_KEYS"]))


@click.group(help=_("Database-beheer."))
def db() -> None:
    """Group the database commands."""


@db.command(help=_("Breng het databaseschema bij (eenmalig vóór het starten van de workers)."))
def upgrade() -> None:
    """Migrate the database to the newest schema."""
    from meldcode.storage.migrate import upgrade as migrate

    settings, database = _open()
    migrate(settings["DATABASE_URL"])
    database.dispose()
    click.echo(_("database is bij: {url}").format(url=_redact(settings["DATABASE_URL"])))


def _redact(url: str) -> str:
    """Hide the password in a database URL before printing it."""
    head, sep, tail = url.partition("@")
    return ("…@" + tail) if sep and "://" in head and ":" in head.split("://", 1)[1] else url


@click.command("setup-link", help=_("Toon de eenmalige setuplink zolang er geen organisatie is."))
def setup_link() -> None:
    """Print a one-time setup link when the database has no organisation yet."""
    from meldcode.storage import accounts

    settings, database = _open()

    def work(session):
        """Create a setup token when no organisation exists yet."""
        if not accounts.needs_setup(session):
            return None
        return accounts.new_setup_token(session, accounts.now())

    token = database.run_write(work)
    database.dispose()
    if token is None:
        click.echo(
            _("De eerste organisatie bestaat al; log in op {url}").format(url=settings["BASE_URL"])
        )
        return
    click.echo(
        _(
            "Eerste start: maak de eerste organisatie en beheerder aan via deze eenmalige "
            "link (24 uur geldig):"
        )
    )
    click.echo(f"  {settings['BASE_URL']}/setup/{token}")


@click.group(help=_("Organisaties beheren."))
def org() -> None:
    """Group the organisation commands."""


@org.command("create", help=_("Maak een organisatie aan."))
@click.argument("name")
@click.option("--kader", default="basis", help=_("standaardkader van de organisatie"))
def org_create(name: str, kader: str) -> None:
    """Create an organisation."""
    from sqlalchemy import select

    from meldcode.storage.models import Organisation

    _settings, database = _open()

    def work(session):
        """Create the organisation unless the name is taken."""
        if session.scalar(select(Organisation).where(Organisation.name == name)):
            raise BadInput(_("organisatie '{name}' bestaat al").format(name=name))
        session.add(Organisation(name=name, default_kader=kader))

    database.run_write(work)
    click.echo(_("organisatie aangemaakt: {name}").format(name=name))


@click.group(help=_("Gebruikers beheren."))
def user() -> None:
    """Group the user commands."""


@user.command("create", help=_("Maak een gebruiker aan; het wachtwoord komt via stdin."))
@click.option("--org", "org_name", required=True)
@click.option("--email", required=True)
@click.option(
    "--role",
    type=click.Choice(["medewerker", "aandachtsfunctionaris", "beheerder", "trainer"]),
    required=True,
)
@click.option("--name", default="")
def user_create(org_name: str, email: str, role: str, name: str) -> None:
    """Create a user; read the password from standard input."""
    from sqlalchemy import select

    from meldcode.storage import accounts
    from meldcode.storage.models import Organisation

    password = sys.stdin.readline().rstrip("\n")
    problems = accounts.password_problems(password, [email.split("@")[0], org_name])
    if problems:
        raise BadInput(
            _(
                "wachtwoord niet toegestaan: {problems} (minstens {n} tekens, geen "
                "bekend wachtwoord)"
            ).format(problems=", ".join(problems), n=accounts.MIN_PASSWORD)
        )
    _settings, database = _open()

    def work(session):
        """Create the user in an existing organisation."""
        organisation = session.scalar(select(Organisation).where(Organisation.name == org_name))
        if organisation is None:
            raise BadInput(_("onbekende organisatie '{name}'").format(name=org_name))
        if accounts.email_taken(session, email):
            raise BadInput(_("er is al een account met '{email}'").format(email=email))
        accounts.create_user(session, organisation, email, role, password, name)

    database.run_write(work)
    click.echo(_("gebruiker aangemaakt: {email} ({role})").format(email=email, role=role))


@click.command(help=_("Verwijder gesloten casussen na hun bewaartermijn, en verlopen sessies."))
def purge() -> None:
    """Delete what has passed its retention period."""
    from meldcode.storage import purge as purging
    from meldcode.storage.accounts import now

    _settings, database = _open()
    report = database.run_write(lambda session: purging.purge(session, now()))
    if database.is_sqlite:
        with database.engine.connect() as conn:  # freed pages leave the WAL file too
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    click.echo(
        _("verwijderd: {cases} casus(sen), {sessions} sessie(s), {other} overige").format(
            cases=len(report.cases), sessions=report.sessions, other=report.other
        )
    )


@click.group(help=_("Casusbestanden exporteren en importeren."))
def case() -> None:
    """Group the case-file commands."""


@case.command("export", help=_("Schrijf een casus als YAML-casusbestand naar stdout of -o."))
@click.argument("case_id")
@click.option("-o", "output", type=click.Path(dir_okay=False), help=_("uitvoerbestand"))
def case_export(case_id: str, output: str | None) -> None:
    """Export a case to a case file."""
    from meldcode.casus.casefile import dump_yaml
    from meldcode.storage import audit
    from meldcode.storage.casefile_io import export_case
    from meldcode.storage.models import Case

    _settings, database = _open()

    def work(session):
        """Read the case with an audit row, as the export."""
        found = session.get(Case, case_id)
        if found is None:
            raise BadInput(_("onbekende casus '{id}'").format(id=case_id))
        audit.record(
            session,
            None,
            "export",
            "case",
            found.id,
            organisation_id=found.organisation_id,
            origin="cli",
        )
        return dump_yaml(export_case(session, database.cipher, found))

    text = database.run_write(work)
    if output:
        try:
            write_private(output, text.encode())
        except OSError as exc:
            raise BadInput(
                _("kan '{file}' niet schrijven: {reason}").format(
                    file=output, reason=exc.strerror or exc
                )
            ) from None
    else:
        click.echo(text, nl=False)


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
    from meldcode.storage.models import Organisation
    from meldcode.storage.models import User

    try:
        casefile = load_yaml(read_capped(file, file), file)
    except OSError as exc:
        raise BadInput(
            _("kan '{file}' niet lezen: {reason}").format(file=file, reason=exc.strerror or exc)
        ) from None
    except KaderError as exc:
        raise BadInput(str(exc.issues[0])) from None
    registry = load_registry()
    try:
        kader = registry.get(casefile.casus.kader.id, casefile.casus.kader.versie)
    except UnknownKader as exc:
        raise BadInput(str(exc)) from None
    _settings, database = _open()

    def work(session):
        """Import the case for an owner of the named organisation."""
        organisation = session.scalar(select(Organisation).where(Organisation.name == org_name))
        owner = session.scalar(select(User).where(User.email == owner_email))
        if organisation is None or owner is None or owner.organisation_id != organisation.id:
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


def register(cli: click.Group) -> None:
    """Add the administration commands to the ``meldcode`` group."""
    for command in (db, setup_link, org, user, purge, case):
        cli.add_command(command)
