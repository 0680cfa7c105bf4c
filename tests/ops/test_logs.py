"""Request logs: JSON lines when configured (id, route, status, duration, user), no content."""

import io
import json
import logging

import pytest

from meldcode import logs
from tests.appfactory import build_app
from tests.web.wizard import Visitor
from tests.web.wizard import make_world

CANARY = "KANARIE3L"


@pytest.fixture
def stream():
    out = io.StringIO()
    yield out
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, logs.MARK, False):
            root.removeHandler(handler)


def lines_of(stream) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_json_lines_carry_the_request_and_never_its_content(tmp_path, stream):
    app = build_app(tmp_path, {"PDF_WARM_UP": False, "LOG_FORMAT": "json", "LOG_STREAM": stream})
    make_world(app)
    person = Visitor(app)
    assert person.login("owner").status_code == 303
    case_id = person.new_case(label=f"{CANARY} J.", kader="onderwijs")
    assert person.get(f"/casussen/{case_id}").status_code == 200
    # A token in a path and a query string must not reach the log.
    person.get(f"/uitnodiging/{CANARY}token?q={CANARY}")
    forged = person.get("/healthz", headers={"X-Request-ID": 'x" {"level": "error"}'})
    kept = person.get("/healthz", headers={"X-Request-ID": "lb-1234567890"})

    raw = stream.getvalue()
    assert CANARY not in raw
    records = lines_of(stream)  # every line parses: nothing forged a line
    requests = [r for r in records if r["logger"] == "meldcode.request"]
    assert len(requests) >= 6
    for line in requests:
        assert set(line) == {
            "time",
            "level",
            "logger",
            "message",
            "request_id",
            "route",
            "method",
            "status",
            "duration_ms",
            "user_id",
        }
        assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    case_line = next(r for r in requests if r["route"] == "/casussen/<case_id>")
    assert case_line["status"] == 200 and case_line["method"] == "GET"
    assert case_line["user_id"]  # the signed-in user's id, not their name or e-mail
    assert "/uitnodiging/<token>" in {r["route"] for r in requests}
    assert forged.headers["X-Request-ID"] != 'x" {"level": "error"}'
    assert kept.headers["X-Request-ID"] == "lb-1234567890"
    assert requests[-1]["request_id"] == "lb-1234567890"
    assert requests[-1]["user_id"] is not None


def test_plain_text_is_the_default_and_adds_no_request_lines(tmp_path, caplog):
    app = build_app(tmp_path, {"PDF_WARM_UP": False})
    with caplog.at_level(logging.INFO, logger="meldcode.request"):
        response = app.test_client().get("/healthz")
    assert response.headers["X-Request-ID"]
    assert not [r for r in caplog.records if r.name == "meldcode.request"]


def test_a_json_line_escapes_what_a_message_holds():
    formatter = logs.JsonLines()
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, 'a\n{"b": 1}', None, None)
    line = formatter.format(record)
    assert "\n" not in line and json.loads(line)["message"] == 'a\n{"b": 1}'
