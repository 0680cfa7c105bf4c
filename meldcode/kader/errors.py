"""Errors of the rules core, written for the person who has to fix the file.

A message quotes what the file says only when it looks like the vocabulary of a kader, a
case or an answers file (a question id, a value such as ``ja``, a date, a version). Anything
else is described, not shown: an error must never print a file's content, whatever file
someone passes (``meldcode decide --kader basis /etc/shadow``).
"""

import re
from dataclasses import dataclass

from meldcode.kader.i18n import _


@dataclass(frozen=True)
class Issue:
    """One problem in a kader or answers file: where it is and what to do about it."""

    file: str | None
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        """Render as ``file:line: key.path: message``, leaving out what is unknown."""
        where = ""
        if self.file:
            where = self.file + (f":{self.line}" if self.line else "") + ": "
        elif self.line:
            where = _("regel {line}").format(line=self.line) + ": "
        key = f"{self.path}: " if self.path else ""
        return f"{where}{key}{self.message}"


class KaderError(Exception):
    """A kader (or a scenario file) could not be loaded, resolved or linted."""

    def __init__(self, issues: list[Issue]):
        """Keep every issue, so a trainer can fix them all in one go."""
        self.issues = list(issues)
        super().__init__("\n".join(str(issue) for issue in self.issues))


class AnswerError(ValueError):
    """Answers given to the engine use an unknown question or a value that is not allowed."""

    def __init__(self, message: str, question: str | None = None):
        """Store the message and the question it is about."""
        self.question = question
        super().__init__(message)


# Vocabulary: lower-case ids and values (``vermoeden``, ``ja``, ``stap_1``), or one word with
# a capital (``Ja``, ``True``). Mixed case with digits is what keys and hashes look like.
_WORD = re.compile(r"[a-z0-9][a-z0-9_.\-]{0,31}|[A-Z]?[a-z]{1,31}")
_DATE_OR_VERSION = re.compile(r"\d{4}-\d{2}-\d{2}|\d{4}(\.\d+)*")
_MOST_DIGITS = 4  # more digits in a word: it may be a hash, a key or a number from elsewhere


def shown(value) -> str:
    """Return a value from a file as it may appear in a message: itself, or a description."""
    if value is None or isinstance(value, bool | int | float):
        return str(value)
    if isinstance(value, list | tuple | dict):
        items = list(value.items()) if isinstance(value, dict) else list(value)
        flat = [x for item in items for x in (item if isinstance(value, dict) else (item,))]
        if len(repr(value)) <= 40 and all(shown(x) == str(x) for x in flat):
            return repr(value)
        return _("[een lijst of mapping, niet getoond]")
    text = str(value)
    if _DATE_OR_VERSION.fullmatch(text):
        return text
    if _WORD.fullmatch(text) and sum(c.isdigit() for c in text) <= _MOST_DIGITS:
        return text
    return _("[{count} tekens, niet getoond]").format(count=len(text))


def dotted(path: tuple) -> str:
    """Turn a key path such as ``("questions", "vermoeden", 0)`` into ``questions.vermoeden[0]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + shown(part)
    return out
