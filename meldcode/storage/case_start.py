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

    ``case_id``: a free id the caller chose (:func:`create_once`), else a new one.
    """
    case_id = case_id or new_id()
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


def create_once(
    session: Session,
    cipher: Cipher,
    owner: User,
    label: str,
    worry_date: datetime.date,
    kader: ResolvedKader,
    key: str | None,
) -> tuple[Case, bool | None]:
    """Create the case of the new-case form ``key``, or find the one it made before.

    ``key`` is the id the form gave its case (meldcode.web.casussen.formulier). Returns the
    case and None (made now), True (made before with this label, date and kader: a second
    submit) or False (made before with other text). Someone else's case under that id
    counts as none: the new case then gets a new id.
    """
    found = session.get(Case, key) if key else None
    if found is not None and found.owner_id == owner.id:
        started = (found.kader_id, found.worry_date, label_of(cipher, found))
        return found, started == (kader.id, worry_date, label)
    free = key if key and found is None else None
    return create_case(session, cipher, owner, label, worry_date, kader, free), None


def label_of(cipher: Cipher, case: Case) -> str:
    """Return the decrypted pseudonymous label of a case."""
    return cipher.decrypt(case.label_enc, f"cases.label:{case.id}")


def readable_label(cipher: Cipher, case: Case) -> str | None:
    """Return the label, or None when this server's keys cannot decrypt it (a list goes on)."""
    try:
        return label_of(cipher, case)
    except DecryptionFailed:
        return None
