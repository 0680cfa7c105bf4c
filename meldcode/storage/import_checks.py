"""What a case file may not do when it is imported into an organisation.

A case file comes from outside (another installation, a colleague, a script). It may not
reach into another organisation of this installation, by naming that organisation or one
of its accounts; its label must pass the same personal-data check as a label typed in the
app. Each refusal says what to change in the file.
"""

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from meldcode.casus.casefile import CaseFile
from meldcode.casus.pseudonym import in_words
from meldcode.casus.pseudonym import looks_personal
from meldcode.kader.i18n import _
from meldcode.storage.models import Organisation
from meldcode.storage.models import User


class ImportRefused(Exception):
    """The case file cannot be imported as it is; the message says why."""


def check(session: Session, casefile: CaseFile, organisation: Organisation) -> None:
    """Raise ImportRefused when the case file may not be imported into ``organisation``."""
    found = looks_personal(casefile.casus.label)
    if found:
        raise ImportRefused(
            _(
                "het label lijkt een persoonsgegeven te bevatten ({what}); gebruik alleen "
                "initialen en geboortejaar of leeftijd en pas het casusbestand aan"
            ).format(what=in_words(found))
        )
    named = casefile.casus.organisatie
    if named and named != organisation.name:
        other = session.scalar(select(Organisation.id).where(Organisation.name == named))
        if other is not None:
            raise ImportRefused(
                _(
                    "het casusbestand hoort bij een andere organisatie van deze installatie; "
                    "alleen die organisatie kan het inlezen"
                )
            )
    addresses = {casefile.casus.eigenaar or ""}
    addresses |= {c.collega for c in casefile.consultaties}
    addresses |= {t.wie for t in casefile.tijdlijn}
    addresses = {a.strip().lower() for a in addresses if a and "@" in a}
    if addresses:
        elsewhere = session.scalar(
            select(func.count())
            .select_from(User)
            .where(
                func.lower(User.email).in_(addresses),
                User.organisation_id != organisation.id,
            )
        )
        if elsewhere:
            raise ImportRefused(
                _(
                    "het casusbestand noemt {count} account(s) van een andere organisatie "
                    "van deze installatie; een casus kan niet over organisaties heen gaan"
                ).format(count=elsewhere)
            )
