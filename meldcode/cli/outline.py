"""A plain-text outline of a resolved kader, for ``meldcode kaders show``."""

from meldcode.kader import ResolvedKader
from meldcode.kader.i18n import _
from meldcode.kader.i18n import using


def _mark(status: str) -> str:
    """Return the unconfirmed mark for a rule's status, or nothing."""
    return "" if status == "bevestigd" else " [" + _("onbevestigd") + "]"


def outline(kader: ResolvedKader, language: str) -> str:
    """Return the outline as text in ``language``."""
    with using(language):
        return "\n".join(_lines(kader, language))


def _lines(kader: ResolvedKader, lang: str):
    """Yield the lines of a kader's outline in one language."""
    m = kader.model
    until = m.valid_until.isoformat() if m.valid_until else "…"
    yield f"{m.title.get(lang)}"
    yield f"{m.id} {m.version} · {m.valid_from.isoformat()} – {until} · {m.status}"
    if kader.parent:
        yield _("bouwt voort op {parent}").format(parent=kader.parent)
    yield f"sha256 {kader.sha256}"
    if m.voluntary_use:
        yield _("Vrijwillig gebruik: {text}").format(text=m.voluntary_use.get(lang))
    yield ""
    yield _("Stappen ({layout})").format(layout=m.step_layout)
    for _sid, step in m.ordered_steps():
        yield f"  {step.number}. {step.title.get(lang)}{_mark(step.status)}"
        for qid in step.afwegingen:
            q = m.questions[qid]
            yield f"     - {q.number} {q.label.get(lang)}: {q.text.get(lang)}{_mark(q.status)}"
            for answer, t in sorted(q.answers.items()):
                follows = ", ".join(x for x in (t.outcome, t.next and "→ " + t.next) if x)
                yield f"         {answer}: {follows}"
        for cid in step.checks:
            yield f"     * {m.checks[cid].label.get(lang)}{_mark(m.checks[cid].status)}"
        for duty in step.duties.values():
            yield f"     ! {duty.label.get(lang)}{_mark(duty.status)}"
    yield ""
    yield _("Normen")
    for nid, norm in m.norms.items():
        kind = (
            _("wettelijke plicht") if norm.kind == "wettelijke_plicht" else _("professionele norm")
        )
        yield f"  {nid}: {norm.title.get(lang)} ({kind}){_mark(norm.status)}"
    if m.special_cases:
        yield _("Bijzondere situaties")
        for sid, case in m.special_cases.items():
            yield f"  {sid}: {case.title.get(lang)}{_mark(case.status)}"
    if m.routes:
        yield _("Routes")
        for rid, route in m.routes.items():
            yield f"  {rid}: {route.title.get(lang)}{_mark(route.status)}"
    if not m.adviesplicht:
        yield _("Adviesplicht: {value}").format(value=_("nee"))
    elif m.adviesplicht_when == "step_2":
        yield _("Adviesplicht: {value}").format(value=_("ja, in stap 2"))
    else:
        yield _("Adviesplicht: {value}").format(value=_("ja, vóór een melding"))
    if m.version_aliases:
        yield _("Eerdere namen van deze versie: {names}").format(names=", ".join(m.version_aliases))
    yield ""
    yield _("Bronnen")
    for sid, src in m.sources.items():
        where = src.url or src.citation or ""
        yield f"  {sid}: {src.title} ({src.publisher}) {where}"
