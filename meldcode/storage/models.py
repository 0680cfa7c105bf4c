"""The tables of the database.

Case content is stored encrypted (``*_enc`` columns); everything else is metadata that
queries, lists and the audit trail need. Times are naive UTC.
"""

import datetime
import secrets

from sqlalchemy import Boolean
from sqlalchemy import Date
from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import LargeBinary
from sqlalchemy import String
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column


def utcnow() -> datetime.datetime:
    """Return the current time as naive UTC, as every column stores it."""
    return datetime.datetime.now(datetime.UTC).replace(tzinfo=None)


def new_id() -> str:
    """Return a random, non-sequential id (128 bits, hex)."""
    return secrets.token_hex(16)


class Base(DeclarativeBase):
    """Base class of every table."""


class Organisation(Base):
    """A school board, practice or municipality; its cases are invisible to others."""

    __tablename__ = "organisations"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    default_kader: Mapped[str] = mapped_column(String(40), default="basis")
    retention_days: Mapped[int] = mapped_column(Integer, default=30)
    require_totp: Mapped[bool] = mapped_column(Boolean, default=False)
    # Raised by every save of the settings above: two beheerders never overwrite each other.
    settings_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # Single sign-on: the role of an account made at a first sign-in (None: invitation only),
    # and whether e-mail and password still sign in (off: the OpenID provider only).
    sso_new_role: Mapped[str | None] = mapped_column(String(24), nullable=True)
    password_login: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)


class User(Base):
    """An account; roles: medewerker, aandachtsfunctionaris, beheerder, trainer."""

    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisations.id"), index=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(24))
    password_hash: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(2), default="nl")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    totp_secret_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    totp_last_step: Mapped[int] = mapped_column(Integer, default=0)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True)
    last_login_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)


class Invitation(Base):
    """A one-time link a beheerder sends to a new colleague; it expires."""

    __tablename__ = "invitations"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisations.id"), index=True)
    email: Mapped[str] = mapped_column(String(254))
    role: Mapped[str] = mapped_column(String(24))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    expires_at: Mapped[datetime.datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True)


class SetupToken(Base):
    """The one-time link printed on first start, to create the first organisation."""

    __tablename__ = "setup_tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[datetime.datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True)


class UserSession(Base):
    """A signed-in session, kept on the server so it can be revoked."""

    __tablename__ = "user_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)
    last_seen_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime.datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True)
    second_factor_done: Mapped[bool] = mapped_column(Boolean, default=False)
    # The OpenID provider (settings key) that signed this session in, and whether it vouched
    # for multi-factor authentication, which then counts as the organisation's second factor.
    provider: Mapped[str | None] = mapped_column(String(40), nullable=True)
    provider_mfa: Mapped[bool] = mapped_column(Boolean, default=False)


class Case(Base):
    """A case: metadata in the clear, the pseudonymous label encrypted."""

    __tablename__ = "cases"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisations.id"), index=True)
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    label_enc: Mapped[bytes] = mapped_column(LargeBinary)
    label_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    worry_date: Mapped[datetime.date] = mapped_column(Date)
    kader_id: Mapped[str] = mapped_column(String(40))
    kader_version: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12), default="open")
    archived_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True)
    evaluation_date: Mapped[datetime.date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)


class CaseRecord(Base):
    """One record of a case (a signal, an answer, a decision …), its payload encrypted."""

    __tablename__ = "case_records"
    # The unique constraint starts with case_id: it serves every lookup by case, so case_id
    # needs no index of its own (one page less for every save to write).
    __table_args__ = (UniqueConstraint("case_id", "kind", "key"),)
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(64))
    payload_enc: Mapped[bytes] = mapped_column(LargeBinary)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    updated_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)


class CaseShare(Base):
    """A case shared with a colleague of the same organisation, for consultation."""

    __tablename__ = "case_shares"
    __table_args__ = (UniqueConstraint("case_id", "user_id"),)
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    created_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)


class CaseEvent(Base):
    """The append-only event log of a case: who did what, when. Never content."""

    __tablename__ = "case_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)
    actor_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    action: Mapped[str] = mapped_column(String(48))
    subject: Mapped[str] = mapped_column(String(64), default="")


class AuditEntry(Base):
    """The audit trail: every view, change, share, export, deletion and login. Never content."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    organisation_id: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    role: Mapped[str] = mapped_column(String(24), default="")
    action: Mapped[str] = mapped_column(String(32))
    object_type: Mapped[str] = mapped_column(String(24), default="")
    object_id: Mapped[str] = mapped_column(String(64), default="", index=True)
    result: Mapped[str] = mapped_column(String(12), default="ok")
    origin: Mapped[str] = mapped_column(String(64), default="")


class StashedForm(Base):
    """Text a user typed when their session ran out, kept briefly so it is never lost."""

    __tablename__ = "stashed_forms"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    path: Mapped[str] = mapped_column(String(300))
    payload_enc: Mapped[bytes] = mapped_column(LargeBinary)
    expires_at: Mapped[datetime.datetime] = mapped_column(DateTime)
    # Only its author gets it back (None: kept before stashes had owners; never restored).
    user_id: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    size: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class DataKey(Base):
    """A data key that encrypted something here: its id and a value only that key opens.

    The key itself never enters the database. A process whose keys cannot open every row
    here would write what the others cannot read, or fail to read what they wrote: it stops.
    """

    __tablename__ = "data_keys"
    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    check_enc: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)


class Maintenance(Base):
    """When a periodic job (the daily purge) last ran, shared by every worker."""

    __tablename__ = "maintenance"
    job: Mapped[str] = mapped_column(String(32), primary_key=True)
    last_run_at: Mapped[datetime.datetime] = mapped_column(DateTime)
