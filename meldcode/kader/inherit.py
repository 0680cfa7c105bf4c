"""Resolve ``extends:``: a sector file states only what differs from its parent.

Mappings merge key by key; any other value (text, list, number) in the child replaces the
parent's; ``null`` in the child removes the key. Each resolved key remembers the file and
line it came from, so schema and lint errors point at the file that has to change.
"""

from dataclasses import dataclass

from meldcode.kader.errors import Issue
from meldcode.kader.errors import KaderError
from meldcode.kader.i18n import _
from meldcode.kader.model import FIELDS_OWN_TO_EACH_FILE
from meldcode.kader.yamlsafe import Loaded

Origin = tuple[str, int]


@dataclass
class Merged:
    """Resolved raw data of a kader, with the origin (file, line) of every key path."""

    data: dict
    origins: dict[tuple, Origin]
    files: list[str]

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
    origins = dict(parent.origins)
    origins[()] = (child.file, 1)
    # A version's end date belongs to that file alone: a sector kader does not stop being
    # valid because the parent version it was built on was later replaced.
    data.pop("valid_until", None)
    _drop(origins, ("valid_until",))
    body = {k: v for k, v in child.data.items() if k != "extends"}
    _overlay(data, body, (), origins, child)
    return Merged(data, origins, parent.files + [child.file])


def _overlay(target: dict, source: dict, path: tuple, origins: dict, child: Loaded) -> None:
    for key, value in source.items():
        here = path + (key,)
        if value is None:
            target.pop(key, None)
            _drop(origins, here)
        elif isinstance(value, dict) and isinstance(target.get(key), dict):
            origins[here] = (child.file, child.lines.get(here, 0))
            _overlay(target[key], value, here, origins, child)
        else:
            target[key] = _copy(value)
            _drop(origins, here)
            for sub, line in child.lines.items():
                if sub[: len(here)] == here:
                    origins[sub] = (child.file, line)


def _drop(origins: dict, path: tuple) -> None:
    for key in [k for k in origins if k[: len(path)] == path]:
        del origins[key]


def _copy(value):
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def defined_in(merged: Merged, path: tuple, file: str) -> bool:
    """Tell whether ``file`` itself wrote anything at or below ``path``."""
    return any(
        origin[0] == file and key[: len(path)] == path for key, origin in merged.origins.items()
    )
