"""Dossier renders through the real worker: once per version, encrypted, bounded, retried.

The queue tests use the worker process of the stack (Huey's consumer on the SQLite
store). The limit tests call the render job's work directly (``printing.execute``): the
bounded child is the real one (meldcode.dossier.bounded: fork, rlimits, kill); only the
queue is left out, because the worker's own limits are set for normal renders.
"""

import subprocess
import sys

from sqlalchemy import text

from meldcode.casus.records import Signaal
from meldcode.jobs import periodic
from meldcode.jobs import printing
from meldcode.jobs import renders
from meldcode.jobs.context import Context
from meldcode.storage import cases
from meldcode.storage.background import RenderJob
from meldcode.storage.models import Case
from meldcode.storage.models import User
from meldcode.storage.models import utcnow
from tests.jobs.workerproc import environment
from tests.jobs.workerproc import wait_until
from tests.jobs.world import CANARY
from tests.jobs.world import make_case


def state_of(stack, job_id):
    with stack.database.reader() as s:
        row = s.get(RenderJob, job_id)
        return None if row is None else (row.status, row.failure)


def done(stack, job_id):
    return wait_until(lambda: state_of(stack, job_id)[0] in ("klaar", "mislukt", "verouderd"))


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "d.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout


def test_a_dossier_renders_once_per_version_and_is_stored_encrypted(stack, tmp_path):
    jobs, case_id = stack.jobs, stack.world.case_id
    version = jobs.case_version(case_id)
    first = jobs.request_render(case_id, version, "nl", stack.world.people.owner)
    again = jobs.request_render(case_id, version, "nl", stack.world.people.owner)
    assert again.id == first.id  # the same version: reused, not printed twice
    assert done(stack, first.id)
    assert state_of(stack, first.id) == ("klaar", "")
    assert jobs.render_state(case_id, version, "nl").ready
    pdf = jobs.fetch_pdf(first.id)
    assert pdf.startswith(b"%PDF")
    printed = pdf_text(pdf, tmp_path)
    assert CANARY.encode() in printed  # the dossier itself prints the label
    # People by name, as on the dossier page; never the owner's e-mail address.
    assert b"Mentor" in printed and b"mentor@delinde.nl" not in printed
    with stack.database.reader() as s:
        stored = s.execute(text("SELECT pdf_enc FROM render_jobs WHERE id = :i"), {"i": first.id})
        blob = bytes(stored.scalar())
        attempts = s.get(RenderJob, first.id).attempts
    assert b"%PDF" not in blob and CANARY.encode() not in blob
    assert attempts == 1
    # The worker logs the render, not WeasyPrint's every step (weasyprint.progress).
    log = stack.worker_log.read_text(errors="replace")
    assert "render " in log and "weasyprint.progress" not in log and "Step 1" not in log
    # Asked again after it was printed: still the same row and PDF, no new render.
    assert jobs.request_render(case_id, version, "nl").id == first.id
    # Another language is another document.
    assert jobs.request_render(case_id, version, "en").id != first.id


def test_a_changed_case_is_a_new_version_and_an_old_request_goes_stale(stack):
    jobs = stack.jobs
    case_id = make_case(stack.app, stack.world.people, source="knmg")
    before = jobs.case_version(case_id)

    def change(s):
        case, owner = s.get(Case, case_id), s.get(User, stack.world.people.owner)
        signal = Signaal(datum=utcnow().date(), waarneming="Nieuw signaal.")
        cases.add_record(s, stack.database.cipher, case, owner, "signaal", signal)

    stack.database.run_write(change)
    after = jobs.case_version(case_id)
    assert after != before
    old = jobs.request_render(case_id, before, "nl")
    assert done(stack, old.id) and state_of(stack, old.id) == ("verouderd", "")
    assert jobs.fetch_pdf(old.id) is None


def test_a_printed_pdf_is_deleted_after_a_short_time(stack):
    jobs, case_id = stack.jobs, stack.world.case_id
    found = jobs.request_render(case_id, jobs.case_version(case_id), "nl")
    assert done(stack, found.id)
    assert jobs.fetch_pdf(found.id) is not None
    minutes = int(stack.settings.get("RENDER_KEEP_MINUTES", 15))
    import datetime

    later = utcnow() + datetime.timedelta(minutes=minutes + 1)
    periodic.run_sweep(jobs.context, later)
    assert state_of(stack, found.id) is None
    assert jobs.fetch_pdf(found.id) is None


def limited(stack, **limits) -> Context:
    """A job context like the worker's, with other render limits."""
    settings = dict(stack.app.config)
    settings.update(limits)
    return Context(settings, stack.database, stack.app.extensions["meldcode_registry"])


def test_a_render_over_its_time_fails_says_why_and_can_be_retried(stack):
    jobs = stack.jobs
    case_id = make_case(stack.app, stack.world.people, source="groot")
    version = jobs.case_version(case_id)
    # The row is made without enqueueing it, and printed here with a tiny time limit.
    found, _new = renders.request(
        stack.database, stack.app.config, "dossier", case_id, version, "nl"
    )
    assert printing.execute(limited(stack, RENDER_SECONDS=0.3), found.id) == "mislukt"
    assert state_of(stack, found.id) == ("mislukt", "tijd")
    state = jobs.render_state(case_id, version, "nl")
    assert state.failed and state.failure == "tijd"
    # The retry goes to the real worker, whose limit is the normal one.
    assert jobs.retry_render(found.id).status == "wachtrij"
    assert wait_until(lambda: state_of(stack, found.id)[0] == "klaar", seconds=120)


def test_a_render_over_its_memory_fails_and_says_so(stack):
    case_id = make_case(stack.app, stack.world.people, source="groot")
    version = stack.jobs.case_version(case_id)
    found, _new = renders.request(
        stack.database, stack.app.config, "dossier", case_id, version, "en"
    )
    # 8 MB on top of a warm worker process: far less than laying out 70 pages needs.
    # Printed by a fresh process (as the worker is): the test process, grown by the whole
    # run, holds freed memory a child could reuse within its address-space limit.
    done = subprocess.run(
        [sys.executable, "-m", "tests.jobs.limited_render", found.id, "8", "60"],
        env=environment(stack.settings),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.stdout.strip().endswith("mislukt"), (done.stdout[-500:], done.stderr[-2000:])
    assert state_of(stack, found.id) == ("mislukt", "geheugen")


def test_the_same_page_prints_within_generous_limits(stack):
    case_id = stack.world.case_id
    found, _new = renders.request(
        stack.database, stack.app.config, "paginatest", case_id, "v1", "nl", html="<p>x</p>"
    )
    roomy = limited(stack, RENDER_MEMORY_MB=1024, RENDER_SECONDS=60)
    assert printing.execute(roomy, found.id) == "klaar"
    assert printing.execute(roomy, found.id) == "overgeslagen"  # never printed twice
