"""A class at work: first answers kept at a reveal, who is where, the wall, removing someone.

Beside ``meldcode.storage.training`` (the tables): what the trainer's controls change and
the live view reads. Motivations leave this module only for the motivation wall, without
the participant they belong to.
"""

import datetime
import json
from dataclasses import dataclass
from dataclasses import field

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from meldcode.storage.crypto import Cipher
from meldcode.storage.training import TrainingAnswer
from meldcode.storage.training import TrainingParticipant
from meldcode.storage.training import _context


@dataclass
class ClassAnswers:
    """Every participant's answers now, their first answers, and when each last saved."""

    ids: list[str]
    answers: dict[str, dict] = field(default_factory=dict)
    firsts: dict[str, dict] = field(default_factory=dict)  # kept when a question was revealed
    last: dict[str, datetime.datetime] = field(default_factory=dict)  # joined or last saved


def class_answers(session: Session, session_id: str) -> ClassAnswers:
    """Return the class's answers, first answers and last activity (no motivations)."""
    people = session.execute(
        select(TrainingParticipant.id, TrainingParticipant.joined_at)
        .where(TrainingParticipant.session_id == session_id)
        .order_by(TrainingParticipant.joined_at)
    ).all()
    found = ClassAnswers([p.id for p in people])
    found.answers = {p.id: {} for p in people}
    found.last = {p.id: p.joined_at for p in people}
    query = select(
        TrainingAnswer.participant_id,
        TrainingAnswer.question,
        TrainingAnswer.value,
        TrainingAnswer.first_value,
        TrainingAnswer.updated_at,
    ).where(TrainingAnswer.session_id == session_id)
    for pid, question, value, first, updated in session.execute(query):
        if pid not in found.answers:
            continue  # removed by the trainer a moment ago
        found.answers[pid][question] = json.loads(value)
        if first is not None:
            found.firsts.setdefault(pid, {})[question] = json.loads(first)
        found.last[pid] = max(found.last[pid], updated)
    return found


def keep_firsts(session: Session, session_id: str, question: str) -> None:
    """Keep the answers given so far to a question as the first answers (at its reveal)."""
    session.execute(
        update(TrainingAnswer)
        .where(
            TrainingAnswer.session_id == session_id,
            TrainingAnswer.question == question,
            TrainingAnswer.first_value.is_(None),
        )
        .values(first_value=TrainingAnswer.value)
    )


def remove(session: Session, session_id: str, participant_id: str) -> bool:
    """Remove a participant of this session with their answers; False when not found."""
    person = session.get(TrainingParticipant, participant_id[:32])
    if person is None or person.session_id != session_id:
        return False
    session.execute(delete(TrainingAnswer).where(TrainingAnswer.participant_id == person.id))
    session.delete(person)
    return True


def motivations(session: Session, cipher: Cipher, session_id: str, question: str) -> list:
    """Return (answer id, value, motivation) of a question's answers, in no telling order."""
    query = (
        select(TrainingAnswer)
        .where(TrainingAnswer.session_id == session_id, TrainingAnswer.question == question)
        .order_by(TrainingAnswer.id)
    )
    return [
        (
            a.id,
            json.loads(a.value),
            cipher.decrypt(a.motivation_enc, _context(a.participant_id, a.question)),
        )
        for a in session.scalars(query)
    ]


def participant_counts(session: Session, session_ids: list[str]) -> dict[str, int]:
    """Return how many participants each of these sessions has (for the session list)."""
    if not session_ids:
        return {}
    query = (
        select(TrainingParticipant.session_id, func.count())
        .where(TrainingParticipant.session_id.in_(session_ids))
        .group_by(TrainingParticipant.session_id)
    )
    return dict(session.execute(query).all())


TAG_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"  # the join codes' letters: easy to read out loud


def tag(participant_id: str) -> str:
    """Return a participant's three-letter tag: stable, no name, shown to them and the trainer."""
    number = int(participant_id[:8], 16)
    letters = []
    for _ in range(3):
        number, rest = divmod(number, len(TAG_ALPHABET))
        letters.append(TAG_ALPHABET[rest])
    return "".join(letters)
