"""Mails through the real worker to a real SMTP server: a link and the kind, never content."""

import datetime
import time

from icalendar import Calendar
from sqlalchemy import select
from sqlalchemy import text

from meldcode.jobs import periodic
from meldcode.kader.words import LOCAL_TIME
from meldcode.storage.background import OutboxMail
from meldcode.storage.models import utcnow
from tests.jobs.conftest import BASE_URL
from tests.jobs.conftest import SENDER
from tests.jobs.workerproc import wait_until
from tests.jobs.world import CANARY
from tests.web.wizard import EMAILS


def outbox_row(stack, mail_id) -> OutboxMail:
    with stack.database.reader() as s:
        return s.get(OutboxMail, mail_id)


def assert_no_content(arrived):
    """No canary, label or case text in any header or part, raw or decoded."""
    assert CANARY.encode() not in arrived.raw
    assert CANARY not in arrived.decoded()
    assert "label" not in arrived.decoded().lower()


def test_a_shared_case_mails_the_colleague_only_a_link_in_their_language(stack):
    colleague = EMAILS["colleague"]
    mail_id = stack.jobs.notify_shared(stack.world.case_id, stack.world.people.colleague)
    assert mail_id is None  # nothing shared yet: no event, no mail

    def share(s):
        from meldcode.storage import cases
        from meldcode.storage.models import Case
        from meldcode.storage.models import User

        case = s.get(Case, stack.world.case_id)
        owner, other = s.get(User, stack.world.people.owner), s.get(User, case.owner_id)
        cases.share_case(s, case, owner, s.get(User, stack.world.people.colleague))
        assert other is owner

    stack.database.run_write(share)
    mail_id = stack.jobs.notify_shared(stack.world.case_id, stack.world.people.colleague)
    assert mail_id
    arrived = wait_until(lambda: stack.inbox.to(colleague))
    assert len(arrived) == 1
    message = arrived[0].message
    assert message["From"] == SENDER
    assert message["Subject"] == "A case was shared with you"  # the colleague reads English
    body = message.get_body(("plain",)).get_content()
    assert f"{BASE_URL}/casussen/{stack.world.case_id}" in body
    assert "0800-2000" in body
    assert_no_content(arrived[0])
    assert wait_until(lambda: outbox_row(stack, mail_id).status == "verzonden")

    # The same event again: no second row, no second mail.
    assert stack.jobs.notify_shared(stack.world.case_id, stack.world.people.colleague) is None
    stack.jobs.deliver([mail_id])  # even a repeated enqueue of the sent row sends nothing
    time.sleep(2)
    assert len(stack.inbox.to(colleague)) == 1


def test_a_refused_mail_is_retried_and_arrives_once(stack):
    address = "nieuwe.collega@delinde.nl"
    stack.inbox.refuse = 1
    refused_before = stack.inbox.refused
    mail_id = stack.jobs.notify_invitation(
        "uitnodiging-1", address, f"{BASE_URL}/uitnodiging/geheim-token", "nl"
    )
    arrived = wait_until(lambda: stack.inbox.to(address), seconds=60)
    assert stack.inbox.refused == refused_before + 1
    row = wait_until(lambda: (r := outbox_row(stack, mail_id)).status == "verzonden" and r)
    assert row.attempts == 2 and row.last_error == ""
    assert arrived[0].message["Subject"] == "Uitnodiging voor meldcode"
    time.sleep(2)
    assert len(stack.inbox.to(address)) == 1
    # The token travels only encrypted: not in the outbox row, not in the queue's store.
    with stack.database.reader() as s:
        raw = s.execute(text("SELECT payload_enc FROM mail_outbox WHERE id = :i"), {"i": mail_id})
        assert b"geheim-token" not in bytes(raw.scalar())
    queue_file = stack.settings["INSTANCE_PATH"] + "/queue.sqlite3"
    with open(queue_file, "rb") as handle:
        assert b"geheim-token" not in handle.read()


def test_reminders_arrive_on_their_date_with_a_calendar_item_holding_only_the_link(stack):
    owner = EMAILS["owner"]
    case_id = stack.world.case_id
    morning = datetime.datetime.now(LOCAL_TIME).replace(hour=8)
    night = morning.replace(hour=3)
    as_utc = lambda moment: moment.astimezone(datetime.UTC).replace(tzinfo=None)  # noqa: E731
    assert periodic.run_reminders(stack.jobs.context, as_utc(night)) == []  # not at night
    ids = periodic.run_reminders(stack.jobs.context, as_utc(morning))
    assert len(ids) == 2  # evaluatie (today) and zicht op veiligheid (melding 10 days ago)
    stack.jobs.deliver(ids)
    arrived = wait_until(lambda: len(stack.inbox.to(owner)) >= 2 and stack.inbox.to(owner))
    subjects = sorted(m.message["Subject"] for m in arrived)
    assert subjects == ["Evaluatie van afweging 5", "Zicht op veiligheid na een melding"]
    for mail in arrived:
        assert_no_content(mail)
        attachments = list(mail.message.iter_attachments())
        assert [a.get_content_type() for a in attachments] == ["text/calendar"]
        calendar = Calendar.from_ical(attachments[0].get_content())
        (event,) = calendar.walk("VEVENT")
        assert set(event.keys()) == {
            "UID",
            "DTSTAMP",
            "DTSTART",
            "DTEND",
            "SUMMARY",
            "URL",
            "DESCRIPTION",
            "TRANSP",
        }
        assert str(event["URL"]).startswith(f"{BASE_URL}/casussen/{case_id}")
        assert str(event["DESCRIPTION"]) == str(event["URL"])
        assert CANARY not in calendar.to_ical().decode()
    # The next hour finds the same reminders already sent: nothing new.
    assert periodic.run_reminders(stack.jobs.context, as_utc(morning.replace(hour=9))) == []


def test_a_retention_warning_goes_out_before_a_closed_case_is_deleted(stack):
    from tests.jobs.world import make_case

    owner = EMAILS["owner"]
    case_id = make_case(stack.app, stack.world.people, source="knmg")
    before = len(stack.inbox.to(owner))

    def close(s, days_ago):
        from meldcode.storage.models import Case

        case = s.get(Case, case_id)
        case.status, case.archived_at = "gesloten", utcnow() - datetime.timedelta(days=days_ago)

    stack.database.run_write(lambda s: close(s, 10))  # retention 30, warning 7: not yet
    assert periodic.run_reminders(stack.jobs.context, utcnow().replace(hour=12)) == []
    stack.database.run_write(lambda s: close(s, 25))  # deleted in 5 days: warn
    ids = periodic.run_reminders(stack.jobs.context, utcnow().replace(hour=12))
    assert len(ids) == 1
    stack.jobs.deliver(ids)
    arrived = wait_until(lambda: len(stack.inbox.to(owner)) > before and stack.inbox.to(owner))
    mail = arrived[-1]
    assert mail.message["Subject"] == "Een gesloten casus wordt binnenkort verwijderd"
    assert_no_content(mail)
    assert not list(mail.message.iter_attachments())


def test_no_canary_anywhere_in_the_outbox_or_the_worker_log(stack):
    with stack.database.reader() as s:
        rows = s.scalars(select(OutboxMail)).all()
        assert rows
        for row in rows:
            values = [row.event_key, row.kind, row.last_error, row.status, row.payload_enc]
            assert all(CANARY.encode() not in str(v).encode() for v in values)
    log = stack.worker_log.read_text()
    assert CANARY not in log
    assert '"logger": "meldcode.mail"' in log  # the worker logged as JSON lines
