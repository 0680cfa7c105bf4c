"""The organisation's own meldcode in the database: one concept, and every adopted version.

A beheerder edits the concept; adopting it (vaststellen) copies it into a new, numbered,
never-changed version and removes the concept. Old versions stay, so a case keeps the
version that was in force when it started: :func:`for_case` finds it from the adoption
and creation times, which never change, so no case row needs a pointer (and the case
pages need no write when a case starts).

The content is stored as JSON in the clear, not encrypted: it is the organisation's own
published procedure (names and work numbers of functionaries, its agreements, the local
help directory), shown to every member and printed as a document. It holds no case
content; a case never writes here.
"""

import datetime
import json

from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import Session
from sqlalchemy.orm import mapped_column

from meldcode.eigen_meldcode import EigenMeldcode
from meldcode.eigen_meldcode import Resultaat
from meldcode.eigen_meldcode import check
from meldcode.storage.models import Base
from meldcode.storage.models import Case
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.storage.models import new_id
from meldcode.storage.models import utcnow

CONCEPT = "concept"
VASTGESTELD = "vastgesteld"


class OrgMeldcode(Base):
    """One version of an organisation's own meldcode; ``version`` is None for the concept."""

    __tablename__ = "org_meldcodes"
    __table_args__ = (UniqueConstraint("organisation_id", "version"),)
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisations.id"), index=True)
    version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status: Mapped[str] = mapped_column(String(12), default=CONCEPT)
    body: Mapped[str] = mapped_column(Text)
    row_version: Mapped[int] = mapped_column(Integer, default=1)
    adopted_at: Mapped[datetime.datetime | None] = mapped_column(DateTime, nullable=True)
    adopted_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)


class Conflict(Exception):
    """The concept changed since the form was shown; nothing was saved."""


class NotComplete(Exception):
    """The concept misses a required element (or has an error); it was not adopted."""

    def __init__(self, result: Resultaat):
        """Keep the check's result, so the page can name what is missing."""
        self.result = result
        super().__init__("meldcode not complete")


def content(row: OrgMeldcode) -> EigenMeldcode:
    """Return the stored meldcode, without the version metadata."""
    return EigenMeldcode.model_validate(json.loads(row.body))


def as_model(session: Session, row: OrgMeldcode) -> EigenMeldcode:
    """Return the stored meldcode with its organisation, version and adoption date filled in."""
    organisation = session.get(Organisation, row.organisation_id)
    return content(row).model_copy(
        update={
            "organisatie": organisation.name if organisation else "",
            "versie": row.version,
            "vastgesteld_op": row.adopted_at.date() if row.adopted_at else None,
        }
    )


def concept(session: Session, organisation_id: str) -> OrgMeldcode | None:
    """Return the organisation's concept, or None when nobody is editing one."""
    return session.scalar(
        select(OrgMeldcode).where(
            OrgMeldcode.organisation_id == organisation_id, OrgMeldcode.status == CONCEPT
        )
    )


def versions(session: Session, organisation_id: str) -> list[OrgMeldcode]:
    """Return every adopted version, newest first."""
    return list(
        session.scalars(
            select(OrgMeldcode)
            .where(
                OrgMeldcode.organisation_id == organisation_id, OrgMeldcode.status == VASTGESTELD
            )
            .order_by(OrgMeldcode.version.desc())
        )
    )


def version(session: Session, organisation_id: str, number: int) -> OrgMeldcode | None:
    """Return one adopted version of the organisation, or None."""
    return session.scalar(
        select(OrgMeldcode).where(
            OrgMeldcode.organisation_id == organisation_id,
            OrgMeldcode.status == VASTGESTELD,
            OrgMeldcode.version == number,
        )
    )


def in_force(session: Session, organisation_id: str, moment: datetime.datetime):
    """Return the version that was in force at ``moment`` (adopted at or before it), or None."""
    return session.scalar(
        select(OrgMeldcode)
        .where(
            OrgMeldcode.organisation_id == organisation_id,
            OrgMeldcode.status == VASTGESTELD,
            OrgMeldcode.adopted_at <= moment,
        )
        .order_by(OrgMeldcode.version.desc())
        .limit(1)
    )


def for_case(session: Session, case: Case) -> OrgMeldcode | None:
    """Return the version a case works under: the one in force when it was started."""
    return in_force(session, case.organisation_id, case.created_at)


def save_concept(
    session: Session,
    organisation_id: str,
    meldcode: EigenMeldcode,
    seen_version: int | None,
    now: datetime.datetime | None = None,
) -> OrgMeldcode:
    """Store the concept; ``seen_version`` is the row version the form showed (None: new).

    Raises Conflict when someone else saved the concept in between.
    """
    now = now or utcnow()
    body = meldcode.inhoud().model_dump_json()
    row = concept(session, organisation_id)
    if row is None:
        if seen_version not in (None, 0):
            raise Conflict()  # the concept was adopted or removed meanwhile
        row = OrgMeldcode(organisation_id=organisation_id, status=CONCEPT, body=body)
        row.created_at = row.updated_at = now
        session.add(row)
        session.flush()
        return row
    if seen_version != row.row_version:
        raise Conflict()
    row.body = body
    row.row_version += 1
    row.updated_at = now
    return row


def adopt(
    session: Session,
    organisation_id: str,
    user: User,
    kader_ids: list[str],
    now: datetime.datetime | None = None,
) -> OrgMeldcode:
    """Adopt the concept as the next version; raise NotComplete when an element is missing."""
    now = now or utcnow()
    row = concept(session, organisation_id)
    if row is None:
        raise NotComplete(Resultaat(fouten=["geen concept"]))
    result = check(content(row), kader_ids)
    if not result.compleet:
        raise NotComplete(result)
    last = session.scalar(
        select(func.max(OrgMeldcode.version)).where(OrgMeldcode.organisation_id == organisation_id)
    )
    adopted = OrgMeldcode(
        organisation_id=organisation_id,
        version=(last or 0) + 1,
        status=VASTGESTELD,
        body=row.body,
        adopted_at=now,
        adopted_by=user.id,
        created_at=now,
        updated_at=now,
    )
    session.execute(delete(OrgMeldcode).where(OrgMeldcode.id == row.id))
    session.add(adopted)
    session.flush()
    return adopted


def discard_concept(session: Session, organisation_id: str) -> bool:
    """Remove the concept (the adopted versions stay); tell whether there was one."""
    found = concept(session, organisation_id)
    if found is None:
        return False
    session.delete(found)
    return True
