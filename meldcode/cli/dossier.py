"""``meldcode dossier``: print the dossier PDF of a case file, without any database."""

import click

from meldcode.cli.errors import BadInput
from meldcode.kader.i18n import _
from meldcode.private_files import write_private


def read_case(file: str):
    """Read and validate a case file; every problem becomes one line (BadInput)."""
    from meldcode.casus.casefile import load_yaml
    from meldcode.kader import KaderError
    from meldcode.kader.files import read_capped

    try:
        raw = read_capped(file, file)
    except OSError as exc:
        raise BadInput(
            _("kan '{file}' niet lezen: {reason}").format(file=file, reason=exc.strerror or exc)
        ) from None
    except KaderError as exc:
        raise BadInput(str(exc.issues[0])) from None
    try:
        return load_yaml(raw, file)
    except KaderError as exc:
        raise BadInput(str(exc.issues[0]) if exc.issues else str(exc)) from None


@click.command(help=_("Maak het dossier (PDF) van een casusbestand, zonder database."))
@click.argument("casefile")
@click.option(
    "-o", "output", required=True, type=click.Path(dir_okay=False), help=_("uitvoerbestand (PDF)")
)
@click.option(
    "--taal", type=click.Choice(["nl", "en"]), default="nl", help=_("taal van het dossier")
)
@click.option("--kaders", "folder", help=_("map met kaders (standaard die van het project)"))
@click.option("--pdfa", is_flag=True, help=_("PDF/A-2u voor archieven die dat vragen"))
def dossier(casefile: str, output: str, taal: str, folder: str | None, pdfa: bool) -> None:
    """Render a case file's dossier to a PDF file."""
    from meldcode.cli.decide import load_registry
    from meldcode.dossier.build import build
    from meldcode.dossier.build import decide
    from meldcode.kader import AnswerError
    from meldcode.kader import UnknownKader

    case = read_case(casefile)
    registry = load_registry(folder)
    try:
        decision = decide(case, registry)
    except (UnknownKader, AnswerError) as exc:
        raise BadInput(f"{casefile}: {exc}") from None
    view = build(case, decision, taal)
    from meldcode.dossier.render import Renderer  # WeasyPrint only once the input is sound

    pdf = Renderer().pdf(view, archival=pdfa)
    try:
        write_private(output, pdf)
    except OSError as exc:
        raise BadInput(
            _("kan '{file}' niet schrijven: {reason}").format(
                file=output, reason=exc.strerror or exc
            )
        ) from None
    click.echo(_("dossier geschreven: {file}").format(file=output))
