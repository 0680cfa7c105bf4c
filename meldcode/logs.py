"""Log output for the web and the worker: plain text by default, JSON lines when asked.

A JSON line carries fixed fields only (time, level, logger, message and the request's id,
route, method, status, duration and user id): never a request body, a query string, a case
label or an answer. The encoder escapes whatever a message holds, so a value cannot
forge a second line. The standard library's json suffices; no extra package is needed.
"""

import datetime
import json
import logging
import sys

FIELDS = ("request_id", "route", "method", "status", "duration_ms", "user_id")
MARK = "_meldcode_handler"


class JsonLines(logging.Formatter):
    """Format a record as one JSON object on one line."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the record's fixed fields as JSON."""
        line = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in FIELDS:
            if hasattr(record, name):
                line[name] = getattr(record, name)
        if record.exc_info:
            # The exception class only: a traceback's locals and messages may hold content.
            line["error"] = record.exc_info[0].__name__
        return json.dumps(line, ensure_ascii=False)


def configure(kind: str = "text", stream=None) -> logging.Handler:
    """Send INFO and above to ``stream`` (stderr) as text or JSON lines; once per process."""
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, MARK, False):
            root.removeHandler(handler)
    handler = logging.StreamHandler(stream or sys.stderr)
    setattr(handler, MARK, True)
    if kind == "json":
        handler.setFormatter(JsonLines())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler
