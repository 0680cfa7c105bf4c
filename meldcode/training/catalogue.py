"""The training cases a trainer may start a session with: the shipped ones and their own.

Cases are loaded and checked exactly as ``meldcode kaders check`` does; a case with a
problem is left out (and counted), so a typo in a trainer's own file never breaks the app.
The trainers' folder is the setting ``OEFENCASUSSEN_DIR`` (``MELDCODE_OEFENCASUSSEN_DIR``).
"""

import os
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from meldcode import paths
from meldcode import settings
from meldcode.kader import Registry
from meldcode.training.check import check_folders
from meldcode.training.library import TrainingCase


@dataclass
class Catalogue:
    """The usable cases by id, and how many files were left out because of problems."""

    cases: dict[str, TrainingCase] = field(default_factory=dict)
    left_out: int = 0

    def ordered(self) -> list[TrainingCase]:
        """Return the cases by sector, then title (Dutch), as a trainer looks for them."""
        return sorted(self.cases.values(), key=lambda c: (c.sector.nl, c.title.nl))


def load(registry: Registry, own_folder: str | os.PathLike | None) -> Catalogue:
    """Load the shipped cases and those in ``own_folder`` (if set), keeping the sound ones."""
    folders = [(paths.OEFENCASUSSEN_DIR, False)]
    if own_folder:
        folders.append((Path(own_folder), False))
    result = check_folders(registry, folders)
    files_with_problems = {issue.file for issue in result.issues}
    return Catalogue({c.case.id: c.case for c in result.cases}, len(files_with_problems))


def own_folder(environ=None) -> str | None:
    """Return the trainers' folder: the environment variable, else the instance's config.py.

    Read without creating the instance folder or its secrets, so ``meldcode kaders check``
    stays a pure check.
    """
    environ = os.environ if environ is None else environ
    if environ.get("MELDCODE_OEFENCASUSSEN_DIR"):
        return environ["MELDCODE_OEFENCASUSSEN_DIR"]
    return settings.config_file(settings.instance_dir()).get("OEFENCASUSSEN_DIR") or None
