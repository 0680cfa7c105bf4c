"""Tables of the background jobs: printed PDFs waiting to be fetched, and the mail outbox.

A printed PDF is case content: it is stored encrypted with the field cipher and deleted a
short time after it was made. The outbox holds one row per event a mail is sent for; its
unique ``event_key`` is what keeps a mail from going out twice. The recipient and the link
(which may hold a one-time token) are encrypted; the row's clear columns say only what kind
of mail it is and how delivery went.
"""

import datetime

from sqlalchemy import DateTime
from sqlalchemy import Integer
from sqlalchemy import LargeBinary
from sqlalchemy import String
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from meldcode.storage.models import Base
from meldcode.storage.models import new_id
from meldcode.storage.models import utcnow

RENDER_STATES = ("wachtrij", "bezig", "klaar", "mislukt", "verouderd")
MAIL_STATES = ("wachtrij", "bezig", "verzonden", "mislukt")


class RenderJob(Base):
    """One PDF to print: a case's dossier at one version, or a page the web prepared."""

    __tablename__ = "render_jobs"
    __table_args__ = (UniqueConstraint("kind", "subject_id", "version", "language"),)
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(16))  # "dossier", "klasrapport", …
    subject_id: Mapped[str] = mapped_column(String(32), index=True)
    version: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(2))
    status: Mapped[str] = mapped_column(String(12), default="wachtrij")
    failure: Mapped[str] = mapped_column(String(16), default="")  # tijd, geheugen, fout
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    requested_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    html_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    pdf_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    pdf_bytes: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)
    started_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True)
    finished_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True)
    expires_at: Mapped[datetime.datetime] = mapped_column(DateTime, index=True)


class OutboxMail(Base):
    """A mail to send for one event; ``event_key`` is unique, so an event mails once."""

    __tablename__ = "mail_outbox"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    event_key: Mapped[str] = mapped_column(String(160), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    payload_enc: Mapped[bytes] = mapped_column(LargeBinary)  # recipient, language, link, date
    status: Mapped[str] = mapped_column(String(12), default="wachtrij")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(String(64), default="")  # a class name, never text
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)
    claimed_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True)
    sent_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True)
