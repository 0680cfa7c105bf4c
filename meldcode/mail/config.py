"""The SMTP settings, checked once, so a typo shows at start and not at the first mail."""

from dataclasses import dataclass

SECURITY = ("starttls", "tls", "none")


class MailConfigError(ValueError):
    """The SMTP settings cannot work (unknown security, login without encryption …)."""


@dataclass(frozen=True)
class SmtpConfig:
    """Where and how to deliver mail."""

    host: str
    port: int
    security: str
    user: str
    password: str
    sender: str
    ca_file: str
    timeout: float
    base_url: str


def enabled(settings) -> bool:
    """Tell whether mail is configured at all (``SMTP_HOST`` set)."""
    return bool(settings.get("SMTP_HOST"))


def smtp_config(settings) -> SmtpConfig:
    """Return the SMTP settings; raise MailConfigError when they cannot work."""
    security = str(settings.get("SMTP_SECURITY") or "starttls").lower()
    if security not in SECURITY:
        raise MailConfigError(f"SMTP_SECURITY must be one of {', '.join(SECURITY)}")
    config = SmtpConfig(
        host=str(settings["SMTP_HOST"]),
        port=int(settings.get("SMTP_PORT") or (465 if security == "tls" else 587)),
        security=security,
        user=str(settings.get("SMTP_USER") or ""),
        password=str(settings.get("SMTP_PASSWORD") or ""),
        sender=str(settings.get("MAIL_FROM") or ""),
        ca_file=str(settings.get("SMTP_CA_FILE") or ""),
        timeout=float(settings.get("SMTP_TIMEOUT") or 20),
        base_url=str(settings["BASE_URL"]).rstrip("/"),
    )
    if not config.sender:
        raise MailConfigError("MAIL_FROM is required when SMTP_HOST is set")
    if config.user and security == "none":
        # A password never crosses the network in the clear.
        raise MailConfigError("SMTP_USER needs SMTP_SECURITY starttls or tls")
    return config
