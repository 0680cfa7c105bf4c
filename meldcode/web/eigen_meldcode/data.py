"""What the meldcode pages share: the organisation's concept and versions, and its document."""

import datetime
from functools import lru_cache

from flask import abort
from flask import g

from meldcode.dossier import render
from meldcode.dossier.meldcode_doc import MeldcodeDocument
from meldcode.dossier.meldcode_doc import build_document
from meldcode.dossier.meldcode_pdf import content
from meldcode.eigen_meldcode import EigenMeldcode
from meldcode.eigen_meldcode import check
from meldcode.storage import eigen_meldcode as store
from meldcode.storage.models import Organisation
from meldcode.web.database import session
from meldcode.web.i18n import language
from meldcode.web.registry import registry


def organisation() -> Organisation:
    """Return the signed-in user's organisation."""
    return session().get(Organisation, g.user.organisation_id)


def editable() -> tuple[EigenMeldcode, int]:
    """Return what the beheerder edits and the concept's row version (0: no concept yet).

    Without a concept, editing starts from the newest adopted version, else from nothing.
    """
    org = organisation()
    row = store.concept(session(), org.id)
    if row is not None:
        return store.as_model(session(), row), row.row_version
    adopted = store.versions(session(), org.id)
    if adopted:
        return store.content(adopted[0]).model_copy(update={"organisatie": org.name}), 0
    return EigenMeldcode(organisatie=org.name, kaders=[org.default_kader]), 0


def kader_ids() -> list[str]:
    """Return the kaders this installation knows."""
    return registry().ids()


def result_of(meldcode: EigenMeldcode):
    """Return the completeness check of a meldcode against the installed kaders."""
    return check(meldcode, kader_ids())


def adopted_version(number: int) -> store.OrgMeldcode:
    """Return an adopted version of the user's organisation, else answer 404."""
    row = store.version(session(), g.user.organisation_id, number)
    if row is None:
        abort(404)
    return row


def in_force() -> store.OrgMeldcode | None:
    """Return the version in force now (the newest adopted one), or None."""
    found = store.versions(session(), g.user.organisation_id)
    return found[0] if found else None


def document(meldcode: EigenMeldcode, lang: str | None = None) -> MeldcodeDocument:
    """Return the document of a meldcode in the page's language (or ``lang``)."""
    return build_document(meldcode, registry(), lang or language(), datetime.date.today())


@lru_cache(maxsize=1)
def _environment():
    """Return the dossier's Jinja environment (no WeasyPrint needed for HTML)."""
    return render.environment()


def document_html(doc: MeldcodeDocument):
    """Return the document's content as escaped HTML for a web page (chapters as h2)."""
    return content(_environment(), doc, heading=2)
