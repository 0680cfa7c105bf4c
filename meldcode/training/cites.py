"""What a training case's citations point at in a kader, and the check that each one exists.

A citation is ``soort:id``: ``vraag``, ``uitkomst``, ``norm``, ``bijzonder``, ``route``,
``actie``, ``check``, ``bron`` and ``stap`` name an item of that table of the kader;
``regel:vraag.antwoord`` an answer of an afweging, ``plicht:stap.plicht`` a duty of a step,
``gesprek:reden`` and ``informeren:uitzondering`` a coded reason, and ``kader:veld`` one of
the kader's own texts (such as ``voluntary_use``).
"""

import re
from typing import Annotated

from pydantic import BeforeValidator

from meldcode.kader.errors import Issue
from meldcode.kader.i18n import _
from meldcode.kader.resolved import ResolvedKader

TABLES = {  # citation kind -> the kader's table it points into
    "vraag": "questions",
    "uitkomst": "outcomes",
    "norm": "norms",
    "bijzonder": "special_cases",
    "route": "routes",
    "actie": "actions",
    "check": "checks",
    "bron": "sources",
    "stap": "steps",
}
CITE_KINDS = (*TABLES, "regel", "plicht", "gesprek", "informeren", "kader")
KADER_TEXTS = ("summary", "scope", "status_note", "voluntary_use")
_CITE = re.compile(r"^([a-z]+):([a-z][a-z0-9_]*)(?:\.([a-z][a-z0-9_]*))?$")


def _cite(value):
    """Accept ``soort:id`` (or ``soort:id.deel``) with a known kind of citation."""
    match = _CITE.match(value) if isinstance(value, str) else None
    if match is None or match.group(1) not in CITE_KINDS:
        raise ValueError(
            _("verwijzing '{value}' heeft niet de vorm soort:id. Soorten: {kinds}").format(
                value=value, kinds=", ".join(CITE_KINDS)
            )
        )
    return value


Cite = Annotated[str, BeforeValidator(_cite)]


def resolve_cite(kader: ResolvedKader, cite: str):
    """Return what a citation points at in the kader, or None when it points nowhere."""
    kind, _sep, ref = cite.partition(":")
    return cite_choices(kader, kind).get(ref)


def cite_choices(kader: ResolvedKader, kind: str) -> dict:
    """Return the ids a citation of ``kind`` may name, each with the item it points at."""
    model = kader.model
    if kind in TABLES:
        return dict(getattr(model, TABLES[kind]))
    if kind == "gesprek":
        return dict(model.gesprek.skip_reasons)
    if kind == "informeren":
        return dict(model.informeren.exceptions)
    if kind == "kader":
        return {k: getattr(model, k) for k in KADER_TEXTS if getattr(model, k) is not None}
    if kind == "regel":
        return {
            f"{q}.{a}": branch
            for q, item in model.questions.items()
            for a, branch in (item.answers or {}).items()
        }
    if kind == "plicht":
        return {
            f"{s}.{d}": duty for s, step in model.steps.items() for d, duty in step.duties.items()
        }
    return {}


def check_cites(kader: ResolvedKader, loaded) -> list[Issue]:
    """Check that every citation and every question a note is about exists in the kader.

    ``loaded`` is a case as meldcode.training.library loads it (that module imports this
    one for the ``Cite`` type, so it is not imported back).
    """
    case = loaded.case
    places: list[tuple[tuple, list[str], list[str]]] = [
        (("model_answers", q), m.cites, []) for q, m in case.model_answers.items()
    ]
    places += [
        (("step_questions", i, "model"), q.model.cites, [])
        for i, q in enumerate(case.step_questions)
    ]
    own = {q.id for q in case.step_questions}
    for group in ("discussion", "pitfalls", "kader_says"):
        for index, note in enumerate(getattr(case.teaching_notes, group)):
            places.append((("teaching_notes", group, index), note.cites, note.about))
    issues = []
    for where, cites, about in places:
        for index, cite in enumerate(cites):
            if resolve_cite(kader, cite) is None:
                kind = cite.partition(":")[0]
                message = _("verwijzing '{cite}' bestaat niet in {kader}. Toegestaan: {allowed}")
                allowed = ", ".join(f"{kind}:{k}" for k in sorted(cite_choices(kader, kind)))
                text = message.format(cite=cite, kader=kader.label(), allowed=allowed or "-")
                issues.append(loaded.issue(where + ("cites", index), text))
        for index, question in enumerate(about):
            if question not in kader.kinds and question not in own:
                text = _("onbekende vraag '{question}'. Toegestaan: {allowed}").format(
                    question=question, allowed=", ".join(sorted(set(kader.kinds) | own))
                )
                issues.append(loaded.issue(where + ("about", index), text))
    return issues
