"""The events that send a mail, each writing one outbox row with a key unique to the event.

Call the first three inside the transaction that makes the event, then hand the returned
ids to ``Jobs.deliver`` after the commit (the periodic sweep delivers any that were
missed). The reminders are found by the hourly job. Every function returns None or []
when SMTP is not configured: then nothing is stored and the page passes links by hand.
"""

import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from meldcode.dossier.after import workdays_after
from meldcode.mail import links
from meldcode.mail import outbox
from meldcode.mail.config import enabled
from meldcode.storage import cases
from meldcode.storage.crypto import Cipher
from meldcode.storage.models import Case
from meldcode.storage.models import CaseRecord
from meldcode.storage.models import CaseShare
from meldcode.storage.models import Organisation
from meldcode.storage.models import User

VT_WORKDAYS = 5  # the veiligheidsbeoordeling follows a melding within 5 werkdagen


def _base(settings) -> str:
    """Return the address the links start with."""
    return str(settings["BASE_URL"]).rstrip("/")


def _to_user(session, cipher, settings, key, kind, user: User, link, date=None):
    """Add a mail to an active user in their own language."""
    if not enabled(settings) or user is None or not user.active:
        return None
    payload = {"to": user.email, "lang": user.language, "link": link}
    if date is not None:
        payload["date"] = date.isoformat()
    return outbox.add(session, cipher, key, kind, user.id, payload)


def invitation(
    session: Session, cipher: Cipher, settings, invitation_id: str, email: str, link: str, lang
) -> str | None:
    """Mail an invitation link (the invitee has no account: ``lang`` is the inviter's)."""
    if not enabled(settings):
        return None
    payload = {"to": email, "lang": lang if lang in ("nl", "en") else "nl", "link": link}
    return outbox.add(session, cipher, f"uitnodiging:{invitation_id}", "uitnodiging", None, payload)


def password_reset(
    session: Session, cipher: Cipher, settings, user: User, link: str, reset_id: str
) -> str | None:
    """Mail a password reset link; ``reset_id`` names the one reset request."""
    return _to_user(session, cipher, settings, f"wachtwoord:{reset_id}", "wachtwoord", user, link)


def shared(session: Session, cipher: Cipher, settings, share: CaseShare) -> str | None:
    """Tell a colleague a case was shared with them: a link to the case, nothing else."""
    colleague = session.get(User, share.user_id)
    link = links.case_link(_base(settings), share.case_id)
    return _to_user(session, cipher, settings, f"gedeeld:{share.id}", "gedeeld", colleague, link)


def due_reminders(session: Session, cipher: Cipher, settings, today: datetime.date) -> list[str]:
    """Add the reminders due by ``today``: evaluation of afweging 5, and zicht op veiligheid."""
    if not enabled(settings):
        return []
    added = []
    open_cases = select(Case).where(Case.status != "gesloten")
    for case in session.scalars(open_cases.where(Case.evaluation_date <= today)):
        key = f"evaluatie:{case.id}:{case.evaluation_date.isoformat()}"
        link = links.evaluation_link(_base(settings), case.id)
        owner = session.get(User, case.owner_id)
        added.append(
            _to_user(session, cipher, settings, key, "evaluatie", owner, link, case.evaluation_date)
        )
    with_melding = open_cases.where(
        Case.id.in_(select(CaseRecord.case_id).where(CaseRecord.kind == "melding"))
    )
    for case in session.scalars(with_melding):
        for melding in cases.records(session, cipher, case, "melding"):
            due = workdays_after(melding.payload.datum, VT_WORKDAYS)
            if due > today:
                continue
            key = f"zicht:{case.id}:{melding.payload.datum.isoformat()}"
            link = links.case_link(_base(settings), case.id)
            owner = session.get(User, case.owner_id)
            added.append(_to_user(session, cipher, settings, key, "zicht", owner, link, due))
    return [mail_id for mail_id in added if mail_id]


def retention_warnings(
    session: Session, cipher: Cipher, settings, now: datetime.datetime
) -> list[str]:
    """Warn owners ``RETENTION_WARNING_DAYS`` before a closed case is deleted."""
    if not enabled(settings):
        return []
    warning = datetime.timedelta(days=int(settings.get("RETENTION_WARNING_DAYS", 7)))
    added = []
    for org in session.scalars(select(Organisation)):
        retention = datetime.timedelta(days=org.retention_days)
        closed = session.scalars(
            select(Case).where(
                Case.organisation_id == org.id,
                Case.status == "gesloten",
                Case.archived_at.is_not(None),
                Case.archived_at <= now - retention + warning,
                Case.archived_at > now - retention,
            )
        )
        for case in closed:
            deleted_on = (case.archived_at + retention).date()
            key = f"bewaartermijn:{case.id}:{case.archived_at.isoformat()}"
            link = links.case_link(_base(settings), case.id)
            owner = session.get(User, case.owner_id)
            added.append(
                _to_user(session, cipher, settings, key, "bewaartermijn", owner, link, deleted_on)
            )
    return [mail_id for mail_id in added if mail_id]
