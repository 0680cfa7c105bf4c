"""Mail settings and delivery details that need no worker: TLS, login, links, no SMTP."""

import datetime

import pytest

from meldcode.mail import links
from meldcode.mail import notify
from meldcode.mail.compose import compose
from meldcode.mail.config import MailConfigError
from meldcode.mail.config import smtp_config
from meldcode.mail.smtp import deliver
from meldcode.storage.background import OutboxMail
from tests.appfactory import build_app
from tests.jobs.world import build_world
from tests.mailserver import smtp_server

SETTINGS = {"SMTP_HOST": "127.0.0.1", "MAIL_FROM": "meldcode@school.example", "BASE_URL": "x"}


def message(kind="gedeeld", date=None):
    payload = {"to": "a@school.example", "lang": "nl", "link": "https://m.example/casussen/1"}
    if date:
        payload["date"] = date.isoformat()
    return compose(kind, f"{kind}:1", payload, "meldcode@school.example")


def test_starttls_with_a_verified_certificate_and_a_login(tmp_path):
    with smtp_server(tls_folder=tmp_path, login=("meldcode", "geheim")) as (inbox, port):
        base = dict(SETTINGS, SMTP_PORT=port, SMTP_USER="meldcode", SMTP_PASSWORD="geheim")
        trusted = smtp_config(dict(base, SMTP_CA_FILE=str(tmp_path / "smtp-cert.pem")))
        deliver(trusted, message())
        assert len(inbox.wait_for(1)) == 1
        # Without the private CA the certificate is not trusted: nothing is sent.
        with pytest.raises(Exception, match="CERTIFICATE_VERIFY_FAILED"):
            deliver(smtp_config(base), message())
        # The server insists on STARTTLS; a client without it is refused.
        with pytest.raises(Exception):  # noqa: B017 - smtplib raises several kinds here
            deliver(smtp_config(dict(SETTINGS, SMTP_PORT=port, SMTP_SECURITY="none")), message())
        assert len(inbox.arrived) == 1


def test_settings_that_cannot_work_are_refused():
    with pytest.raises(MailConfigError):
        smtp_config(dict(SETTINGS, SMTP_SECURITY="ssl3"))
    with pytest.raises(MailConfigError):
        smtp_config(dict(SETTINGS, MAIL_FROM=""))
    with pytest.raises(MailConfigError):  # a password never goes over an unencrypted line
        smtp_config(dict(SETTINGS, SMTP_SECURITY="none", SMTP_USER="u", SMTP_PASSWORD="p"))
    assert smtp_config(dict(SETTINGS, SMTP_SECURITY="tls", SMTP_PORT=None)).port == 465


def test_every_mail_kind_reads_in_both_languages():
    for kind in ("uitnodiging", "wachtwoord", "gedeeld", "evaluatie", "zicht", "bewaartermijn"):
        day = datetime.date(2026, 12, 1)
        dutch = message(kind, day)
        payload = {
            "to": "a@x.nl",
            "lang": "en",
            "link": "https://m.example/l",
            "date": "2026-12-01",
        }
        english = compose(kind, f"{kind}:1", payload, "m@x.nl")
        assert dutch["Subject"] != english["Subject"], kind
        body = english.get_body(("plain",)).get_content()
        assert "https://m.example/l" in body and "0800-2000" in body
        if kind in ("evaluatie", "zicht", "bewaartermijn"):
            assert "1 December 2026" in body and "1 december 2026" in str(
                dutch.get_body(("plain",)).get_content()
            )
        assert english["Message-ID"] == compose(kind, f"{kind}:1", payload, "m@x.nl")["Message-ID"]


def test_links_in_mails_are_pages_of_the_app(tmp_path):
    app = build_app(tmp_path, {"PDF_WARM_UP": False})
    adapter = app.url_map.bind("localhost")
    for link in (links.case_link("", "a" * 32), links.evaluation_link("", "a" * 32)):
        endpoint, _args = adapter.match(link, method="GET")
        assert endpoint.startswith("casussen."), link


def test_without_smtp_nothing_is_stored_and_the_tool_works_as_before(tmp_path):
    app = build_app(tmp_path, {"PDF_WARM_UP": False})
    world = build_world(app, evaluatie=datetime.date(2026, 1, 5))
    jobs = app.extensions["meldcode_jobs"]
    assert not jobs.mail_enabled
    assert jobs.notify_invitation("u1", "x@school.example", "https://m/u/t", "nl") is None
    assert jobs.notify_password_reset(world.people.owner, "https://m/w/t", "r1") is None
    database = app.extensions["meldcode_db"]
    found = database.run_write(
        lambda s: notify.due_reminders(s, database.cipher, app.config, datetime.date(2026, 2, 1))
    )
    assert found == []
    with database.reader() as s:
        assert s.query(OutboxMail).count() == 0
