"""Graph and reference checks on a resolved kader, beyond what the schema can see.

Every reference resolves; every afweging is reachable and placed in a step; there are no
cycles; every path ends in an outcome; every rule carries a source; a sector file that
changes a rule gives its own source for the change.
"""

from meldcode.kader.i18n import _
from meldcode.kader.inherit import Merged
from meldcode.kader.inherit import defined_in
from meldcode.kader.lint_links import check_links
from meldcode.kader.model import Kader

RULE_GROUPS = ("questions", "outcomes", "norms", "special_cases", "routes", "steps", "checks")
_LAYOUTS = {
    "basismodel": {4: ["vermoeden", "veiligheid"], 5: ["hulp", "acceptatie", "resultaat"]},
    "knmg": {4: [], 5: ["vermoeden", "veiligheid", "hulp", "acceptatie", "resultaat"]},
}


def lint(kader: Kader, merged: Merged) -> list:
    """Return every problem found, each as an Issue pointing at its file and line."""
    found = []

    def issue(path: tuple, message: str) -> None:
        """Record one problem once, with the line of its key path."""
        new = merged.issue(path, message)
        if new not in found:
            found.append(new)

    _references(kader, issue)
    check_links(kader, issue, _condition, _check_ref)
    _graph(kader, issue)
    _steps(kader, issue)
    _sources(kader, issue)
    if len(merged.files) > 1:
        _own_sources(merged, issue)
    return found


def _check_ref(issue, path: tuple, value: str | None, known: dict, what: str) -> None:
    """Report a reference that names nothing the kader knows."""
    if value is not None and value not in known:
        issue(
            path,
            _("{what} '{value}' bestaat niet. Bekend: {known}").format(
                what=what, value=value, known=", ".join(sorted(known)) or "-"
            ),
        )


def _condition(kader: Kader, issue, path: tuple, when: dict | None) -> None:
    """Check that a when/unless condition names real questions and allowed answers."""
    for question, values in (when or {}).items():
        q = kader.questions.get(question)
        if q is None:
            _check_ref(issue, path + (question,), question, kader.questions, _("vraag"))
            continue
        allowed = set(q.choices) if q.choices else {"ja", "nee"}
        for value in values:
            if value not in allowed:
                issue(
                    path + (question,),
                    _(
                        "waarde '{value}' past niet bij vraag '{question}'. Toegestaan: {allowed}"
                    ).format(value=value, question=question, allowed=", ".join(sorted(allowed))),
                )


def _actions(kader: Kader, issue, path: tuple, refs) -> None:
    """Check the action references of a rule, and their conditions."""
    for i, ref in enumerate(refs):
        _check_ref(issue, path + (i,), ref.id, kader.actions, _("actie"))
        _condition(kader, issue, path + (i, "when"), ref.when)
        _condition(kader, issue, path + (i, "unless"), ref.unless)


def _references(kader: Kader, issue) -> None:
    """Check that every contact, next question, outcome and action reference resolves."""
    for aid, action in kader.actions.items():
        _check_ref(issue, ("actions", aid, "contact"), action.contact, kader.contacts, _("contact"))
    for qid, q in kader.questions.items():
        for answer, t in (q.answers or {}).items():
            here = ("questions", qid, "answers", answer)
            _check_ref(issue, here + ("outcome",), t.outcome, kader.outcomes, _("uitkomst"))
            _check_ref(issue, here + ("norm",), t.norm, kader.norms, _("norm"))
            _actions(kader, issue, here + ("actions",), t.actions)
            if t.next is not None:
                target = kader.questions.get(t.next)
                if target is None or target.kind != "afweging":
                    issue(
                        here + ("next",),
                        _("'{value}' is geen afweging. Afwegingen: {known}").format(
                            value=t.next, known=", ".join(kader.afwegingen())
                        ),
                    )
            elif t.outcome is None:
                issue(here, _("dit pad eindigt zonder uitkomst; geef 'next' of 'outcome'"))
    for group in ("outcomes", "norms", "special_cases", "routes"):
        for item_id, item in getattr(kader, group).items():
            _actions(kader, issue, (group, item_id, "actions"), item.actions)
            _condition(kader, issue, (group, item_id, "when"), getattr(item, "when", None))
    for nid, norm in kader.norms.items():
        for question, _value in norm.overrides.items():
            if question not in kader.afwegingen():
                issue(
                    ("norms", nid, "overrides", question),
                    _("'{value}' is geen afweging. Afwegingen: {known}").format(
                        value=question, known=", ".join(kader.afwegingen())
                    ),
                )
    for rid, route in kader.routes.items():
        _check_ref(issue, ("routes", rid, "norm"), route.norm, kader.norms, _("norm"))


