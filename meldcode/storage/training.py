"""Training sessions, their anonymous participants and answers: tables of their own.

Training data never shares a table with real cases, and nothing here reads or writes the
case tables: a training answer cannot become a case record or the other way round
(tests/training_web/test_separation.py). A session is deleted, with its participants and
answers, once its ``delete_after`` has passed: 24 hours after it ended (the setting
``TRAINING_RETENTION_HOURS``), by ``meldcode purge`` or the app's daily purge.
"""

import datetime
import json
import secrets

from sqlalchemy import Boolean
from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import LargeBinary
from sqlalchemy import String
from sqlalchemy import UniqueConstraint
from sqlalchemy import delete
from sqlalchemy import false
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import Session
from sqlalchemy.orm import mapped_column

from meldcode.storage.atomic import locked
from meldcode.storage.atomic import upsert
from meldcode.storage.crypto import Cipher
from meldcode.storage.models import Base
from meldcode.storage.models import User
from meldcode.storage.models import new_id
from meldcode.storage.tokens import new_token
from meldcode.storage.tokens import token_hash

# Easy to read out loud and to type from a projector: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G.
CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
CODE_LENGTH = 6


# The longest group name a trainer can give a session (the column, and both forms).
LABEL_LENGTH = 80


class SessionFull(Exception):
    """The session has as many participants as it allows."""


class TrainingSession(Base):
    """A class working through one fictional case, led by one trainer."""

    __tablename__ = "training_sessions"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisations.id"), index=True)
    trainer_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    oefencasus: Mapped[str] = mapped_column(String(60))
    kader_id: Mapped[str] = mapped_column(String(40))
    kader_version: Mapped[str] = mapped_column(String(40))
    max_participants: Mapped[int] = mapped_column(Integer)
    revealed: Mapped[str] = mapped_column(String(1000), default="")  # ids, comma-separated
    locked: Mapped[str] = mapped_column(String(1000), default="")  # question ids
    label: Mapped[str | None] = mapped_column(String(LABEL_LENGTH), nullable=True)  # "groep 2"
    open_step: Mapped[int] = mapped_column(Integer, default=5, server_default="5")
    lock_on_reveal: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    wall: Mapped[str | None] = mapped_column(String(40), nullable=True)  # motivations shown
    hidden: Mapped[str] = mapped_column(String(4000), default="", server_default="")
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime.datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True)
    delete_after: Mapped[datetime.datetime] = mapped_column(DateTime, index=True)

    def is_open(self, now: datetime.datetime) -> bool:
        """Tell whether participants may still join and answer."""
        return self.ended_at is None and now < self.expires_at

    def ids(self, column: str) -> list[str]:
        """Return the revealed or locked ids as a list."""
        return [part for part in getattr(self, column).split(",") if part]


