"""The dossier's front matter: the decision in one sentence, contents, sources, page words.

Pure: no Flask, no WeasyPrint. Called by :mod:`meldcode.dossier.build` once the rest of the
view is built, because the sentence and the numbered sources read from it.
"""

import dataclasses

from meldcode.kader import Decision
from meldcode.kader import words
from meldcode.kader.i18n import _

LONG_CHARACTERS = 4000  # above this (see size) a dossier runs past ~8 pages: add contents


def summary(view, decision: Decision) -> str:
    """Return the decision in one sentence: the professional's, else the kader's so far."""
    kader = decision.kader.model
    route = kader.routes.get(decision.route)
    if route is not None:
        first = view.engine.actions[0].title if view.engine.actions else ""
        return _("Route %(route)s: %(action)s.") % {
            "route": route.title.get(view.language),
            "action": first,
        }
    b = view.choice
    if b.recorded:
        how = (
            _("volgens de uitkomst van het afwegingskader")
            if b.follows
            else _("afwijkend van de uitkomst van het afwegingskader")
        )
        sentence = _(
            "Op %(day)s besloten, %(how)s: melden bij Veilig Thuis: %(melden)s; "
            "hulp bieden of organiseren: %(hulp)s."
        )
        return sentence % {"day": b.date, "how": how, "melden": b.melden, "hulp": b.hulp}
    if decision.nog_nodig:
        return _("Nog geen beslissing; het afwegingskader wacht op: %(questions)s.") % {
            "questions": ", ".join(view.engine.waiting)
        }
    sentence = _(
        "Uitkomst van het afwegingskader, nog niet bevestigd door de professional: melden bij "
        "Veilig Thuis: %(melden)s; hulp bieden of organiseren: %(hulp)s."
    )
    return sentence % {"melden": view.engine.melden, "hulp": view.engine.hulp}


def contents(view) -> list[tuple[str, str]]:
    """Return the table of contents: (anchor, title) of every chapter."""
    steps = [(s.anchor, f"{_('Stap')} {s.number}. {s.title}") for s in view.steps]
    return steps + [
        ("beslissing", _("Beslissing")),
        ("na-de-beslissing", _("Na de beslissing")),
        ("tijdlijn", _("Tijdlijn")),
        ("herkomst", _("Herkomst en ondertekening")),
    ]


def page_words() -> tuple[str, str, str]:
    """Split ``pagina {page} van {pages}`` into the words before, between and after.

    The page footer is CSS (``counter(page)``); these words reach it as data attributes,
    so the template needs no ``<style>``. A translation keeps ``{page}`` before ``{pages}``.
    """
    text = _("pagina {page} van {pages}")
    before, found, rest = text.partition("{page}")
    between, found_all, after = rest.partition("{pages}")
    if not found or not found_all:  # a broken translation: fall back to the Dutch words
        return ("pagina ", " van ", "")
    return (before, between, after)


def _cites(value):
    """Yield every citation in the view, in the order the template prints them."""
    if isinstance(value, words.Cite):
        yield value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _cites(getattr(value, f.name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _cites(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _cites(item)


def number_sources(view) -> list[words.Cite]:
    """Give each cited document a number, in order of first mention; return one of each."""
    first: dict[tuple, words.Cite] = {}
    for cite in _cites([view.steps, view.engine, view.route, view.after]):
        key = (cite.title, cite.publisher, cite.url)
        if key not in first:
            first[key] = cite
            cite.number = len(first)
        cite.number = first[key].number
    return list(first.values())


def size(case) -> int:
    """Return roughly how much text the case holds, to judge whether contents help."""
    return len(case.model_dump_json()) + 400 * len(case.tijdlijn)
