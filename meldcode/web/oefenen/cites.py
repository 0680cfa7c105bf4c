"""A model answer's citations (``norm:disclosure``) in words, linking to the kader browser."""

from dataclasses import dataclass

from flask import url_for

from meldcode.kader import ResolvedKader
from meldcode.kader.i18n import _
from meldcode.kader.words import Words
from meldcode.training.cites import resolve_cite

# Citation kind -> the prefix of its anchor on the kader page (templates/kaders/_rules.html).
ANCHORS = {
    "actie": "actie",
    "uitkomst": "uitkomst",
    "norm": "norm",
    "bijzonder": "bijzonder",
    "route": "route",
    "check": "check",
    "bron": "bron",
    "stap": "stap",
    "gesprek": "gesprek",
    "informeren": "informeren",
}


@dataclass(frozen=True)
class CiteView:
    """A citation as a reader sees it: its name and where in the kader it is."""

    label: str
    url: str


class Cites:
    """Turn citations of one kader into names and links, in the page language."""

    def __init__(self, kader: ResolvedKader, words: Words):
        """Remember the kader and its words."""
        self.kader = kader
        self.words = words

    def __call__(self, cite: str) -> CiteView:
        """Return a citation's name and link; an unknown one as it was written."""
        kind, _sep, ref = cite.partition(":")
        item = resolve_cite(self.kader, cite)
        base = url_for("kaders.version", kader_id=self.kader.id, versie=self.kader.version)
        if item is None:
            return CiteView(cite, base)
        return CiteView(self._label(kind, ref, item), base + self._anchor(kind, ref))

    def _label(self, kind: str, ref: str, item) -> str:
        """Return the name of what a citation points at."""
        words = self.words
        if kind == "vraag":
            return words.question(ref)
        if kind == "regel":
            question, _dot, answer = ref.partition(".")
            return f"{words.question(question)} – {words.answer(question, answer)}"
        if kind == "stap":
            return _("Stap %(number)s: %(title)s", number=item.number, title=words.t(item.title))
        if kind == "kader":
            return words.t(self.kader.model.title)
        title = getattr(item, "title", None) or getattr(item, "label", None)
        if isinstance(title, str):
            return title
        return words.t(title) if title is not None else ref

    def _anchor(self, kind: str, ref: str) -> str:
        """Return the anchor of a citation on the kader page, or nothing."""
        if kind == "vraag":
            return "#" + self.words.anchor(ref)
        if kind == "regel":
            return "#" + self.words.anchor(ref.partition(".")[0])
        if kind == "plicht":
            step, _dot, duty = ref.partition(".")
            return f"#stap-{step}-{duty}"
        if kind in ANCHORS:
            return f"#{ANCHORS[kind]}-{ref}"
        return ""
