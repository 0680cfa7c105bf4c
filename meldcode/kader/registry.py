"""Every kader in a folder, by id and version, and the version valid on a given date.

A folder holds one YAML file per kader version. Versions of one kader must not overlap in
time. ``extends: basis`` resolves to the basis version valid on the child's ``valid_from``.
"""

from datetime import date
from pathlib import Path

from meldcode.kader.folder import load_folder
from meldcode.kader.i18n import _
from meldcode.kader.professions import PROFESSIONS_FILE
from meldcode.kader.professions import Professions
from meldcode.kader.professions import load_professions
from meldcode.kader.resolved import ResolvedKader


class UnknownKader(LookupError):
    """No kader (or no version of it) matches what was asked."""


class Registry:
    """Resolved kaders by id, each with its versions in date order."""

    def __init__(self, kaders: list[ResolvedKader], professions: Professions | None = None):
        """Index resolved kaders by id; versions sorted by ``valid_from``."""
        self._by_id: dict[str, list[ResolvedKader]] = {}
        for kader in sorted(kaders, key=lambda k: (k.id, k.model.valid_from)):
            self._by_id.setdefault(kader.id, []).append(kader)
        self.professions = professions

    @classmethod
    def load(cls, folder: Path, root: Path | None = None) -> "Registry":
        """Load, resolve, validate and lint every ``*.yaml`` in ``folder``.

        The professions list (``beroepen/beroepen.yaml``), when the folder has one, is read
        too, and every kader it names must exist.
        """
        kaders = load_folder(folder, root)
        professions = None
        if (folder / PROFESSIONS_FILE).is_file():
            ids = {k.id for k in kaders}
            professions = load_professions(folder / PROFESSIONS_FILE, ids, root)
        return cls(kaders, professions)

    def ids(self) -> list[str]:
        """Return the kader ids, basis first."""
        return sorted(self._by_id, key=lambda i: (i != "basis", i))

    def versions(self, kader_id: str) -> list[ResolvedKader]:
        """Return every version of a kader, oldest first."""
        if kader_id not in self._by_id:
            raise UnknownKader(
                _("onbekend kader '{id}'. Bekend: {known}").format(
                    id=kader_id, known=", ".join(self.ids())
                )
            )
        return list(self._by_id[kader_id])

    def get(self, kader_id: str, version: str | None = None) -> ResolvedKader:
        """Return a kader by version (or a former name of it), or its newest version."""
        versions = self.versions(kader_id)
        if version is None:
            return versions[-1]
        for kader in versions:
            if kader.version == version or version in kader.model.version_aliases:
                return kader
        raise UnknownKader(
            _("kader '{id}' heeft geen versie '{version}'. Versies: {known}").format(
                id=kader_id, version=version, known=", ".join(k.version for k in versions)
            )
        )

    def valid_on(self, kader_id: str, day: date) -> ResolvedKader:
        """Return the version of a kader that was valid on ``day``."""
        versions = self.versions(kader_id)
        for kader in reversed(versions):
            until = kader.model.valid_until
            if kader.model.valid_from <= day and (until is None or day < until):
                return kader
        spans = ", ".join(
            f"{k.version}: {k.model.valid_from}–{k.model.valid_until or ''}" for k in versions
        )
        raise UnknownKader(
            _("kader '{id}' had op {day} geen geldige versie ({spans})").format(
                id=kader_id, day=day.isoformat(), spans=spans
            )
        )

    def all(self) -> list[ResolvedKader]:
        """Return every version of every kader."""
        return [k for kid in self.ids() for k in self._by_id[kid]]

    def professions_for(self, kader_id: str) -> list[str]:
        """Return the ids of the professions whose framework is ``kader_id``."""
        if self.professions is None:
            return []
        return [p for p, found in self.professions.professions.items() if found.kader == kader_id]
