"""The URL → module table in docs/wizard-internals.md is the app's URL map, row for row.

Every route of ``app.url_map`` has a row, and each row names the module that defines the
route's view; a route added, moved or removed fails here until the table says so. To write
the rows for a new route: ``.venv/bin/python -m tests.web.test_url_table``.
"""

import re
import sys
import tempfile
from pathlib import Path

from meldcode import paths

DOC = paths.PACKAGE_DIR.parent / "docs" / "wizard-internals.md"
BEGIN, END = "<!-- url-table -->", "<!-- /url-table -->"
ROW = re.compile(r"^\| `([^`]+)` \| ([A-Z, ]+) \| `([\w.]+)` \| `([\w/]+\.py)` \|$")


def app_rows(app) -> set[tuple[str, str, str, str]]:
    """Return (URL, methods, endpoint, module file) for every route but the static files."""
    rows = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        module = app.view_functions[rule.endpoint].__module__
        methods = ", ".join(sorted(rule.methods - {"HEAD", "OPTIONS"}))
        rows.add((rule.rule, methods, rule.endpoint, module.replace(".", "/") + ".py"))
    return rows


def doc_rows(text: str) -> set[tuple[str, str, str, str]]:
    """Return the rows of the table between the two markers of the document."""
    start, end = text.index(BEGIN), text.index(END)
    rows = set()
    for line in text[start:end].splitlines():
        found = ROW.match(line.strip())
        if found:
            rows.add(found.groups())
    return rows


def table(rows) -> str:
    """Return the rows as the document writes them, by URL."""
    lines = ["| URL | Methods | Endpoint | Module |", "| --- | --- | --- | --- |"]
    for url, methods, endpoint, module in sorted(rows):
        lines.append(f"| `{url}` | {methods} | `{endpoint}` | `{module}` |")
    return "\n".join(lines)


def test_every_route_is_in_the_table_with_the_module_of_its_view(app):
    documented = doc_rows(DOC.read_text())
    actual = app_rows(app)
    assert len(actual) >= 90
    assert sorted(actual - documented) == [], "routes missing from (or wrong in) the table"
    assert sorted(documented - actual) == [], "rows in the table that the app does not have"


def test_each_module_in_the_table_exists():
    for _url, _methods, _endpoint, module in doc_rows(DOC.read_text()):
        assert (paths.PACKAGE_DIR.parent / module).is_file(), module


def test_the_check_reads_rows_and_would_see_a_moved_view():
    text = f"{BEGIN}\n{table({('/a', 'GET', 'x.a', 'meldcode/web/x.py')})}\n{END}"
    assert doc_rows(text) == {("/a", "GET", "x.a", "meldcode/web/x.py")}
    assert doc_rows(text) != {("/a", "GET", "x.a", "meldcode/web/y.py")}


if __name__ == "__main__":
    from tests.appfactory import build_app

    built = build_app(Path(tempfile.mkdtemp()), {"PDF_WARM_UP": False})
    sys.stdout.write(table(app_rows(built)) + "\n")
