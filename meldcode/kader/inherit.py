"""Resolve ``extends:``: a sector file states only what differs from its parent.

Mappings merge key by key; any other value (text, list, number) in the child replaces the
parent's; ``null`` in the child removes the key. Each resolved key remembers the file and
line it came from, so schema and lint errors point at the file that has to change.
"""

from dataclasses import dataclass
from dataclasses import field

from meldcode.kader.errors import Issue
from meldcode.kader.errors import KaderError
from meldcode.kader.i18n import _
from meldcode.kader.model import FIELDS_NOT_INHERITED
from meldcode.kader.model import FIELDS_OWN_TO_EACH_FILE
from meldcode.kader.yamlsafe import Loaded

Origin = tuple[str, int]


@dataclass
class Merged:
    """Resolved raw data of a kader, with the origin (file, line) of every key path."""

    data: dict
    origins: dict[tuple, Origin]
    files: list[str]
    written: dict[str, set[tuple]] = field(default_factory=dict, repr=False)

    def origin(self, path: tuple) -> Origin | tuple[str, None]:
        """Return the file and line of ``path``, or of its nearest parent that has one."""
        for cut in range(len(path), -1, -1):
            found = self.origins.get(tuple(path[:cut]))
            if found:
                return found
        return (self.files[-1], None)

    def issue(self, path: tuple, message: str) -> Issue:
        """Build an Issue located at ``path``."""
        from meldcode.kader.errors import dotted

        file, line = self.origin(path)
        return Issue(file, line, dotted(path), message)


def as_merged(loaded: Loaded) -> Merged:
    """Wrap a single loaded file (no parent) as merged data."""
    origins = {path: (loaded.file, line) for path, line in loaded.lines.items()}
    origins[()] = (loaded.file, 1)
    return Merged(loaded.data, origins, [loaded.file])


def merge(parent: Merged, child: Loaded) -> Merged:
    """Lay a child file over its resolved parent."""
    missing = [key for key in FIELDS_OWN_TO_EACH_FILE if key not in child.data]
    if missing:
        raise KaderError(
            [
                Issue(
                    child.file,
                    1,
                    "",
                    _("een kader dat 'extends' gebruikt moet zelf {keys} noemen").format(
                        keys=", ".join(missing)
                    ),
                )
            ]
        )
    data = _copy(parent.data)
    # A version's end date and its old version names belong to that file alone: a sector
    # kader does not stop being valid because the parent version it was built on was later
    # replaced, nor does a new version answer to the old names of the one it builds on.
    for key in FIELDS_NOT_INHERITED:
        data.pop(key, None)
    body = {k: v for k, v in child.data.items() if k != "extends"}
    _overlay(data, body)
    origins: dict[tuple, Origin] = {}
    _trace(data, (), origins, parent.origins, child)
    origins[()] = (child.file, 1)
    return Merged(data, origins, parent.files + [child.file])


def _overlay(target: dict, source: dict) -> None:
    """Lay a child's mapping over its parent's; a null value removes the key."""
    for key, value in source.items():
        if value is None:
            target.pop(key, None)
        elif isinstance(value, dict) and isinstance(target.get(key), dict):
            _overlay(target[key], value)
        else:
            target[key] = _copy(value)


def _trace(value, path: tuple, origins: dict, inherited: dict, child: Loaded) -> None:
    """Record where every key path of the merged data came from: the child, else the parent."""
    line = child.lines.get(path)
    if line is not None:
        origins[path] = (child.file, line)
    elif path in inherited:
        origins[path] = inherited[path]
    if isinstance(value, dict):
        for key, item in value.items():
            _trace(item, path + (key,), origins, inherited, child)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _trace(item, path + (index,), origins, inherited, child)


def _copy(value):
    """Deep-copy plain dicts and lists so a parent is never changed by its child."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def defined_in(merged: Merged, path: tuple, file: str) -> bool:
    """Tell whether ``file`` itself wrote anything at or below ``path``."""
    return path in written_by(merged, file)


def written_by(merged: Merged, file: str) -> set[tuple]:
    """Return every key path (and each of its prefixes) that ``file`` wrote."""
    cache = merged.written
    if file not in cache:
        found: set[tuple] = set()
        for key, origin in merged.origins.items():
            if origin[0] == file:
                found.update(key[:cut] for cut in range(len(key) + 1))
        cache[file] = found
    return cache[file]
