"""Renders cannot starve the app: they run in the worker, fewer at once than cores, each with
a time and a memory limit; a case too large is refused with a clear page before it queues."""

import datetime
import os
import time

import pytest
from sqlalchemy import insert

from meldcode import paths
from meldcode.casus import limits
from meldcode.casus.casefile import CaseFile
from meldcode.casus.limits import CaseFull
from meldcode.casus.records import Signaal
from meldcode.dossier import bounded
from meldcode.dossier.bounded import TooLarge
from meldcode.dossier.build import build
from meldcode.dossier.build import decide
from meldcode.dossier.limit import PRINT_RECORDS
from meldcode.dossier.limit import Busy
from meldcode.dossier.limit import RenderSlots
from meldcode.dossier.limit import printable
from meldcode.dossier.limit import slot_count
from meldcode.dossier.render import shared
from meldcode.jobs import printing
from meldcode.jobs.context import Context
from meldcode.settings import DEFAULTS
from meldcode.storage import cases
from meldcode.storage.casefile_io import import_case
from meldcode.storage.models import Case
from meldcode.storage.models import CaseRecord
from meldcode.storage.models import User
from meldcode.storage.models import new_id
from tests.dossier.largecase import long_text
from tests.dossier.test_web import signed_in
from tests.renders import render_rows
from tests.renders import work_queue
from tests.web.wizard import CSRF
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world

DAY = datetime.date(2026, 9, 14)
MEGABYTE = 1024 * 1024


def case_of(signals: int, length: int) -> CaseFile:
    """Return a case file with ``signals`` signals of ``length`` characters."""
    return CaseFile.model_validate(
        {
            "casus": {
                "label": "G.R., 2015",
                "zorg_sinds": "2025-01-06",
                "kader": {"id": "onderwijs", "versie": "2019.1"},
            },
            "signalen": [
                {"datum": "2025-02-01", "waarneming": long_text(length), "categorie": "gedrag"}
                for _ in range(signals)
            ],
        }
    )


def view_of(case: CaseFile, registry):
    return build(case, decide(case, registry), "nl")


def test_fewer_renders_run_at_once_than_the_machine_has_cores(tmp_path):
    assert slot_count(0, 2) == 1
    assert slot_count(0, 4) == 3
    assert slot_count(8, 4) == 3  # more asked than cores allow: lowered
    assert slot_count(2, 4) == 2
    assert slot_count(0, 1) == 1  # one core: one render, at a lower priority than pages
    with pytest.raises(ValueError):
        slot_count(-1, 4)
    settings = {"INSTANCE_PATH": str(tmp_path), "PDF_CONCURRENCY": 0}
    worker = Context(settings)
    cores = os.cpu_count() or 1
    assert worker.slots.count == max(1, cores - 1)


def test_a_worker_with_every_slot_taken_prints_nothing_and_queues_the_render_again(tmp_path):
    slots = RenderSlots(tmp_path, 2, cores=4)
    with slots.slot(), slots.slot():
        with pytest.raises(Busy):
            with slots.slot():
                pass  # pragma: no cover - never reached
    with slots.slot() as number:
        assert number in (0, 1)


def test_a_dossier_comes_back_whole_from_its_child_process(registry):
    renderer = shared(warm=False)
    view = view_of(case_of(3, 500), registry)
    pdf = bounded.run(renderer.in_child(lambda: renderer.pdf(view)), 120, 1024 * MEGABYTE)
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")


def test_a_render_that_runs_too_long_is_stopped_at_its_limit():
    def spin() -> bytes:
        while True:
            pass

    began = time.monotonic()
    with pytest.raises(TooLarge) as caught:
        bounded.run(spin, seconds=2, memory_bytes=256 * MEGABYTE)
    assert caught.value.reason == "time"
    assert time.monotonic() - began < 5


def test_a_render_that_needs_too_much_memory_is_stopped(tmp_path):
    with pytest.raises(TooLarge) as caught:
        bounded.run(lambda: b"x" * (512 * MEGABYTE), seconds=30, memory_bytes=64 * MEGABYTE)
    assert caught.value.reason == "memory"
    # The limit is what the render adds to the worker, whatever the worker holds already.
    with pytest.raises(TooLarge) as caught:
        bounded.run(lambda: bytes(64 * MEGABYTE), seconds=60, memory_bytes=16 * MEGABYTE)
    assert caught.value.reason == "memory"
    assert bounded.run(lambda: b"%PDF klein", 60, 16 * MEGABYTE) == b"%PDF klein"


def test_the_parent_learns_how_much_memory_and_time_a_render_took():
    usage = {}
    bounded.run(lambda: bytes(bytearray(48 * MEGABYTE))[:1], 60, 256 * MEGABYTE, usage=usage)
    assert usage["peak_mb"] >= 48 and 0 < usage["seconds"] < 60


@pytest.fixture
def app(tmp_path):
    app = fresh_app(tmp_path, PDF_WARM_UP=False)
    return app, make_world(app)


