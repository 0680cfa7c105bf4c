"""What the pages call: ask for a render, follow it, fetch it, retry it; send mails.

One :class:`Jobs` per process (the web keeps it in ``app.extensions``): it owns the queue
client and the tasks. Access control stays with the caller: these functions do not know
who may see a case, so the web checks that first, as it does for every page.
"""

from meldcode.jobs import renders
from meldcode.jobs.context import Context
from meldcode.jobs.queue import make_queue
from meldcode.jobs.queue import reachable
from meldcode.jobs.renders import DOSSIER
from meldcode.jobs.renders import RenderState
from meldcode.jobs.tasks import register
from meldcode.mail import notify
from meldcode.mail.config import enabled
from meldcode.storage.db import Database
from meldcode.storage.models import CaseShare
from meldcode.storage.models import User


class Jobs:
    """The queue, its tasks and the calls the web and the command line make."""

    def __init__(self, settings, database: Database | None = None, registry=None):
        """Build the queue from the settings; share the app's database and kaders if given."""
        self.settings = settings
        self.context = Context(settings, database, registry)
        self.huey = make_queue(settings)
        self.tasks = register(self.huey, self.context)

    @property
    def database(self) -> Database:
        """Return the database the jobs use."""
        return self.context.database

    def reachable(self) -> bool:
        """Tell whether the queue's store answers."""
        return reachable(self.huey)

    # --- renders ------------------------------------------------------------------------
    def case_version(self, case_id: str) -> str | None:
        """Return the current version of a case's dossier, or None for an unknown case."""
        with self.database.reader() as s:
            return renders.case_version(s, case_id)

    def request_render(self, case_id, version, language, user_id=None) -> RenderState:
        """Ask for a case's dossier at ``version``; a second ask for it reuses the first."""
        found, new = renders.request(
            self.database, self.settings, DOSSIER, case_id, version, language, user_id=user_id
        )
        if new:
            self.tasks.render(found.id)
        return found

    def request_page_render(self, kind, subject_id, version, language, html, user_id=None):
        """Ask for a PDF of HTML the web made (the class report), once per version."""
        found, new = renders.request(
            self.database, self.settings, kind, subject_id, version, language, html, user_id
        )
        if new:
            self.tasks.render(found.id)
        return found

    def render_state(self, case_id, version, language, kind=DOSSIER) -> RenderState | None:
        """Return where a render is, or None when nobody asked for this version."""
        return renders.find(self.database, kind, case_id, version, language)

    def renders_ahead(self, job_id: str) -> int:
        """Return how many unfinished renders were asked for before this queued one."""
        return renders.ahead(self.database, job_id)

    def fetch_pdf(self, job_id: str) -> bytes | None:
        """Return a finished PDF, or None when it is not (or no longer) there."""
        return renders.fetch(self.database, job_id)

    def retry_render(self, job_id: str) -> RenderState | None:
        """Queue a failed render again (the retry button on the waiting page)."""
        found = renders.reopen(self.database, self.settings, job_id)
        if found is not None and found.status == "wachtrij":
            self.tasks.render(job_id)
        return found

    # --- mail -----------------------------------------------------------------------------
    @property
    def mail_enabled(self) -> bool:
        """Tell whether mails are sent (else pages pass links on by hand)."""
        return enabled(self.settings)

    def deliver(self, mail_ids) -> None:
        """Enqueue outbox rows written in a transaction that has committed."""
        for mail_id in mail_ids:
            if mail_id:
                self.tasks.send_mail(mail_id)

    def notify_shared(self, case_id: str, colleague_id: str) -> str | None:
        """Mail a colleague that a case was shared with them (after the share committed)."""
        db = self.database

        def work(s):
            """Find the share and add its mail."""
            share = s.query(CaseShare).filter_by(case_id=case_id, user_id=colleague_id).first()
            return None if share is None else notify.shared(s, db.cipher, self.settings, share)

        mail_id = db.run_write(work)
        self.deliver([mail_id])
        return mail_id

    def notify_invitation(self, invitation_id, email, link, language) -> str | None:
        """Mail an invitation link (after the invitation committed)."""
        db = self.database
        mail_id = db.run_write(
            lambda s: notify.invitation(
                s, db.cipher, self.settings, invitation_id, email, link, language
            )
        )
        self.deliver([mail_id])
        return mail_id

    def notify_password_reset(self, user_id: str, link: str, reset_id: str) -> str | None:
        """Mail a password reset link (after the reset request committed)."""
        db = self.database
        mail_id = db.run_write(
            lambda s: notify.password_reset(
                s, db.cipher, self.settings, s.get(User, user_id), link, reset_id
            )
        )
        self.deliver([mail_id])
        return mail_id
