"""A write that cannot be done is "not saved", with the text still there: never a 500.

Each failure is real (tests/web/failing_disk.py): a read-only SQLite file, a lock held by
another connection, a file that may not grow (RLIMIT_FSIZE) and, as root, a full tmpfs.
"""

import datetime
import time

import pytest
from freezegun import freeze_time

from meldcode.storage.migrate import upgrade
from tests.appfactory import build_app
from tests.web import failing_disk
from tests.web.failing_disk import TEXT
from tests.web.stap_helpers import saved
from tests.web.wizard import Visitor
from tests.web.wizard import make_world


def test_a_read_only_database_answers_not_saved_and_keeps_the_text(wizard_app, owner):
    case_id = owner.new_case()
    url, data = failing_disk.same_form(owner, case_id)
    with failing_disk.read_only(wizard_app):
        response = owner.client.post(url, data=data)
        report = failing_disk.page_of(response)
        assert report == {"status": 503, "text_kept": True, "says_disk": True}
        assert owner.get(f"/casussen/{case_id}").status_code == 200  # reading still works
    assert saved(wizard_app, case_id, "signaal") == {}
    url, data = failing_disk.same_form(owner, case_id)
    assert owner.client.post(url, data=data).status_code == 303  # writable again: it saves


def test_the_session_refresh_on_a_read_only_database_does_not_break_pages(wizard_app, people):
    person = Visitor(wizard_app)
    start = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    with freeze_time(start) as clock:
        assert person.login("owner").status_code == 303
        case_id = person.new_case()
        url, data = failing_disk.same_form(person, case_id)
        clock.tick(datetime.timedelta(minutes=5))  # the idle timer is due to be refreshed
        with failing_disk.read_only(wizard_app):
            assert person.get("/casussen").status_code == 200
            response = person.client.post(url, data=data)
            assert failing_disk.page_of(response)["status"] == 503
            assert TEXT in response.get_data(as_text=True)
            # Writes no page expects (signing out) answer 503 with a page too, not a 500.
            out = person.client.post("/uitloggen", data={"csrf_token": data["csrf_token"]})
            assert out.status_code == 503
            assert "Niet opgeslagen" in out.get_data(as_text=True)


def test_a_lock_held_elsewhere_answers_within_seconds_with_the_text(wizard_app, people):
    person = Visitor(wizard_app)
    start = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    with freeze_time(start, tick=True) as clock:
        assert person.login("owner").status_code == 303
        case_id = person.new_case()
        url, data = failing_disk.same_form(person, case_id)
        clock.move_to(start + datetime.timedelta(minutes=5))  # the refresh write is due too
        with failing_disk.locked(wizard_app):
            began = time.monotonic()
            response = person.client.post(url, data=data)
            waited = time.monotonic() - began
    report = failing_disk.page_of(response)
    assert report["status"] == 503 and report["text_kept"], report
    assert "De database was even niet bereikbaar" in response.get_data(as_text=True)
    assert waited < 5, f"waited {waited:.1f} s for the lock"
    assert saved(wizard_app, case_id, "signaal") == {}


def test_a_file_that_cannot_grow_answers_not_saved_and_keeps_the_text(wizard_app, people):
    owner = Visitor(wizard_app)
    assert owner.login("owner").status_code == 303
    case_id = owner.new_case()
    wizard_app.extensions["meldcode_db"].dispose()
    report = failing_disk.run_child(wizard_app, case_id)
    assert report == {"status": 503, "text_kept": True, "says_disk": True}
    assert saved(wizard_app, case_id, "signaal") == {}
    with wizard_app.extensions["meldcode_db"].reader() as s:
        assert s.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


@pytest.mark.skipif(not failing_disk.can_mount(), reason="mounting a tmpfs needs root")
def test_a_full_filesystem_answers_not_saved_and_keeps_the_text(tmp_path):
    with failing_disk.small_tmpfs() as folder:
        url = f"sqlite:///{folder / 'meldcode.sqlite3'}"
        upgrade(url)
        app = build_app(tmp_path / "instance", {"PDF_WARM_UP": False}, database_url=url)
        try:
            make_world(app)
            owner = Visitor(app)
            assert owner.login("owner").status_code == 303
            case_id = owner.new_case()
            form, data = failing_disk.same_form(owner, case_id)
            failing_disk.fill(folder)
            data["waarneming"] = TEXT + " " + "x" * 19000  # more than the last free pages
            response = owner.client.post(form, data=data)
            report = failing_disk.page_of(response)
            assert report == {"status": 503, "text_kept": True, "says_disk": True}
            (folder / "vol").unlink()
            form, data = failing_disk.same_form(owner, case_id)
            assert owner.client.post(form, data=data).status_code == 303
        finally:
            app.extensions["meldcode_db"].dispose()


@pytest.fixture
def pg_app(tmp_path, pg_cluster):
    """The app on a fresh PostgreSQL database, and that database's url."""
    url = pg_cluster.new_database()
    app = build_app(tmp_path / "instance", {"PDF_WARM_UP": False}, database_url=url)
    yield app, url
    app.extensions["meldcode_db"].dispose()


@pytest.mark.postgres
def test_on_postgres_a_lock_and_a_read_only_database_keep_the_text(pg_app, pg_cluster):
    from sqlalchemy import create_engine

    app, url = pg_app
    make_world(app)
    owner = Visitor(app)
    assert owner.login("owner").status_code == 303
    case_id = owner.new_case()
    form, data = failing_disk.same_form(owner, case_id)
    holder = create_engine(url)
    with holder.connect() as connection:
        connection.exec_driver_sql("LOCK TABLE case_records IN ACCESS EXCLUSIVE MODE")
        began = time.monotonic()
        response = owner.client.post(form, data=data)
        waited = time.monotonic() - began
        connection.rollback()
    holder.dispose()
    assert failing_disk.page_of(response)["status"] == 503 and TEXT in response.get_data(True)
    assert waited < 5, f"waited {waited:.1f} s for the lock"
    name = url.split("@/", 1)[1].split("?")[0]
    pg_cluster.execute(f"ALTER DATABASE {name} SET default_transaction_read_only = on")
    app.extensions["meldcode_db"].dispose()  # new connections take the setting
    form, data = failing_disk.same_form(owner, case_id)
    report = failing_disk.page_of(owner.client.post(form, data=data))
    assert report == {"status": 503, "text_kept": True, "says_disk": True}
    assert saved(app, case_id, "signaal") == {}