def fill(app, case_id: str, user_id: str, count: int, length: int) -> None:
    """Add ``count`` signals straight into the database, past any limit (an old case)."""
    database = app.extensions["meldcode_db"]

    def work(s):
        rows = []
        for _ in range(count):
            record_id = new_id()
            payload = Signaal(datum=DAY, waarneming=long_text(length)).model_dump(mode="json")
            rows.append(
                {
                    "id": record_id,
                    "case_id": case_id,
                    "kind": "signaal",
                    "key": new_id(),
                    "payload_enc": database.cipher.encrypt_json(
                        payload, f"case_records:{record_id}"
                    ),
                    "version": 1,
                    "created_by": user_id,
                    "updated_by": user_id,
                }
            )
        s.execute(insert(CaseRecord), rows)

    database.run_write(work)


def test_a_case_larger_than_the_limits_is_refused_at_once_with_a_clear_page(app):
    app, people = app
    owner = signed_in(app, "owner")
    case_id = owner.new_case()
    fill(app, case_id, people.owner, PRINT_RECORDS + 1, 100)
    began = time.monotonic()
    response = owner.get(f"/casussen/{case_id}/dossier.pdf")
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and response.headers["Cache-Control"] == "no-store"
    assert "groter dan de app in één keer afdrukt" in page and "meldcode dossier" in page
    assert "Opnieuw proberen" not in page  # trying again cannot help
    assert time.monotonic() - began < 20
    assert render_rows(app) == [] and work_queue(app) == 0  # nothing was queued
    assert owner.get(f"/casussen/{case_id}/dossier").status_code == 200  # the preview works


def test_the_worker_refuses_a_case_too_large_to_print_before_it_takes_a_slot(app):
    app, people = app
    owner = signed_in(app, "owner")
    case_id = owner.new_case()
    fill(app, case_id, people.owner, PRINT_RECORDS + 1, 100)
    jobs = app.extensions["meldcode_jobs"]
    # Asked for without the web's own check (an older request, another client).
    found = jobs.request_render(case_id, jobs.case_version(case_id), "nl")
    assert printing.execute(jobs.context, found.id) == "mislukt"
    assert render_rows(app) == [("dossier", "mislukt", "omvang")]
    page = owner.get(f"/casussen/{case_id}/dossier.pdf")
    assert page.status_code == 422 and "groter dan de app" in page.get_data(as_text=True)


def test_the_forms_refuse_a_save_that_would_overfill_the_case_and_keep_the_text(app):
    app, people = app
    owner = signed_in(app, "owner")
    case_id = owner.new_case()
    fill(app, case_id, people.owner, 49, 20_000)  # about 990,000 bytes stored: nearly full
    url = f"/casussen/{case_id}/stap-1/signaal/nieuw"
    token = CSRF.search(owner.page(url)).group(1)
    typed = "NIEUW SIGNAAL " + "x" * 19_000
    response = owner.client.post(
        url, data={"csrf_token": token, "datum": "2026-09-14", "waarneming": typed}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "deze casus is vol" in page and typed in page
    short = owner.form(url, {"datum": "2026-09-14", "waarneming": "Kort signaal."})
    assert short.status_code == 303  # what still fits is saved


def test_an_import_past_the_limits_is_refused(app):
    app, people = app
    database = app.extensions["meldcode_db"]
    kader = app.extensions["meldcode_registry"].get("onderwijs", "2019.1")
    too_many = case_of(limits.MAX_RECORDS + 1, 20)

    def work(s):
        import_case(s, database.cipher, too_many, s.get(User, people.owner), kader)

    with pytest.raises(CaseFull):
        database.run_write(work)
    with database.reader() as s:
        assert s.query(Case).count() == 0

    def one_more(s):
        owner = s.get(User, people.owner)
        case = cases.create_case(s, database.cipher, owner, "A.B., 2015", DAY, kader)
        for _ in range(limits.MAX_RECORDS):
            cases.add_record(
                s, database.cipher, case, owner, "signaal", Signaal(datum=DAY, waarneming="x")
            )
        cases.add_record(
            s, database.cipher, case, owner, "signaal", Signaal(datum=DAY, waarneming="x")
        )

    with pytest.raises(CaseFull):
        database.run_write(one_more)


def test_the_pages_name_the_limits_as_they_are():
    text = (paths.TEMPLATES_DIR / "errors/_save_problems.html").read_text()
    assert f"{limits.MAX_RECORDS} onderdelen" in text
    assert limits.MAX_BYTES == 1_000_000  # "ongeveer 900.000 tekens" on that page
    refusal = (paths.TEMPLATES_DIR / "errors/render_too_large.html").read_text()
    assert f"{PRINT_RECORDS:,} onderdelen".replace(",", ".") in refusal


def test_every_case_the_forms_allow_is_printed_and_a_larger_one_is_not():
    assert printable(limits.MAX_RECORDS, limits.MAX_BYTES)
    assert not printable(PRINT_RECORDS + 1, 100)
    assert printable(*limits.size_of(case_of(49, 20_000)))


@pytest.mark.slow
def test_the_largest_case_the_forms_allow_prints_within_the_time_limit(registry, tmp_path):
    largest = case_of(49, 20_000)  # 49 signals of the longest text a field takes
    seconds, memory = DEFAULTS["RENDER_SECONDS"], DEFAULTS["RENDER_MEMORY_MB"] * MEGABYTE
    renderer, view = shared(warm=False), view_of(largest, registry)
    began = time.monotonic()
    pdf = bounded.run(renderer.in_child(lambda: renderer.pdf(view)), seconds, memory)
    assert pdf.startswith(b"%PDF") and time.monotonic() - began < seconds
