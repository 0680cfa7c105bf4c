"""Retention: a session and its answers are deleted 24 hours after it ended, and only then."""

import datetime

from freezegun import freeze_time

from meldcode.storage import purge
from meldcode.storage import training as store
from tests.training_web.helpers import complete
from tests.training_web.helpers import join
from tests.training_web.helpers import model_chooser
from tests.training_web.helpers import start
from tests.training_web.test_join import change_session

CASE = "basisschool-onthulling"


def rows(app, session_id: str) -> tuple[int, int, bool]:
    """Return (participants, answers, session still there) of one session."""
    from sqlalchemy import func
    from sqlalchemy import select

    with app.extensions["meldcode_db"].reader() as s:
        people = s.scalar(
            select(func.count()).where(store.TrainingParticipant.session_id == session_id)
        )
        answers = s.scalar(
            select(func.count()).where(store.TrainingAnswer.session_id == session_id)
        )
        return people, answers, s.get(store.TrainingSession, session_id) is not None


def end_at(app, session_id: str, when: datetime.datetime) -> None:
    """End a session as if the trainer pressed the button at ``when``."""

    def work(s):
        row = s.get(store.TrainingSession, session_id)
        store.end(row, when, app.config)

    app.extensions["meldcode_db"].run_write(work)


def run_purge(app, now: datetime.datetime):
    return app.extensions["meldcode_db"].run_write(lambda s: purge.purge(s, now))


def test_an_ended_session_is_deleted_24_hours_later_with_everything_in_it(app, trainer):
    session_id, code = start(trainer, CASE)
    complete(join(app, code), model_chooser(CASE))
    ended = datetime.datetime(2026, 11, 23, 12, 0)
    end_at(app, session_id, ended)
    people, answers, there = rows(app, session_id)
    assert people == 1 and answers == 5 and there
    run_purge(app, ended + datetime.timedelta(hours=23, minutes=59))
    assert rows(app, session_id) == (1, 5, True)
    report = run_purge(app, ended + datetime.timedelta(hours=24))
    assert report.other >= 1
    assert rows(app, session_id) == (0, 0, False)


def test_a_session_nobody_ended_is_deleted_24_hours_after_it_expired(app, trainer):
    session_id, code = start(trainer, CASE)
    join(app, code)
    expired = datetime.datetime(2026, 11, 20, 18, 0)
    change_session(
        app, session_id, expires_at=expired, delete_after=expired + datetime.timedelta(hours=24)
    )
    run_purge(app, expired + datetime.timedelta(hours=12))
    assert rows(app, session_id)[2]
    run_purge(app, expired + datetime.timedelta(hours=24, seconds=1))
    assert rows(app, session_id) == (0, 0, False)


def test_ending_sets_the_deletion_to_24_hours_from_the_end(app, trainer):
    session_id, _code = start(trainer, CASE)
    url = f"/oefensessies/{session_id}"
    assert trainer.form(f"{url}/beeindigen", {"bevestigd": "ja"}, page_url=url).status_code == 303
    with app.extensions["meldcode_db"].reader() as s:
        row = s.get(store.TrainingSession, session_id)
        assert row.ended_at is not None
        assert row.delete_after - row.ended_at == datetime.timedelta(hours=24)


def test_the_daily_purge_in_the_app_deletes_old_sessions(tmp_path):
    from tests.web.wizard import Visitor
    from tests.web.wizard import fresh_app
    from tests.web.wizard import make_world

    app = fresh_app(tmp_path, PURGE_IN_TESTS=True)
    make_world(app)
    trainer = Visitor(app)
    with freeze_time("2026-11-01 10:00"):
        trainer.login("trainer")
        session_id, _code = start(trainer, CASE)
        url = f"/oefensessies/{session_id}"
        trainer.form(f"{url}/beeindigen", {"bevestigd": "ja"}, page_url=url)
    with freeze_time("2026-11-03 10:00"):
        Visitor(app).get("/kaders")  # any request runs the day's purge
    assert rows(app, session_id) == (0, 0, False)