def _graph(kader: Kader, issue) -> None:
    """Check the afwegingen graph: a valid start, all reachable, no cycles, ends in outcomes."""
    if kader.start not in kader.afwegingen():
        issue(
            ("start",),
            _("'{value}' is geen afweging. Afwegingen: {known}").format(
                value=kader.start, known=", ".join(kader.afwegingen())
            ),
        )
        return
    reached: set[str] = set()

    def walk(qid: str, trail: tuple) -> None:
        """Walk the graph from a question, reporting any answer that loops back."""
        reached.add(qid)
        q = kader.questions.get(qid)
        for answer, t in (q.answers or {}).items() if q else ():
            if t.next in trail + (qid,):
                issue(
                    ("questions", qid, "answers", answer, "next"),
                    _("kringloop in de afwegingen: {cycle}").format(
                        cycle=" → ".join(trail + (qid, t.next))
                    ),
                )
            elif t.next in kader.questions:
                walk(t.next, trail + (qid,))

    walk(kader.start, ())
    for qid in kader.afwegingen():
        if qid not in reached:
            issue(
                ("questions", qid),
                _("afweging '{question}' is niet bereikbaar vanaf '{start}'").format(
                    question=qid, start=kader.start
                ),
            )


def _steps(kader: Kader, issue) -> None:
    """Check the step layout: steps 1 to 5, each question placed in exactly one step."""
    numbers = sorted(step.number for step in kader.steps.values())
    if numbers != [1, 2, 3, 4, 5]:
        issue(("steps",), _("de stappen moeten de nummers 1 tot en met 5 hebben, elk één keer"))
    placed: dict[str, str] = {}
    for sid, step in kader.steps.items():
        for i, qid in enumerate(step.afwegingen):
            if qid not in kader.afwegingen():
                issue(
                    ("steps", sid, "afwegingen", i),
                    _("'{value}' is geen afweging. Afwegingen: {known}").format(
                        value=qid, known=", ".join(kader.afwegingen())
                    ),
                )
            elif qid in placed:
                issue(
                    ("steps", sid, "afwegingen", i),
                    _("afweging '{question}' staat ook al in {step}").format(
                        question=qid, step=placed[qid]
                    ),
                )
            placed[qid] = sid
        for i, cid in enumerate(step.checks):
            _check_ref(issue, ("steps", sid, "checks", i), cid, kader.checks, _("check"))
    for qid in kader.afwegingen():
        if qid not in placed:
            issue(
                ("steps",),
                _("afweging '{question}' staat in geen enkele stap").format(question=qid),
            )
    layout = _LAYOUTS[kader.step_layout]
    by_number = {step.number: step.afwegingen for step in kader.steps.values()}
    for number, expected in layout.items():
        if by_number.get(number, []) != expected:
            issue(
                ("step_layout",),
                _(
                    "stap {number} hoort bij indeling '{layout}' de afwegingen {expected} te hebben"
                ).format(
                    number=number, layout=kader.step_layout, expected=", ".join(expected) or "-"
                ),
            )


def _sources(kader: Kader, issue) -> None:
    """Check that every rule cites a known source, and note unconfirmed rules."""
    unconfirmed = False
    for group in RULE_GROUPS + ("contacts",):
        for item_id, item in getattr(kader, group).items():
            _check_ref(
                issue,
                (group, item_id, "source", "document"),
                item.source.document,
                kader.sources,
                _("bron"),
            )
            unconfirmed = unconfirmed or item.status == "onbevestigd"
    for sid, step in kader.steps.items():
        for did, duty in step.duties.items():
            _check_ref(
                issue,
                ("steps", sid, "duties", did, "source", "document"),
                duty.source.document,
                kader.sources,
                _("bron"),
            )
    for rid, route in kader.routes.items():
        if route.gesprek_warning is not None:
            _check_ref(
                issue,
                ("routes", rid, "gesprek_warning", "source", "document"),
                route.gesprek_warning.source.document,
                kader.sources,
                _("bron"),
            )
        for sid, step in route.steps.items():
            _check_ref(
                issue,
                ("routes", rid, "steps", sid, "source", "document"),
                step.source.document,
                kader.sources,
                _("bron"),
            )
    parts = [d for step in kader.steps.values() for d in step.duties.values()]
    parts += [s for route in kader.routes.values() for s in route.steps.values()]
    parts += [r.gesprek_warning for r in kader.routes.values() if r.gesprek_warning]
    parts += [t for q in kader.questions.values() for t in (q.answers or {}).values()]
    parts += [*kader.gesprek.skip_reasons.values(), *kader.informeren.exceptions.values()]
    unconfirmed = unconfirmed or any(part.status == "onbevestigd" for part in parts)
    if unconfirmed and kader.status == "bevestigd":
        issue(
            ("status",),
            _("het kader heet 'bevestigd' maar bevat onbevestigde regels; gebruik 'gedeeltelijk'"),
        )


def _own_sources(merged: Merged, issue) -> None:
    """Require a sector file that rewrites a rule to name its own source for it."""
    own = merged.files[-1]
    for group in RULE_GROUPS:
        for item_id in merged.data.get(group) or {}:
            path = (group, item_id)
            if defined_in(merged, path, own) and not defined_in(merged, path + ("source",), own):
                issue(
                    path,
                    _(
                        "dit bestand wijzigt '{item}' maar noemt geen eigen 'source' voor "
                        "die wijziging"
                    ).format(item=item_id),
                )
