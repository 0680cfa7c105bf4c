"""The mail task's work: claim one outbox row, compose, deliver, mark it sent."""

import logging

from meldcode.mail import outbox
from meldcode.mail.compose import compose
from meldcode.mail.config import smtp_config
from meldcode.mail.smtp import deliver
from meldcode.storage.db import Database
from meldcode.storage.models import utcnow

log = logging.getLogger("meldcode.mail")


class NotDelivered(Exception):
    """The server refused the mail or could not be reached; the job tries again later."""


def send(db: Database, settings, mail_id: str, final: bool = False) -> str:
    """Send one outbox row unless it is sent or taken; raise NotDelivered to be retried.

    ``final`` is the last try the queue will make: a failure then leaves the row
    ``mislukt`` (the periodic sweep picks it up again later, up to MAX_ATTEMPTS).
    """
    config = smtp_config(settings)
    claimed = db.run_write(lambda s: _claim(s, db, mail_id))
    if claimed is None:
        return "overgeslagen"
    kind, event_key, payload = claimed
    try:
        deliver(config, compose(kind, event_key, payload, config.sender))
    except Exception as exc:  # noqa: BLE001 - every failure is retried; the log names its class
        error = type(exc).__name__
        db.run_write(lambda s: outbox.finish(s, mail_id, error, final))
        log.warning("mail %s (%s) not delivered: %s", mail_id, kind, error)
        raise NotDelivered(error) from exc
    db.run_write(lambda s: outbox.finish(s, mail_id))
    log.info("mail %s (%s) delivered", mail_id, kind)
    return "verzonden"


def _claim(s, db: Database, mail_id: str):
    """Claim the row and return what composing needs, or None."""
    row = outbox.claim(s, mail_id, utcnow())
    if row is None:
        return None
    return row.kind, row.event_key, outbox.payload(db.cipher, row)
