"""Read a folder of kader files: each version resolved, validated and linted, all or nothing.

A folder holds one YAML file per kader version. Versions of one kader must not overlap in
time. ``extends: basis`` resolves to the basis version valid on the child's ``valid_from``.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from meldcode.kader.errors import Issue
from meldcode.kader.errors import KaderError
from meldcode.kader.i18n import _
from meldcode.kader.inherit import Merged
from meldcode.kader.inherit import as_merged
from meldcode.kader.inherit import merge
from meldcode.kader.lint import lint
from meldcode.kader.resolved import ResolvedKader
from meldcode.kader.resolved import compile_kader
from meldcode.kader.validate import to_model
from meldcode.kader.yamlsafe import Loaded
from meldcode.kader.yamlsafe import load_file


@dataclass
class _File:
    loaded: Loaded
    id: str
    version: str
    extends: str | None
    valid_from: date | None


def load_folder(folder: Path, root: Path | None = None) -> list[ResolvedKader]:
    """Resolve every kader file in ``folder``; raise one KaderError listing all problems."""
    issues: list[Issue] = []
    files: dict[tuple[str, str], _File] = {}
    paths = sorted(folder.glob("*.yaml"))
    if not paths:
        raise KaderError([Issue(str(folder), None, "", _("geen kaders (*.yaml) in deze map"))])
    for path in paths:
        shown = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
        try:
            loaded = load_file(path, shown)
        except KaderError as exc:
            issues += exc.issues
            continue
        header = _header(loaded, issues)
        if header is None:
            continue
        key = (header.id, header.version)
        if key in files:
            issues.append(
                Issue(
                    shown,
                    loaded.lines.get(("version",), 1),
                    "version",
                    _("kader '{id}' versie '{version}' staat ook in {other}").format(
                        id=header.id, version=header.version, other=files[key].loaded.file
                    ),
                )
            )
            continue
        files[key] = header
    resolved: dict[tuple[str, str], tuple[Merged, ResolvedKader | None]] = {}
    for key in files:
        _resolve(key, files, resolved, issues, ())
    _check_overlap([k for _m, k in resolved.values() if k], issues, files)
    _check_aliases([k for _m, k in resolved.values() if k], issues, files)
    if issues:
        raise KaderError(issues)
    return [k for _m, k in resolved.values() if k]


def _header(loaded: Loaded, issues: list) -> _File | None:
    """Read the header of a kader file (id, version, extends, dates), or record why not."""
    data = loaded.data
    if not isinstance(data, dict):
        issues.append(
            Issue(loaded.file, 1, "", _("het bestand moet een mapping (sleutel: waarde) zijn"))
        )
        return None
    missing = [k for k in ("id", "version") if not isinstance(data.get(k), str)]
    if missing:
        issues.append(
            Issue(
                loaded.file,
                loaded.lines.get((missing[0],), 1),
                missing[0],
                _("verplichte sleutel '{key}' ontbreekt of is geen tekst").format(key=missing[0]),
            )
        )
        return None
    try:
        start = date.fromisoformat(str(data.get("valid_from")))
    except ValueError:
        start = None
    extends = data.get("extends")
    return _File(
        loaded, data["id"], data["version"], extends if isinstance(extends, str) else None, start
    )


def _resolve(key, files, resolved, issues, trail) -> Merged | None:
    """Resolve one kader file with its ancestors, detecting cycles in extends."""
    f = files[key]
    if key in trail:
        issues.append(Issue(f.loaded.file, 1, "extends", _("kringloop in 'extends'")))
        return None
    if key in resolved:
        return resolved[key][0]
    resolved[key] = (None, None)  # until resolved: a failure is reported once
    if f.extends is None:
        merged = as_merged(f.loaded)
        parent_label = None
    else:
        parent_key = _parent_key(f, files)
        if parent_key is None:
            issues.append(
                Issue(
                    f.loaded.file,
                    f.loaded.lines.get(("extends",)),
                    "extends",
                    _(
                        "kader '{parent}' (geldig op {day}) om op voort te bouwen is niet gevonden"
                    ).format(parent=f.extends, day=f.valid_from),
                )
            )
            return None
        parent = _resolve(parent_key, files, resolved, issues, trail + (key,))
        if parent is None:
            return None
        try:
            merged = merge(parent, f.loaded)
        except KaderError as exc:
            issues += exc.issues
            return None
        parent_label = f"{parent_key[0]} {parent_key[1]}"
    kader = None
    try:
        model = to_model(merged)
        problems = lint(model, merged)
        if problems:
            issues += problems
        else:
            kader = compile_kader(model, tuple(merged.files), parent_label, merged.data)
    except KaderError as exc:
        issues += exc.issues
    resolved[key] = (merged, kader)
    return merged


def _parent_key(child: _File, files: dict) -> tuple[str, str] | None:
    """Return the parent version a child extends: the one valid when the child starts.

    A new version of a kader may extend an earlier version of the same kader (never
    itself). A kader that starts before its parent's first version builds on that first
    version: the KNMG afwegingskader (2 July 2018) predates the national model's date of
    force (1 January 2019) but shares its vocabulary.
    """
    candidates = [
        f
        for (kid, version), f in files.items()
        if kid == child.extends and f.valid_from and (kid, version) != (child.id, child.version)
    ]
    if not candidates:
        return None
    dated = [f for f in candidates if child.valid_from is None or f.valid_from <= child.valid_from]
    if dated:
        best = max(dated, key=lambda f: f.valid_from)
    elif child.extends != child.id:
        best = min(candidates, key=lambda f: f.valid_from)
    else:
        return None  # a version cannot build on a later version of itself
    return (best.id, best.version)


def _check_overlap(kaders: list[ResolvedKader], issues: list, files: dict) -> None:
    """Report versions of one kader whose validity periods overlap."""
    by_id: dict[str, list[ResolvedKader]] = {}
    for k in kaders:
        by_id.setdefault(k.id, []).append(k)
    for versions in by_id.values():
        versions.sort(key=lambda k: k.model.valid_from)
        for older, newer in zip(versions, versions[1:], strict=False):
            until = older.model.valid_until
            if until is None or until > newer.model.valid_from:
                issues.append(
                    Issue(
                        newer.files[-1],
                        files[(newer.id, newer.version)].loaded.lines.get(("valid_from",)),
                        "valid_from",
                        _(
                            "versie {new} begint op {start}, maar versie {old} loopt dan nog; geef "
                            "versie {old} een valid_until"
                        ).format(
                            new=newer.version, start=newer.model.valid_from, old=older.version
                        ),
                    )
                )


def _check_aliases(kaders: list[ResolvedKader], issues: list, files: dict) -> None:
    """Report a former version name that is also the name of another version of the kader."""
    names: dict[tuple[str, str], str] = {(k.id, k.version): k.version for k in kaders}
    for k in kaders:
        for alias in k.model.version_aliases:
            other = names.get((k.id, alias))
            if other is not None:
                issues.append(
                    Issue(
                        k.files[-1],
                        files[(k.id, k.version)].loaded.lines.get(("version_aliases",)),
                        "version_aliases",
                        _("'{alias}' is al een versie van kader '{id}'").format(
                            alias=alias, id=k.id
                        ),
                    )
                )
            names[(k.id, alias)] = k.version
