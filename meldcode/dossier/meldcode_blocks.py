"""The pieces of the meldcode document: blocks of text, parts of one origin, chapters.

Every part says where its text comes from: the organisation's own text (``eigen``), the
adopted kader's (``kader``) or the law (``wet``). Shared by the view model
(:mod:`meldcode_doc`), the chapters that fill it (:mod:`meldcode_parts`,
:mod:`meldcode_tables`) and the Word document (:mod:`meldcode_docx`).
"""

from dataclasses import dataclass
from dataclasses import field
from typing import Literal

Herkomst = Literal["eigen", "kader", "wet"]


@dataclass
class Block:
    """A paragraph, a small heading, a list or a table."""

    kind: Literal["p", "h", "list", "table"]
    text: str = ""
    items: list[str] = field(default_factory=list)
    head: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Part:
    """Consecutive blocks from one origin, with a label that names it."""

    herkomst: Herkomst
    label: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Section:
    """A chapter of the document."""

    anchor: str
    title: str
    parts: list[Part] = field(default_factory=list)
