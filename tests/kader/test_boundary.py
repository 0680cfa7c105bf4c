"""The rules core stays pure: no web, form, translation-framework or PDF imports."""

import ast

from meldcode import paths

FORBIDDEN = {
    "flask",
    "flask_wtf",
    "wtforms",
    "flask_babel",
    "weasyprint",
    "sqlalchemy",
    "werkzeug",
    "jinja2",
}
CORE = paths.PACKAGE_DIR / "kader"


def imported_modules(source: str) -> set[str]:
    tree = ast.parse(source)
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_core_imports_no_framework():
    offenders = {}
    for module in sorted(CORE.rglob("*.py")):
        bad = imported_modules(module.read_text()) & FORBIDDEN
        if bad:
            offenders[module.name] = sorted(bad)
    assert offenders == {}


def test_core_only_imports_the_core_of_this_package():
    """Inside meldcode, the core may use only itself and the paths module."""
    for module in sorted(CORE.rglob("*.py")):
        tree = ast.parse(module.read_text())
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("meldcode")
            ):
                assert node.module.startswith("meldcode.kader") or node.module == "meldcode", (
                    module.name,
                    node.module,
                )


def test_the_check_would_catch_a_forbidden_import():
    assert imported_modules("from flask import Flask\nimport weasyprint") & FORBIDDEN == {
        "flask",
        "weasyprint",
    }
    assert imported_modules("from flask_babel import gettext") & FORBIDDEN == {"flask_babel"}
