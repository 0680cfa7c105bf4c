"""The rules core: afwegingskaders as validated data, and a pure decision engine.

Public API: :class:`Registry` (load a folder of kaders, pick a version by date),
:func:`evaluate` (answers → :class:`Decision` with its trace), :class:`KaderError` and
:class:`AnswerError`. See README.md in this folder for the boundary.
"""

from meldcode.kader.decision import Decision
from meldcode.kader.engine import evaluate
from meldcode.kader.errors import AnswerError
from meldcode.kader.errors import Issue
from meldcode.kader.errors import KaderError
from meldcode.kader.registry import Registry
from meldcode.kader.registry import UnknownKader
from meldcode.kader.resolved import ResolvedKader

__all__ = [
    "AnswerError",
    "Decision",
    "Issue",
    "KaderError",
    "Registry",
    "ResolvedKader",
    "UnknownKader",
    "evaluate",
]
