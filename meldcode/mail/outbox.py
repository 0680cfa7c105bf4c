"""The outbox: one row per event, claimed by one sender at a time, marked when sent.

``add`` is called inside the transaction that made the event (sharing a case, …), so the
mail exists exactly when the event does. The unique ``event_key`` makes a second ``add``
for the same event a no-op; ``claim`` is a compare-and-set, so two workers never send
the same row at once; a sent row is never sent again.
"""

import datetime
import json

from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from meldcode.storage.background import OutboxMail
from meldcode.storage.crypto import Cipher
from meldcode.storage.models import new_id
from meldcode.storage.models import utcnow

# A claim older than this belongs to a sender that died mid-delivery: it may be taken over.
STALE_CLAIM = datetime.timedelta(minutes=15)
MAX_ATTEMPTS = 12


def payload_context(mail_id: str) -> str:
    """Return the cipher context of a row's payload."""
    return f"mail_outbox.payload:{mail_id}"


def add(
    session: Session, cipher: Cipher, event_key: str, kind: str, user_id, payload: dict
) -> str | None:
    """Add the mail for an event; return its id, or None when the event has one already."""
    if session.scalar(select(OutboxMail.id).where(OutboxMail.event_key == event_key)):
        return None
    mail_id = new_id()
    row = OutboxMail(
        id=mail_id,
        event_key=event_key,
        kind=kind,
        user_id=user_id,
        payload_enc=cipher.encrypt(json.dumps(payload), payload_context(mail_id)),
        status="wachtrij",
        attempts=0,
        last_error="",
    )
    try:
        with session.begin_nested():  # a racing writer may add the same event first
            session.add(row)
    except IntegrityError:
        return None
    return mail_id


def claim(session: Session, mail_id: str, now: datetime.datetime) -> OutboxMail | None:
    """Take a row for sending; return it, or None when it is sent or another sender has it."""
    taken = session.execute(
        update(OutboxMail)
        .where(
            OutboxMail.id == mail_id,
            or_(
                OutboxMail.status.in_(("wachtrij", "mislukt")),
                (OutboxMail.status == "bezig") & (OutboxMail.claimed_at < now - STALE_CLAIM),
            ),
        )
        .values(status="bezig", claimed_at=now, attempts=OutboxMail.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    if taken.rowcount != 1:
        return None
    return session.get(OutboxMail, mail_id, populate_existing=True)


def payload(cipher: Cipher, row: OutboxMail) -> dict:
    """Return a row's decrypted payload (recipient, language, link, date)."""
    return json.loads(cipher.decrypt(row.payload_enc, payload_context(row.id)))


def finish(session: Session, mail_id: str, error: str = "", final: bool = False) -> None:
    """Mark a claimed row sent (no error), or give it back for a retry (or fail it: final)."""
    row = session.get(OutboxMail, mail_id)
    if row is None:
        return
    if not error:
        row.status, row.sent_at, row.last_error = "verzonden", utcnow(), ""
        return
    row.last_error = error[:64]
    row.status = "mislukt" if final else "wachtrij"


def waiting(session: Session, now: datetime.datetime) -> list[str]:
    """Return ids of rows to (re)enqueue: queued a while ago, or failed with tries left."""
    old = now - datetime.timedelta(minutes=2)
    return list(
        session.scalars(
            select(OutboxMail.id).where(
                OutboxMail.attempts < MAX_ATTEMPTS,
                or_(
                    (OutboxMail.status == "wachtrij")
                    & (OutboxMail.created_at < old)
                    & (OutboxMail.claimed_at.is_(None) | (OutboxMail.claimed_at < old)),
                    (OutboxMail.status == "mislukt") & (OutboxMail.claimed_at < now - STALE_CLAIM),
                    (OutboxMail.status == "bezig") & (OutboxMail.claimed_at < now - STALE_CLAIM),
                ),
            )
        )
    )
