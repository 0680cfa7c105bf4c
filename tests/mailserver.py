"""A real SMTP server on 127.0.0.1 for the tests (aiosmtpd), keeping what arrives.

``refuse`` makes the server answer the next N mails with a temporary failure (451), as a
busy or greylisting server does; ``tls`` adds STARTTLS with a certificate made for the
test, and ``login`` requires a user name and password.
"""

import datetime
import email
import email.policy
import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


@dataclass
class Arrived:
    """One mail as the server received it."""

    sender: str
    recipients: list[str]
    raw: bytes

    @property
    def message(self):
        return email.message_from_bytes(self.raw, policy=email.policy.default)

    def decoded(self) -> str:
        """Return every header and every part, decoded from its transfer encoding."""
        message = self.message
        parts = [f"{k}: {v}" for k, v in message.items()]
        for part in message.walk():
            if not part.is_multipart():
                parts.append(part.get_content() if part.get_content_maintype() == "text" else "")
        return "\n".join(str(p) for p in parts)


class Inbox:
    """The aiosmtpd handler: stores mail, refuses on request."""

    def __init__(self):
        self.arrived: list[Arrived] = []
        self.refuse = 0
        self.refused = 0
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            if self.refuse > 0:
                self.refuse -= 1
                self.refused += 1
                return "451 4.3.0 Please try again later"
            self.arrived.append(
                Arrived(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content)
            )
        return "250 OK"

    def wait_for(self, count: int, seconds: float = 30) -> list[Arrived]:
        """Wait until ``count`` mails arrived; return them."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.arrived) >= count:
                    return list(self.arrived)
            time.sleep(0.05)
        raise AssertionError(f"expected {count} mail(s), got {len(self.arrived)}")

    def to(self, address: str) -> list[Arrived]:
        with self._lock:
            return [m for m in self.arrived if address in m.recipients]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """Write a self-signed certificate for 127.0.0.1 (and its key); return both paths."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@contextmanager
def smtp_server(tls_folder: Path | None = None, login: tuple[str, str] | None = None):
    """Run an SMTP server on 127.0.0.1; yield (inbox, port)."""
    inbox = Inbox()
    port = free_port()
    options = {}
    if tls_folder is not None:
        import ssl

        cert, key = make_certificate(tls_folder)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        options.update(tls_context=context, require_starttls=True)
    if login is not None:

        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = (auth_data.login.decode(), auth_data.password.decode()) == login
            return AuthResult(success=ok)

        options.update(authenticator=authenticate, auth_required=True)
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()
