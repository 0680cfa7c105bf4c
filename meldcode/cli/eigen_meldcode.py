"""``meldcode eigen-meldcode``: check, print, export and import an organisation's own meldcode.

``check`` and ``document`` need no database (like ``kaders check`` and ``dossier``);
``export`` and ``import`` work on an organisation's stored versions.
"""

from pathlib import Path

import click

from meldcode.cli.errors import BadInput
from meldcode.kader.i18n import _


def read_meldcode(file: str):
    """Read and validate a meldcode file; every problem becomes one line (BadInput)."""
    from meldcode.eigen_meldcode import load_yaml
    from meldcode.kader import KaderError

    try:
        raw = Path(file).read_bytes()
    except OSError as exc:
        raise BadInput(
            _("kan '{file}' niet lezen: {reason}").format(file=file, reason=exc.strerror or exc)
        ) from None
    try:
        return load_yaml(raw, file)
    except KaderError as exc:
        raise BadInput("\n".join(str(i) for i in exc.issues) or str(exc)) from None


def _write(output: str, data: bytes) -> None:
    """Write bytes to a file, a failure as one line."""
    try:
        Path(output).write_bytes(data)
    except OSError as exc:
        raise BadInput(
            _("kan '{file}' niet schrijven: {reason}").format(
                file=output, reason=exc.strerror or exc
            )
        ) from None


@click.group("eigen-meldcode", help=_("De eigen meldcode van een organisatie."))
def eigen_meldcode() -> None:
    """Group the commands for an organisation's own meldcode."""


@eigen_meldcode.command("check", help=_("Controleer een meldcodebestand: wat ontbreekt nog?"))
@click.argument("file")
@click.option("--kaders", "folder", help=_("map met kaders (standaard die van het project)"))
def check_command(file: str, folder: str | None) -> None:
    """Name every missing art. 2 element; exit 1 when the meldcode cannot be adopted."""
    from meldcode.cli.decide import load_registry
    from meldcode.eigen_meldcode import check
    from meldcode.kader.i18n import get_language

    result = check(read_meldcode(file), load_registry(folder).ids())
    lang = get_language()
    for problem in result.fouten:
        click.echo(f"{file}: {_('fout')}: {problem}")
    for found in result.ontbreekt:
        label = found.element.label.get(lang)
        click.echo(f"{file}: {_('ontbreekt')}: {label} ({found.element.artikel})")
    for found in result.aanbevolen:
        click.echo(f"{file}: {_('aanbevolen')}: {found.element.label.get(lang)}")
    if not result.compleet:
        raise click.exceptions.Exit(1)
    click.echo(_("{file}: compleet; kan worden vastgesteld").format(file=file))


@eigen_meldcode.command(
    "document", help=_("Maak het document (PDF of DOCX) van een meldcodebestand.")
)
@click.argument("file")
@click.option("-o", "output", required=True, type=click.Path(dir_okay=False))
@click.option("--taal", type=click.Choice(["nl", "en"]), default="nl")
@click.option("--kaders", "folder", help=_("map met kaders (standaard die van het project)"))
def document_command(file: str, output: str, taal: str, folder: str | None) -> None:
    """Print the document of a meldcode file; .docx gives the editable one, else PDF."""
    from meldcode.cli.decide import load_registry
    from meldcode.dossier.meldcode_doc import build_document

    doc = build_document(read_meldcode(file), load_registry(folder), taal)
    if output.endswith(".docx"):
        from meldcode.dossier.meldcode_docx import docx

        _write(output, docx(doc))
        return
    from meldcode.dossier.meldcode_pdf import pdf
    from meldcode.dossier.render import Renderer

    _write(output, pdf(Renderer(), doc))


def _organisation(session, name: str):
    """Return the organisation called ``name``, or stop with one line."""
    from sqlalchemy import select

    from meldcode.storage.models import Organisation

    found = session.scalar(select(Organisation).where(Organisation.name == name))
    if found is None:
        raise BadInput(_("onbekende organisatie '{org}'").format(org=name))
    return found


@eigen_meldcode.command("export", help=_("Schrijf de meldcode van een organisatie als YAML."))
@click.option("--org", "org_name", required=True)
@click.option("--versie", type=int, help=_("vastgestelde versie (standaard de nieuwste)"))
@click.option(
    "--concept", is_flag=True, help=_("het concept in plaats van een vastgestelde versie")
)
@click.option("-o", "output", type=click.Path(dir_okay=False))
def export_command(org_name: str, versie: int | None, concept: bool, output: str | None) -> None:
    """Export one version (or the concept) of an organisation's meldcode."""
    from meldcode.cli.instance import open_database
    from meldcode.eigen_meldcode import dump_yaml
    from meldcode.storage import audit
    from meldcode.storage import eigen_meldcode as store

    _settings, database = open_database()

    def work(session):
        """Read the version and record the export in the audit trail."""
        org = _organisation(session, org_name)
        if concept:
            row = store.concept(session, org.id)
        elif versie:
            row = store.version(session, org.id, versie)
        else:
            row = next(iter(store.versions(session, org.id)), None)
        if row is None:
            raise BadInput(_("geen meldcode gevonden voor '{org}'").format(org=org_name))
        audit.record(
            session, None, "export", "meldcode", row.id, organisation_id=org.id, origin="cli"
        )
        return dump_yaml(store.as_model(session, row))

    text = database.run_write(work)
    if output:
        _write(output, text.encode())
    else:
        click.echo(text, nl=False)


@eigen_meldcode.command(
    "import", help=_("Lees een meldcodebestand in als concept van een organisatie.")
)
@click.argument("file")
@click.option("--org", "org_name", required=True)
def import_command(file: str, org_name: str) -> None:
    """Store a meldcode file as the organisation's concept (adopting stays a beheerder's act)."""
    from meldcode.cli.decide import load_registry
    from meldcode.cli.instance import open_database
    from meldcode.eigen_meldcode.check import fouten
    from meldcode.storage import audit
    from meldcode.storage import eigen_meldcode as store

    meldcode = read_meldcode(file)
    problems = fouten(meldcode, load_registry().ids())
    if problems:
        raise BadInput(f"{file}: {problems[0]}")
    _settings, database = open_database()

    def work(session):
        """Replace the concept with the file's content."""
        org = _organisation(session, org_name)
        current = store.concept(session, org.id)
        row = store.save_concept(
            session, org.id, meldcode, current.row_version if current else None
        )
        audit.record(
            session, None, "import", "meldcode", row.id, organisation_id=org.id, origin="cli"
        )
        return row.id

    database.run_write(work)
    click.echo(
        _("ingelezen als concept van '{org}'; stel het vast op de beheerpagina").format(
            org=org_name
        )
    )
