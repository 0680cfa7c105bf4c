"""A case begun: its id, its pseudonymous label, and its form submitted a second time.

Reach these through meldcode.storage.cases.
"""

import datetime

from sqlalchemy.orm import Session

from meldcode.kader import ResolvedKader
from meldcode.storage.case_log import log_event
from meldcode.storage.crypto import Cipher
from meldcode.storage.crypto import DecryptionFailed
from meldcode.storage.models import Case
from meldcode.storage.models import User
from meldcode.storage.models import new_id


def create_case(
    session: Session,
    cipher: Cipher,
    owner: User,
    label: str,
    worry_date: datetime.date,
    kader: ResolvedKader,
    case_id: str | None = None,
) -> Case:
    """Create a case with the kader version valid on the date the worry started.

    ``case_id``: the id its form was given (meldcode.web.casussen.formulier); a new one when
    there is none or when that id is taken.
    """
    if case_id is None or session.get(Case, case_id) is not None:
        case_id = new_id()
    case = Case(
        id=case_id,
        organisation_id=owner.organisation_id,
        owner_id=owner.id,
        label_enc=cipher.encrypt(label, f"cases.label:{case_id}"),
        worry_date=worry_date,
        kader_id=kader.id,
        kader_version=kader.version,
    )
    session.add(case)
    session.flush()
    log_event(session, case, owner, "casus_aangemaakt")
    return case


def made_with_form(session: Session, key: str, user: User) -> Case | None:
    """Return the case ``user`` made with the new-case form ``key`` (its id), if there is one.

    A case of anyone else under that id counts as none (create_case then makes a new id).
    """
    case = session.get(Case, key)
    return case if case is not None and case.owner_id == user.id else None


def started_as(
    cipher: Cipher, case: Case, label: str, worry_date: datetime.date, kader_id: str
) -> bool:
    """Tell whether ``case`` was started with this label, date and kader (a second submit)."""
    return (case.kader_id, case.worry_date, label_of(cipher, case)) == (
        kader_id,
        worry_date,
        label,
    )


def label_of(cipher: Cipher, case: Case) -> str:
    """Return the decrypted pseudonymous label of a case."""
    return cipher.decrypt(case.label_enc, f"cases.label:{case.id}")


def readable_label(cipher: Cipher, case: Case) -> str | None:
    """Return the label, or None when this server's keys cannot decrypt it (a list goes on)."""
    try:
        return label_of(cipher, case)
    except DecryptionFailed:
        return None
