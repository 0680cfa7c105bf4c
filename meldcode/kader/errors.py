"""Errors of the rules core, written for the person who has to fix the file."""

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


def dotted(path: tuple) -> str:
    """Turn a key path such as ``("questions", "vermoeden", 0)`` into ``questions.vermoeden[0]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
