"""Every mail the web pages start, through the real worker to a real SMTP server.

Invitation, password reset (by a beheerder and "wachtwoord vergeten"), a shared case, and
the reminders and retention warning found from the records the wizard itself wrote. A
canary is typed into every case field (label included) by walking the case's pages; no
mail carries one, nor the label. Own stack (app, worker process, aiosmtpd), so the counts
of tests/jobs/test_mail.py are not disturbed.
"""

import datetime
import re
import time

import pytest

from meldcode.jobs import periodic
from meldcode.kader.words import LOCAL_TIME
from meldcode.storage import closing
from meldcode.storage.models import Case
from meldcode.storage.models import User
from meldcode.storage.models import utcnow
from tests.appfactory import build_app
from tests.jobs.conftest import BASE_URL
from tests.jobs.conftest import Stack
from tests.jobs.conftest import job_settings
from tests.jobs.workerproc import running_worker
from tests.jobs.workerproc import wait_until
from tests.mailserver import smtp_server
from tests.web import casewalk
from tests.web.test_canary import Canaries
from tests.web.wizard import EMAILS
from tests.web.wizard import Visitor
from tests.web.wizard import make_world

PREFIX = "KANARIE7Q"
NEW = "de fiets staat in de schuur achter"


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    folder = tmp_path_factory.mktemp("webmail")
    with smtp_server() as (inbox, port):
        settings = job_settings(folder, f"sqlite:///{folder / 'test.sqlite3'}", port)
        config = {k: v for k, v in settings.items() if k != "LOG_FORMAT"}
        app = build_app(folder, dict(config, PDF_WARM_UP=False))
        people = make_world(app)

        def english(s):
            s.get(User, people.colleague).language = "en"

        app.extensions["meldcode_db"].run_write(english)
        with running_worker(settings, folder / "worker.log"):
            yield Stack(app, people, inbox, settings, folder / "worker.log")


def signed_in(web, who: str) -> Visitor:
    person = Visitor(web.app)
    assert person.login(who).status_code == 303
    return person


def link_in(mail, path: str) -> str:
    body = mail.message.get_body(("plain",)).get_content()
    return re.search(rf"{re.escape(BASE_URL)}({path}/[\w-]+)", body).group(1)


def no_canary(mail) -> None:
    assert PREFIX.encode() not in mail.raw and PREFIX not in mail.decoded()


def test_an_invitation_is_mailed_and_the_link_is_also_shown_in_full(web):
    beheerder = signed_in(web, "beheerder")
    response = beheerder.form(
        "/beheer/uitnodigen", {"email": "nieuw@delinde.nl", "role": "medewerker"}
    )
    shown = beheerder.page(response.headers["Location"])
    assert "is gemaild naar nieuw@delinde.nl" in shown
    path = re.search(r'<code id="link">https://[^/]+(/uitnodiging/[\w-]{43})</code>', shown)[1]
    (mail,) = wait_until(lambda: web.inbox.to("nieuw@delinde.nl"))
    assert link_in(mail, "/uitnodiging") == path
    no_canary(mail)
    joined = Visitor(web.app).form(path, {"name": "Nieuw", "password": NEW})
    assert joined.status_code == 303


def test_a_beheerder_reset_is_mailed_in_the_colleagues_language_and_never_shown(web):
    beheerder = signed_in(web, "beheerder")
    people = web.world
    response = beheerder.form(
        f"/beheer/gebruikers/{people.colleague}/wachtwoord-link",
        {},
        f"/beheer/gebruikers/{people.colleague}",
    )
    assert response.status_code == 303
    page = beheerder.page(response.headers["Location"])
    assert "/wachtwoord-herstellen/" not in page and "gemaild" in page
    (mail,) = wait_until(lambda: web.inbox.to(EMAILS["colleague"]))
    assert mail.message["Subject"] == "New password for meldcode"
    path = link_in(mail, "/wachtwoord-herstellen")
    person = Visitor(web.app)
    assert person.form(path, {"password": NEW, "password_again": NEW}).status_code == 303
    assert person.login("colleague", NEW).status_code == 303
    assert Visitor(web.app).get(path).status_code == 404


def forgot(web, address: str):
    response = Visitor(web.app).form("/wachtwoord-vergeten", {"email": address})
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    response.close()  # as a WSGI server does: the mail is handed to the queue only now
    return re.sub(r'name="csrf_token"[^>]*>', "", body)


def test_forgot_password_mails_only_a_known_address_and_answers_the_same_for_both(web):
    known = forgot(web, EMAILS["af"].upper())
    unknown = forgot(web, "niemand@delinde.nl")
    assert known == unknown
    (mail,) = wait_until(lambda: web.inbox.to(EMAILS["af"]))
    path = link_in(mail, "/wachtwoord-herstellen")
    assert "/wachtwoord-herstellen/" not in known
    # At most three mails an hour for one address: nobody's inbox is flooded.
    for _ in range(4):
        forgot(web, EMAILS["af"])
    wait_until(lambda: len(web.inbox.to(EMAILS["af"])) >= 3)
    time.sleep(3)  # a fourth would have arrived by now
    assert len(web.inbox.to(EMAILS["af"])) == 3
    assert Visitor(web.app).get(path).status_code == 404  # a newer link ended this one
    assert web.inbox.to("niemand@delinde.nl") == []


def test_case_mails_carry_no_content_and_reminders_come_from_the_wizards_records(web):
    canary = Canaries()
    owner = signed_in(web, "owner")
    choose = {**casewalk.CHOOSE, **casewalk.CASES["artsen"]}
    case_id = owner.new_case(label=canary("label"), kader="artsen")
    casewalk.walk(owner, case_id, lambda url, name: canary(f"{url} {name}"), choose)
    shared = owner.form(f"/casussen/{case_id}/delen", {"collega": web.world.colleague})
    assert shared.status_code == 303
    assert "mail" in owner.page(f"/casussen/{case_id}/delen")
    share_mail = wait_until(
        lambda: [m for m in web.inbox.to(EMAILS["colleague"]) if case_id in m.decoded()]
    )
    assert share_mail[0].message["Subject"] == "A case was shared with you"

    with web.app.extensions["meldcode_db"].reader() as s:
        case = s.get(Case, case_id)
        assert case.evaluation_date is not None  # written by the evaluatie page itself
    morning = datetime.datetime.now(LOCAL_TIME).replace(hour=8)
    as_utc = morning.astimezone(datetime.UTC).replace(tzinfo=None)
    ids = periodic.run_reminders(web.jobs.context, as_utc)
    web.jobs.deliver(ids)
    owner_mail = wait_until(
        lambda: len(web.inbox.to(EMAILS["owner"])) >= 2 and web.inbox.to(EMAILS["owner"])
    )
    subjects = {m.message["Subject"] for m in owner_mail}
    assert {"Evaluatie van afweging 5", "Zicht op veiligheid na een melding"} <= subjects

    def close(s):
        closing.close(s, s.get(Case, case_id), s.get(User, web.world.owner))

    web.app.extensions["meldcode_db"].run_write(close)
    later = utcnow().replace(hour=12) + datetime.timedelta(days=25)
    web.jobs.deliver(periodic.run_reminders(web.jobs.context, later))
    warned = wait_until(
        lambda: [
            m
            for m in web.inbox.to(EMAILS["owner"])
            if m.message["Subject"] == "Een gesloten casus wordt binnenkort verwijderd"
        ]
    )
    assert len(warned) == 1
    everything = list(web.inbox.arrived)
    assert len(everything) >= 5
    for mail in everything:
        no_canary(mail)
        assert "label" not in mail.decoded().lower()
