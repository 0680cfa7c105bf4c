"""Hand a message to the SMTP server: STARTTLS or implicit TLS with a verified certificate."""

import smtplib
import ssl
from email.message import EmailMessage

from meldcode.mail.config import SmtpConfig


def tls_context(config: SmtpConfig) -> ssl.SSLContext:
    """Return a context that checks the server's certificate (and host name)."""
    return ssl.create_default_context(cafile=config.ca_file or None)


def deliver(config: SmtpConfig, message: EmailMessage) -> None:
    """Send one message; any refusal or network error raises (the job retries)."""
    if config.security == "tls":
        connection = smtplib.SMTP_SSL(
            config.host, config.port, timeout=config.timeout, context=tls_context(config)
        )
    else:
        connection = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
    with connection:
        if config.security == "starttls":
            connection.starttls(context=tls_context(config))
        if config.user:
            connection.login(config.user, config.password)
        refused = connection.send_message(message)
        if refused:  # a partial refusal: the one recipient was refused
            raise smtplib.SMTPRecipientsRefused(refused)
