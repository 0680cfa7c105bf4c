"""Scale-out: a web instance and a worker with their own instance folders ("machines"),
sharing only PostgreSQL, which holds the data and the queue (Huey's PostgreSQL store)."""

import pytest
from sqlalchemy import create_engine
from sqlalchemy import inspect

from meldcode.storage import cases
from meldcode.storage.models import Case
from meldcode.storage.models import User
from tests.appfactory import build_app
from tests.jobs.conftest import job_settings
from tests.jobs.workerproc import running_worker
from tests.jobs.workerproc import wait_until
from tests.jobs.world import build_world
from tests.mailserver import smtp_server
from tests.web.wizard import EMAILS


@pytest.mark.postgres
@pytest.mark.slow
def test_web_and_worker_on_two_machines_share_postgresql(pg_cluster, tmp_path):
    url = pg_cluster.new_database()
    with smtp_server() as (inbox, port):
        web = job_settings(tmp_path / "web", url, port)
        app = build_app(tmp_path / "web", dict(web, PDF_WARM_UP=False), database_url=url)
        jobs, database = app.extensions["meldcode_jobs"], app.extensions["meldcode_db"]
        world = build_world(app)
        worker = dict(web, INSTANCE_PATH=str(tmp_path / "worker"))
        try:
            with running_worker(worker, tmp_path / "worker.log"):

                def share(s):
                    case = s.get(Case, world.case_id)
                    owner, colleague = (
                        s.get(User, world.people.owner),
                        s.get(User, world.people.colleague),
                    )
                    cases.share_case(s, case, owner, colleague)

                database.run_write(share)
                assert jobs.notify_shared(world.case_id, world.people.colleague)
                found = jobs.request_render(world.case_id, jobs.case_version(world.case_id), "en")
                assert wait_until(lambda: inbox.to(EMAILS["colleague"]), seconds=60)
                assert wait_until(lambda: jobs.fetch_pdf(found.id), seconds=120).startswith(b"%PDF")
        finally:
            jobs.huey.storage.close()
            database.dispose()
    engine = create_engine(url)
    try:
        tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert {"huey_task", "huey_schedule", "huey_kv"} <= tables  # the queue lives in PostgreSQL
    assert not (tmp_path / "web" / "queue.sqlite3").exists()
    assert not (tmp_path / "worker" / "queue.sqlite3").exists()
