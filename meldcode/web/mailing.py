"""Mails the pages start: written in the page's own transaction, handed to the queue after it.

A page adds its mail (meldcode.mail.notify) inside the write that makes the event, so the
mail exists exactly when the event does; after the commit, :func:`deliver` hands the row to
the worker. A queue that cannot be reached loses nothing: the worker's sweep sends rows
whose hand-over was missed. Without SMTP settings nothing is written, and the pages say
that a link must be passed on by hand.
"""

import logging

from flask import after_this_request
from flask import current_app
from flask import url_for

from meldcode.mail.config import enabled as smtp_enabled
from meldcode.web.database import database
from meldcode.web.queue import jobs

log = logging.getLogger(__name__)


def enabled() -> bool:
    """Tell whether this installation sends mail."""
    return smtp_enabled(current_app.config)


def settings():
    """Return the settings the mail functions read (SMTP, BASE_URL)."""
    return current_app.config


def cipher():
    """Return the field cipher the outbox encrypts recipients and links with."""
    return database().cipher


def link(endpoint: str, **values) -> str:
    """Return the full address of a page for a mail or a link to pass on (``BASE_URL``)."""
    return current_app.config["BASE_URL"].rstrip("/") + url_for(endpoint, **values)


def deliver(mail_ids) -> None:
    """Hand committed outbox rows to the worker; a failure is logged, the sweep sends later."""
    ids = [mail_id for mail_id in mail_ids if mail_id]
    if not ids:
        return
    try:
        jobs().deliver(ids)
    except Exception as exc:  # noqa: BLE001 - the row is committed; the sweep delivers it
        log.warning("mail not handed to the queue: %s", type(exc).__name__)


def deliver_after_response(mail_ids) -> None:
    """Hand outbox rows to the worker once the response has gone out.

    For pages whose answer must take the same time whether or not a mail was made
    ("wachtwoord vergeten"): the hand-over to the queue happens after the reply.
    """
    service = jobs()
    ids = [mail_id for mail_id in mail_ids if mail_id]

    @after_this_request
    def later(response):
        """Deliver when the server closes the response."""

        def hand_over():
            """Enqueue the rows; never fail the closed response."""
            try:
                service.deliver(ids)
            except Exception as exc:  # noqa: BLE001 - the sweep delivers it later
                log.warning("mail not handed to the queue: %s", type(exc).__name__)

        if ids:
            response.call_on_close(hand_over)
        return response
