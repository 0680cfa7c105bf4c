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


ALLOWED_FROM_PACKAGE = {"paths"}  # ``from meldcode import paths``: where the data folders are


def package_imports(source: str) -> list[str]:
    """Return every meldcode module a source imports, in any spelling, as dotted names.

    ``from meldcode import settings`` counts as ``meldcode.settings``; relative imports are
    resolved against the core package.
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "meldcode"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from . import x, from .. import y
                base = ["meldcode", "kader"][: max(0, 3 - node.level)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.split(".")[0] != "meldcode":
                continue
            found += [f"{module}.{a.name}" if module == "meldcode" else module for a in node.names]
    return found


def allowed(module: str) -> bool:
    """Tell whether the core may import this meldcode module."""
    return module.startswith("meldcode.kader") or module in {
        f"meldcode.{name}" for name in ALLOWED_FROM_PACKAGE
    }


def test_core_only_imports_the_core_of_this_package():
    """Inside meldcode, the core may use only itself and the paths module."""
    offenders = {
        str(module.relative_to(CORE)): bad
        for module in sorted(CORE.rglob("*.py"))
        if (bad := [m for m in package_imports(module.read_text()) if not allowed(m)])
    }
    assert offenders == {}


def test_the_package_check_catches_every_spelling_of_a_forbidden_import():
    for source in (
        "from meldcode import settings",
        "from meldcode import paths, settings",
        "import meldcode.settings",
        "import meldcode.web as web",
        "from meldcode.storage import db",
        "from .. import settings",
        "from ..web import auth",
    ):
        assert not all(allowed(m) for m in package_imports(source)), source
    for source in (
        "from meldcode import paths",
        "from meldcode.kader.i18n import _",
        "from . import yamlsafe",
    ):
        assert all(allowed(m) for m in package_imports(source)), source


def test_the_check_would_catch_a_forbidden_import():
    assert imported_modules("from flask import Flask\nimport weasyprint") & FORBIDDEN == {
        "flask",
        "weasyprint",
    }
    assert imported_modules("from flask_babel import gettext") & FORBIDDEN == {"flask_babel"}
