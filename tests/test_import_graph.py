"""The import graph of meldcode: no circles, no import for its side effects, areas kept apart.

The graph is built from the source with :mod:`ast`, module-level and function-level imports
alike (an import inside a function closes a circle just as well, only later). A circle
works only by the order in which modules happen to load; an import whose name is never used
is there for what importing does (registering routes, say), which nobody can see.
"""

import ast
from pathlib import Path

from meldcode import paths

ROOT = paths.PACKAGE_DIR
WEB_AREAS = ("account", "beheer", "casussen", "eigen_meldcode", "kaders", "oefenen", "ops", "sso")


def module_name(path: Path, root: Path = ROOT) -> str:
    """Return the dotted name of a source file below the package folder."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_sources(root: Path = ROOT) -> dict[str, str]:
    """Return the source of every module of the package, by dotted name."""
    return {
        module_name(path, root): path.read_text()
        for path in sorted(root.rglob("*.py"))
        if "_data" not in path.parts
    }


def _resolve(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    """Return the absolute module a ``from`` import names (relative ones resolved)."""
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(module: str, source: str, known: set[str], packages: set[str]) -> list[tuple]:
    """Return (imported module, bound name, line) for every import, at any depth."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                found.append((alias.name, bound, node.lineno))
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, node, module in packages)
            for alias in node.names:
                target = f"{base}.{alias.name}"
                found.append(
                    (target if target in known else base, alias.asname or alias.name, node.lineno)
                )
    return found


def used_names(source: str) -> set[str]:
    """Return every name the module reads, in code, string annotations and ``__all__``."""
    tree = ast.parse(source)
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:  # a quoted annotation such as "Renderer | None"
                names |= {
                    n.id
                    for n in ast.walk(ast.parse(node.value, mode="eval"))
                    if isinstance(n, ast.Name)
                }
            except SyntaxError:
                pass
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            names |= {e.value for e in node.value.elts if isinstance(e, ast.Constant)}
    return names


def graph(sources: dict[str, str]) -> dict[str, set[str]]:
    """Return the imports between the package's own modules: module -> modules it imports."""
    known = set(sources)
    packages = {m for m in sources if any(k.startswith(m + ".") for k in known)}
    edges = {}
    for module, source in sources.items():
        targets = {t for t, _bound, _line in imports_of(module, source, known, packages)}
        edges[module] = {t for t in targets if t in known and t != module}
    return edges


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Return every group of modules that import each other in a loop (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        """Number a module, then its imports; close a group where the numbering loops back."""
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def side_effect_imports(sources: dict[str, str]) -> list[str]:
    """Return every import whose name the module never uses, and every F401 waiver."""
    known = set(sources)
    packages = {m for m in sources if any(k.startswith(m + ".") for k in known)}
    problems = []
    for module, source in sources.items():
        used = used_names(source)
        for _target, bound, line in imports_of(module, source, known, packages):
            if bound not in used:
                problems.append(f"{module}:{line} imports {bound} without using it")
        for number, text in enumerate(source.splitlines(), 1):
            if "noqa" in text and "F401" in text:
                problems.append(f"{module}:{number} waives the unused-import check")
    return problems


def test_the_package_has_no_import_circles():
    edges = graph(package_sources())
    assert len(edges) > 100  # the whole package was read
    assert circles(edges) == []


def test_nothing_is_imported_for_its_side_effects():
    assert side_effect_imports(package_sources()) == []


def test_training_never_imports_a_case_page_and_areas_keep_apart():
    edges = graph(package_sources())
    wrong = []
    for module, targets in edges.items():
        area = module.split(".")[2] if module.startswith("meldcode.web.") else None
        for target in targets:
            other = target.split(".")[2] if target.startswith("meldcode.web.") else None
            if module.startswith("meldcode.training") and target.startswith("meldcode.web"):
                wrong.append((module, target))
            if other in WEB_AREAS and area != other and module != "meldcode.web":
                wrong.append((module, target))  # an area, or plumbing, reaching into an area
    assert wrong == []


# --- The checks can fail ---------------------------------------------------------------------


def test_a_circle_through_a_function_level_import_is_found():
    sources = {
        "pkg": "",
        "pkg.a": "from pkg import b\n\ndef f():\n    return b.g()\n",
        "pkg.b": "def g():\n    from pkg.a import f\n    return f\n",
        "pkg.c": "import pkg.a\n\npkg.a.f()\n",
    }
    assert circles(graph(sources)) == [["pkg.a", "pkg.b"]]


def test_an_import_for_side_effects_is_found():
    sources = {
        "pkg": "",
        "pkg.views": "ROUTES = []\n",
        "pkg.app": (
            "from pkg import views  # noqa: F401 - adds the routes\n"
            "def make():\n    from pkg import views as v\n    return 1\n"
        ),
        "pkg.face": "from pkg.views import ROUTES\n\n__all__ = ['ROUTES']\n",
    }
    problems = side_effect_imports(sources)
    assert problems == [
        "pkg.app:1 imports views without using it",
        "pkg.app:3 imports v without using it",
        "pkg.app:1 waives the unused-import check",
    ]
