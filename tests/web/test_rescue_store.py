"""The text-rescue store cannot be flooded, planted or made to keep a password.

(The rescue itself, on every form, is tests/web/test_keeping.py.)
"""

import datetime
import os

from freezegun import freeze_time
from sqlalchemy import func
from sqlalchemy import select

from meldcode.storage import stash
from meldcode.storage.models import StashedForm
from tests.web.failing_disk import checkpoint
from tests.web.failing_disk import sqlite_file
from tests.web.wizard import PASSWORD
from tests.web.wizard import Visitor

MEGABYTE_OF_TEXT = "x" * (1024 * 1024 - 4096)  # just under the request limit of 1 MiB


def stored(app) -> tuple[int, int]:
    """Return the number of stashes and the bytes of the database files on disk."""
    checkpoint(app)
    path = sqlite_file(app)
    size = sum(
        os.path.getsize(f"{path}{end}") for end in ("", "-wal") if os.path.exists(f"{path}{end}")
    )
    with app.extensions["meldcode_db"].reader() as s:
        return s.scalar(select(func.count()).select_from(StashedForm)), size


def test_an_anonymous_flood_stores_nothing(wizard_app, people):
    before = stored(wizard_app)
    for number in range(60):
        client = wizard_app.test_client()  # no cookie at all, as a script would post
        url = ("/casussen/nieuw", "/account/gegevens", "/beheer/uitnodigen")[number % 3]
        response = client.post(url, data={"label": MEGABYTE_OF_TEXT, "csrf_token": "x"})
        assert response.status_code == 303
    count, size = stored(wizard_app)
    assert count == 0
    assert size - before[1] < 64 * 1024, f"the database grew by {size - before[1]} bytes"


def test_one_user_flooding_keeps_only_their_newest_few_stashes(wizard_app, owner):
    for _ in range(30):
        response = owner.client.post(
            "/casussen/nieuw", data={"label": MEGABYTE_OF_TEXT, "csrf_token": "verlopen"}
        )
        assert response.status_code == 303
    caps = stash.Caps()
    with wizard_app.extensions["meldcode_db"].reader() as s:
        count, size = s.execute(
            select(func.count(), func.sum(StashedForm.size)).where(StashedForm.user_id.is_not(None))
        ).one()
    assert 0 < count <= caps.per_user and size <= caps.user_bytes


def test_another_users_herstel_link_restores_nothing(wizard_app, people, owner):
    planted = "GEPLANTE TEKST van een ander"
    response = owner.client.post(
        "/casussen/nieuw", data={"label": planted, "csrf_token": "verlopen"}
    )
    link = response.headers["Location"]
    assert link.startswith("/casussen/nieuw?herstel=")
    assert planted in owner.page(link)  # its author gets it back
    colleague = Visitor(wizard_app)
    assert colleague.login("colleague").status_code == 303
    page = colleague.page(link)  # the same page, which the colleague may open too
    assert planted not in page
    assert "teruggezet" not in page


def test_a_session_that_ran_out_keeps_the_text_for_its_own_user_only(wizard_app, people):
    person = Visitor(wizard_app)
    start = datetime.datetime(2026, 9, 14, 10, 0)
    with freeze_time(start) as clock:
        assert person.login("owner").status_code == 303
        clock.tick(datetime.timedelta(minutes=45))  # idle: the session ran out
        response = person.client.post(
            "/casussen/nieuw", data={"label": "na het verlopen getypt", "csrf_token": "x"}
        )
        login = response.headers["Location"]
        assert "herstel" in login
        with wizard_app.extensions["meldcode_db"].reader() as s:
            (row,) = s.scalars(select(StashedForm)).all()
        assert row.user_id == people.owner


def test_forms_with_a_password_are_never_kept(wizard_app, people, owner):
    secret = "GEHEIM-wachtwoord-dat-nergens-mag-staan"
    anonymous = wizard_app.test_client()
    anonymous.post("/inloggen", data={"email": "mentor@delinde.nl", "password": secret})
    owner.client.post("/inloggen", data={"email": "mentor@delinde.nl", "password": secret})
    owner.client.post(
        "/account/wachtwoord",
        data={"current": PASSWORD, "password": secret, "password_again": secret},
    )
    owner.client.post("/account/tweestaps/uitzetten", data={"password": secret})
    assert stored(wizard_app)[0] == 0
