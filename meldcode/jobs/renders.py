"""PDF renders as rows: asked for once per version, printed by a worker, fetched, deleted.

A dossier is keyed on (case, version, language): a second request for the same version
finds the row and reuses its PDF. The version is a fingerprint of everything the dossier
prints except the event log (a download itself is an event), and of the day it is printed
on ("Afgedrukt op", in Dutch time). The PDF is stored encrypted
and the row is deleted ``RENDER_KEEP_MINUTES`` after the PDF was made. A page the web
prepared itself (the class report) comes in as HTML, stored encrypted until printed.
"""

import datetime
import hashlib
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from meldcode.kader.words import LOCAL_TIME
from meldcode.storage.background import RenderJob
from meldcode.storage.db import Database
from meldcode.storage.models import Case
from meldcode.storage.models import CaseRecord
from meldcode.storage.models import CaseShare
from meldcode.storage.models import new_id
from meldcode.storage.models import utcnow

DOSSIER = "dossier"


@dataclass(frozen=True)
class RenderState:
    """Where a render is: wachtrij, bezig, klaar, mislukt (with a reason) or verouderd."""

    id: str
    status: str
    failure: str = ""
    asked_at: datetime.datetime | None = None  # when the row was made (UTC, naive)

    @property
    def ready(self) -> bool:
        """Tell whether the PDF can be fetched."""
        return self.status == "klaar"

    @property
    def failed(self) -> bool:
        """Tell whether the render failed (the page offers a retry)."""
        return self.status == "mislukt"


def state(row: RenderJob) -> RenderState:
    """Return a row's state."""
    return RenderState(row.id, row.status, row.failure, row.created_at)


def print_day() -> datetime.date:
    """Return today in the Netherlands: the day a dossier printed now says it was printed."""
    return datetime.datetime.now(LOCAL_TIME).date()


def case_version(session, case_id: str) -> str | None:
    """Return a fingerprint of what a case's dossier prints (not its event log), or None."""
    case = session.get(Case, case_id)
    if case is None:
        return None
    digest = hashlib.sha256()
    for part in (
        print_day(),
        case.label_enc,
        case.owner_id,
        case.status,
        case.archived_at,
        case.kader_id,
        case.kader_version,
        case.worry_date,
        case.evaluation_date,
    ):
        digest.update(repr(part).encode() + b"\0")
    found = session.execute(
        select(CaseRecord.id, CaseRecord.version)
        .where(CaseRecord.case_id == case_id)
        .order_by(CaseRecord.id)
    )
    for record_id, version in found:
        digest.update(f"r{record_id}:{version}\0".encode())
    for user_id in session.scalars(
        select(CaseShare.user_id).where(CaseShare.case_id == case_id).order_by(CaseShare.user_id)
    ):
        digest.update(f"s{user_id}\0".encode())
    return digest.hexdigest()[:40]


def html_context(job_id: str) -> str:
    """Return the cipher context of a row's HTML."""
    return f"render_jobs.html:{job_id}"


def pdf_context(job_id: str) -> str:
    """Return the cipher context of a row's PDF."""
    return f"render_jobs.pdf:{job_id}"


def request(db: Database, settings, kind, subject_id, version, language, html=None, user_id=None):
    """Return (state, new): the existing row for this version, or a new one to enqueue."""
    budget = datetime.timedelta(
        seconds=int(settings["RENDER_SECONDS"]) + 60 * int(settings["RENDER_KEEP_MINUTES"])
    )

    def work(s):
        """Find the row of this version (dropping an expired one) or add it."""
        now = utcnow()
        row = s.scalars(
            select(RenderJob).where(
                RenderJob.kind == kind,
                RenderJob.subject_id == subject_id,
                RenderJob.version == version,
                RenderJob.language == language,
            )
        ).first()
        if row is not None and row.expires_at > now:
            return state(row), False
        if row is not None:
            s.delete(row)
            s.flush()
        row = RenderJob(
            id=new_id(),
            kind=kind,
            subject_id=subject_id,
            version=version,
            language=language,
            requested_by=user_id,
            expires_at=now + budget,
        )
        if html is not None:
            row.html_enc = db.cipher.encrypt(html, html_context(row.id))
        s.add(row)
        s.flush()
        return state(row), True

    try:
        return db.run_write(work)
    except IntegrityError:
        # Another request added the same version a moment ago: use theirs.
        return db.run_write(work)


def find(db: Database, kind, subject_id, version, language) -> RenderState | None:
    """Return the state of a version's render, or None when nobody asked for it."""
    with db.reader() as s:
        row = s.scalars(
            select(RenderJob).where(
                RenderJob.kind == kind,
                RenderJob.subject_id == subject_id,
                RenderJob.version == version,
                RenderJob.language == language,
                RenderJob.expires_at > utcnow(),
            )
        ).first()
        return None if row is None else state(row)


def ahead(db: Database, job_id: str) -> int:
    """Return how many renders were asked for before this one and are not done yet."""
    with db.reader() as s:
        row = s.get(RenderJob, job_id)
        if row is None or row.status != "wachtrij":
            return 0
        return s.scalar(
            select(func.count()).where(
                RenderJob.status.in_(("wachtrij", "bezig")), RenderJob.created_at < row.created_at
            )
        )


def fetch(db: Database, job_id: str) -> bytes | None:
    """Return a finished, unexpired PDF, decrypted; None when there is none (any more)."""
    with db.reader() as s:
        row = s.get(RenderJob, job_id)
        if row is None or row.status != "klaar" or row.expires_at <= utcnow():
            return None
        return db.cipher.decrypt_bytes(row.pdf_enc, pdf_context(row.id))


def reopen(db: Database, settings, job_id: str) -> RenderState | None:
    """Put a failed render back in the queue (the page's retry); return its state."""

    def work(s):
        """Reset a failed row; leave any other row as it is."""
        row = s.get(RenderJob, job_id)
        if row is None:
            return None
        if row.status == "mislukt":
            row.status, row.failure = "wachtrij", ""
            row.expires_at = utcnow() + datetime.timedelta(
                seconds=int(settings["RENDER_SECONDS"]) + 60 * int(settings["RENDER_KEEP_MINUTES"])
            )
        return state(row)

    return db.run_write(work)


def sweep(db: Database, settings, now: datetime.datetime | None = None) -> int:
    """Delete expired renders and fail renders whose worker vanished; return rows touched."""
    now = now or utcnow()
    stuck_before = now - datetime.timedelta(seconds=int(settings["RENDER_SECONDS"]) + 120)

    def work(s):
        """Delete what expired; mark what a dead worker left behind as failed."""
        gone = s.execute(delete(RenderJob).where(RenderJob.expires_at <= now)).rowcount or 0
        for row in s.scalars(
            select(RenderJob).where(
                RenderJob.status == "bezig", RenderJob.started_at < stuck_before
            )
        ):
            row.status, row.failure = "mislukt", "fout"
            gone += 1
        return gone

    return db.run_write(work)
