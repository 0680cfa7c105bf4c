"""Administration commands: database, organisations, users, purge, case files."""

import sys

import click

from meldcode.cli.errors import BadInput
from meldcode.cli.instance import load_settings
from meldcode.cli.instance import open_database
from meldcode.kader.i18n import _
from meldcode.kader.words import ROLES


@click.group(help=_("Database-beheer."))
def db() -> None:
    """Group the database commands."""


@db.command(help=_("Breng het databaseschema bij (eenmalig vóór het starten van de workers)."))
def upgrade() -> None:
    """Migrate the database to the newest schema."""
    from meldcode.storage.migrate import upgrade as migrate

    settings = load_settings()  # no keys needed: the schema holds no content
    migrate(settings["DATABASE_URL"])
    click.echo(_("database is bij: {url}").format(url=_redact(settings["DATABASE_URL"])))


def _redact(url: str) -> str:
    """Hide the password in a database URL before printing it."""
    head, sep, tail = url.partition("@")
    return ("…@" + tail) if sep and "://" in head and ":" in head.split("://", 1)[1] else url


@click.command("setup-link", help=_("Toon de eenmalige setuplink zolang er geen organisatie is."))
def setup_link() -> None:
    """Print a one-time setup link when the database has no organisation yet."""
    from meldcode.storage import accounts
    from meldcode.storage import first_start

    settings, database = open_database()

    def work(session):
        """Create a setup token when no organisation exists yet."""
        if not first_start.needs_setup(session):
            return None
        return first_start.new_setup_token(session, accounts.now())

    token = database.run_write(work)
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
    from meldcode.storage.atomic import insert_new
    from meldcode.storage.models import Organisation

    _settings, database = open_database()

    def work(session):
        """Create the organisation unless the name is taken (one statement: no race)."""
        if not insert_new(session, Organisation, {"name": name, "default_kader": kader}, ["name"]):
            raise BadInput(_("organisatie '{name}' bestaat al").format(name=name))

    database.run_write(work)
    click.echo(_("organisatie aangemaakt: {name}").format(name=name))


@click.group(help=_("Gebruikers beheren."))
def user() -> None:
    """Group the user commands."""


def _password_words() -> dict[str, str]:
    """Return the password problem codes in words (never the raw code on screen)."""
    return {
        "te_kort": _("te kort"),
        "te_lang": _("te lang"),
        "te_bekend": _("te bekend"),
        "bevat_context": _("bevat je naam, je organisatie of 'meldcode'"),
    }


@user.command("create", help=_("Maak een gebruiker aan; het wachtwoord komt via stdin."))
@click.option("--org", "org_name", required=True)
@click.option("--email", required=True)
@click.option(
    "--role",
    type=click.Choice(list(ROLES)),
    required=True,
)
@click.option("--name", default="")
def user_create(org_name: str, email: str, role: str, name: str) -> None:
    """Create a user; read the password from standard input."""
    from sqlalchemy import select

    from meldcode.storage import accounts
    from meldcode.storage import passwords
    from meldcode.storage.models import Organisation

    password = sys.stdin.readline().rstrip("\n")
    problems = passwords.password_problems(password, [email.split("@")[0], org_name])
    if problems:
        raise BadInput(
            _(
                "wachtwoord niet toegestaan: {problems} (minstens {n} tekens, geen "
                "bekend wachtwoord)"
            ).format(
                problems=", ".join(_password_words()[p] for p in problems), n=passwords.MIN_PASSWORD
            )
        )
    _settings, database = open_database()

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

    _settings, database = open_database()
    report = database.run_write(lambda session: purging.purge(session, now()))
    if database.is_sqlite:
        with database.engine.connect() as conn:  # freed pages leave the WAL file too
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    click.echo(
        _("verwijderd: {cases} casus(sen), {sessions} sessie(s), {other} overige").format(
            cases=len(report.cases), sessions=report.sessions, other=report.other
        )
    )


def register(cli: click.Group) -> None:
    """Add the administration commands to the ``meldcode`` group."""
    for command in (db, setup_link, org, user, purge):
        cli.add_command(command)