class TrainingParticipant(Base):
    """An anonymous participant: a random token, and at most a first name or a number."""

    __tablename__ = "training_participants"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    session_id: Mapped[str] = mapped_column(
        ForeignKey("training_sessions.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    name_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    joined_at: Mapped[datetime.datetime] = mapped_column(DateTime)


class TrainingAnswer(Base):
    """One participant's answer to one question, its motivation encrypted."""

    __tablename__ = "training_answers"
    __table_args__ = (UniqueConstraint("participant_id", "question"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(
        ForeignKey("training_sessions.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[str] = mapped_column(
        ForeignKey("training_participants.id", ondelete="CASCADE"), index=True
    )
    question: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(String(1000))  # JSON: "ja", "nee" or a list of ids
    motivation_enc: Mapped[bytes] = mapped_column(LargeBinary)
    first_value: Mapped[str | None] = mapped_column(String(1000), nullable=True)  # at reveal
    updated_at: Mapped[datetime.datetime] = mapped_column(DateTime)


def new_code(session: Session) -> str:
    """Return a join code that no stored session uses."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if session.scalar(select(TrainingSession.id).where(TrainingSession.code == code)) is None:
            return code


def normalise_code(typed: str) -> str:
    """Return a typed code in capitals without spaces or dashes."""
    return "".join(c for c in (typed or "").upper() if c.isalnum())[: CODE_LENGTH + 4]


def start(session: Session, trainer: User, case_id: str, kader, now, settings: dict):
    """Create a session for ``trainer`` on a case and the kader version it is weighed with."""
    expires = now + datetime.timedelta(hours=int(settings["TRAINING_SESSION_HOURS"]))
    row = TrainingSession(
        code=new_code(session),
        organisation_id=trainer.organisation_id,
        trainer_id=trainer.id,
        oefencasus=case_id,
        kader_id=kader.id,
        kader_version=kader.version,
        max_participants=int(settings["TRAINING_MAX_PARTICIPANTS"]),
        created_at=now,
        expires_at=expires,
        delete_after=expires + _retention(settings),
    )
    session.add(row)
    session.flush()
    return row


def end(row: TrainingSession, now: datetime.datetime, settings: dict) -> None:
    """End a session now; it is deleted once the retention period has passed."""
    if row.ended_at is None:
        row.ended_at = min(now, row.expires_at)
        row.delete_after = row.ended_at + _retention(settings)


def _retention(settings: dict) -> datetime.timedelta:
    return datetime.timedelta(hours=int(settings["TRAINING_RETENTION_HOURS"]))


def by_code(session: Session, code: str) -> TrainingSession | None:
    """Return the session with this join code, or None."""
    return session.scalar(select(TrainingSession).where(TrainingSession.code == code))


def of_trainer(session: Session, trainer: User, session_id: str) -> TrainingSession | None:
    """Return one of the trainer's own sessions, or None (never another trainer's)."""
    row = session.get(TrainingSession, session_id[:32])
    return row if row is not None and row.trainer_id == trainer.id else None


def sessions_of(session: Session, trainer: User) -> list[TrainingSession]:
    """Return the trainer's sessions, newest first."""
    query = select(TrainingSession).where(TrainingSession.trainer_id == trainer.id)
    return list(session.scalars(query.order_by(TrainingSession.created_at.desc())))


def join(session: Session, cipher: Cipher, row: TrainingSession, name: str, now) -> str:
    """Add a participant; return its token. Raises SessionFull when no place is left.

    The session's row stays locked until commit, so joins at the same moment are counted
    one after another and the cap holds (on SQLite its writers queue anyway).
    """
    session.execute(locked(session, select(TrainingSession.id).where(TrainingSession.id == row.id)))
    count = session.scalar(select(func.count()).where(TrainingParticipant.session_id == row.id))
    if count >= row.max_participants:
        raise SessionFull()
    token = new_token()
    participant = TrainingParticipant(
        id=new_id(), session_id=row.id, token_hash=token_hash(token), joined_at=now
    )
    if name:
        participant.name_enc = cipher.encrypt(name, f"training_name:{participant.id}")
    session.add(participant)
    return token


def participant(session: Session, token: str | None) -> TrainingParticipant | None:
    """Return the participant a token belongs to, or None."""
    if not token or len(token) > 100:
        return None
    query = select(TrainingParticipant).where(TrainingParticipant.token_hash == token_hash(token))
    return session.scalar(query)


def name_of(cipher: Cipher, person: TrainingParticipant) -> str:
    """Return the participant's first name or number, or an empty string."""
    if person.name_enc is None:
        return ""
    return cipher.decrypt(person.name_enc, f"training_name:{person.id}")


def answers(session: Session, cipher: Cipher, person: TrainingParticipant) -> dict:
    """Return the participant's answers: question -> (value, motivation)."""
    query = select(TrainingAnswer).where(TrainingAnswer.participant_id == person.id)
    return {
        a.question: (
            json.loads(a.value),
            cipher.decrypt(a.motivation_enc, _context(a.participant_id, a.question)),
        )
        for a in session.scalars(query)
    }


def save_answer(session, cipher, person, question: str, value, motivation: str, now) -> None:
    """Store (or replace) a participant's answer to one question, in one statement.

    A double submit is two writes of the same row, never a second row: the last one stays.
    """
    values = {
        "session_id": person.session_id,
        "participant_id": person.id,
        "question": question,
        "value": json.dumps(value),
        "motivation_enc": cipher.encrypt(motivation, _context(person.id, question)),
        "updated_at": now,
    }
    keys = ["participant_id", "question"]
    upsert(session, TrainingAnswer, values, keys, ["value", "motivation_enc", "updated_at"])


def _context(participant_id: str, question: str) -> str:
    """Return the associated data that binds a motivation to its participant and question."""
    return f"training_answer:{participant_id}:{question}"


def class_answers(session: Session, session_id: str) -> tuple[list[str], dict[str, dict]]:
    """Return every participant id of a session and their answers (no motivations, no names)."""
    people = session.scalars(
        select(TrainingParticipant.id)
        .where(TrainingParticipant.session_id == session_id)
        .order_by(TrainingParticipant.joined_at)
    ).all()
    given: dict[str, dict] = {pid: {} for pid in people}
    query = select(TrainingAnswer.participant_id, TrainingAnswer.question, TrainingAnswer.value)
    for pid, question, value in session.execute(
        query.where(TrainingAnswer.session_id == session_id)
    ):
        given.setdefault(pid, {})[question] = json.loads(value)
    return list(given), given


def purge(session: Session, now: datetime.datetime) -> int:
    """Delete sessions past their ``delete_after``, with participants and answers."""
    expired = session.scalars(
        select(TrainingSession.id).where(TrainingSession.delete_after <= now)
    ).all()
    if not expired:
        return 0
    for table in (TrainingAnswer, TrainingParticipant):
        session.execute(delete(table).where(table.session_id.in_(expired)))
    session.execute(delete(TrainingSession).where(TrainingSession.id.in_(expired)))
    return len(expired)
