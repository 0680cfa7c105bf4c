"""Which framework each profession uses: the list a user picks from when starting a case.

Kept as data (``afwegingskaders/beroepen/beroepen.yaml``), never in Python: a profession's
label in Dutch and English, its group, and the kader (afwegingskader) it works with. A
*setting* (GGZ, JGZ) is not a framework: it names the frameworks its professions follow,
so stored cases and the command line that name it keep working.
"""

from pathlib import Path
from typing import Annotated
from typing import Literal

from pydantic import Field
from pydantic import StringConstraints

from meldcode.kader.errors import Issue
from meldcode.kader.errors import KaderError
from meldcode.kader.i18n import _
from meldcode.kader.inherit import as_merged
from meldcode.kader.model_parts import Id
from meldcode.kader.model_parts import Strict
from meldcode.kader.model_parts import Text
from meldcode.kader.validate import to_model
from meldcode.kader.yamlsafe import load_file

PROFESSIONS_FILE = Path("beroepen") / "beroepen.yaml"
KaderId = Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z][a-z0-9-]*$")]


class Group(Strict):
    """A group of professions, as a picker shows it (zorg, onderwijs …)."""

    label: Text


class Profession(Strict):
    """One profession and the framework it uses."""

    label: Text
    group: Id
    kader: KaderId
    note: Text | None = None


class Setting(Strict):
    """A setting such as the GGZ: a kader id kept for stored cases, and whom it serves."""

    label: Text
    kader: KaderId
    follows: list[KaderId] = Field(min_length=1)
    text: Text


class Professions(Strict):
    """The whole list."""

    format: Literal["meldcode-beroepen/1"]
    groups: dict[Id, Group]
    professions: dict[Id, Profession]
    settings: dict[Id, Setting] = Field(default_factory=dict)

    def in_group(self, group: str) -> list[tuple[str, Profession]]:
        """Return the professions of one group, in file order."""
        return [(pid, p) for pid, p in self.professions.items() if p.group == group]


def load_professions(path: Path, kader_ids: set[str], root: Path | None = None) -> Professions:
    """Read the professions list; every group and kader it names must exist."""
    shown = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
    loaded = load_file(path, shown)
    merged = as_merged(loaded)
    found = to_model(merged, Professions)
    issues: list[Issue] = []

    def refer(where: tuple, value: str, known, what: str) -> None:
        """Record a reference to a group or kader that does not exist."""
        if value not in known:
            issues.append(
                merged.issue(
                    where,
                    _("{what} '{value}' bestaat niet. Bekend: {known}").format(
                        what=what, value=value, known=", ".join(sorted(known))
                    ),
                )
            )

    for pid, p in found.professions.items():
        refer(("professions", pid, "group"), p.group, found.groups, _("groep"))
        refer(("professions", pid, "kader"), p.kader, kader_ids, _("kader"))
    for sid, s in found.settings.items():
        refer(("settings", sid, "kader"), s.kader, kader_ids, _("kader"))
        for i, kid in enumerate(s.follows):
            refer(("settings", sid, "follows", i), kid, kader_ids, _("kader"))
    if issues:
        raise KaderError(issues)
    return found
