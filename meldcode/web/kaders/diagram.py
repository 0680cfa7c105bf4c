"""The flow of a kader's afwegingen, drawn on the server as an inline SVG.

One column of afweging boxes in number order, each with the boxes its answers lead to on
its right; overruling norms and routes sit on top as lettered banners. The drawing is
narrow (360 units) so it stays legible when CSS scales it down to a phone's width.
"""

from markupsafe import Markup

from meldcode.kader import ResolvedKader
from meldcode.kader.i18n import _
from meldcode.kader.words import Words
from meldcode.web.kaders.svg import PAD
from meldcode.web.kaders.svg import Box
from meldcode.web.kaders.svg import arrow
from meldcode.web.kaders.svg import document
from meldcode.web.kaders.svg import label

WIDTH = 360
LEFT_X, LEFT_W = 8, 168
RIGHT_X, RIGHT_W = 212, 140
CENTRE = LEFT_X + LEFT_W // 2
ROW_GAP, BOX_GAP = 34, 8


def flow_svg(kader: ResolvedKader, language: str) -> Markup:
    """Draw the afwegingen of ``kader`` as an accessible inline SVG in ``language``."""
    model = kader.model
    words = Words(model, language)
    ident = f"flow-{model.id}"
    unsure = _("onbevestigd")
    parts: list[Markup] = []
    summary: list[str] = []
    letters: dict[str, str] = {}
    y = PAD
    for rule_id, title, condition, effect, status in _banners(model, words):
        letters[rule_id] = letter = chr(ord("A") + len(letters))
        lines = [("title", f"{letter}. {title}"), ("small", _("Als: %(c)s", c=condition))]
        lines += [("small", effect)] if effect else []
        box = Box(LEFT_X, y, WIDTH - 2 * LEFT_X, lines, "banner", _mark(status, unsure))
        parts.append(box.svg())
        summary.append(" ".join(text for _style, text in box.lines) + ".")
        y = box.bottom + BOX_GAP
    y += ROW_GAP - BOX_GAP
    order = model.afwegingen()
    for index, qid in enumerate(order):
        question = model.questions[qid]
        following = order[index + 1] if index + 1 < len(order) else None
        lines = [("title", words.question(qid))]
        for norm_id, norm in model.norms.items():
            if qid in norm.overrides and norm_id in letters:
                answer = words.answer(qid, norm.overrides[qid])
                lines.append(("small", _("telt als %(a)s bij %(l)s", a=answer, l=letters[norm_id])))
        left = Box(
            LEFT_X, y, LEFT_W, lines, "afweging", _mark(question.status, unsure), fill="#eef3f8"
        )
        sides, down, said = _branches(model, words, qid, following, y, unsure)
        summary.append(" ".join([f"{words.question(qid)}.", *said]))
        parts.append(left.svg())
        for k, box in enumerate(sides):
            parts += [box.svg(), _elbow(left, box, k, len(sides), f"{ident}-arrow")]
        y = max([left.bottom] + [box.bottom for box in sides]) + ROW_GAP
        if down:
            parts.append(arrow([(CENTRE, left.bottom), (CENTRE, y - 2)], f"{ident}-arrow"))
            parts.append(label(CENTRE + 6, left.bottom + 18, " / ".join(down), 13, bold=True))
    title = _("Stroomschema van de afwegingen: %(title)s", title=words.t(model.title))
    return document(ident, WIDTH, y - ROW_GAP + PAD, title, " ".join(summary), parts)


def _mark(status: str | None, text: str) -> str | None:
    """Return the unconfirmed mark for a status, or None when it is confirmed."""
    return text if status == "onbevestigd" else None


def _banners(model, words: Words):
    """Yield the overruling norms and the routes as (id, title, condition, effect, status)."""
    for norm_id, norm in model.norms.items():
        if norm.when:
            counted = "; ".join(
                f"{c.question}: {c.answers[0]}" for c in words.overrides(norm.overrides)
            )
            effect = _("Dan telt: %(counted)s", counted=counted) if counted else ""
            yield norm_id, words.t(norm.title), _condition(words, norm.when), effect, norm.status
    for route_id, route in model.routes.items():
        effect = _("Dan volg je deze route in plaats van de afwegingen.")
        yield route_id, words.t(route.title), _condition(words, route.when), effect, route.status


def _condition(words: Words, when: dict) -> str:
    """Return a condition in one line, e.g. ``Onthulling (disclosure): ja``."""
    either, both = f" {_('of')} ", f" {_('en')} "
    return both.join(f"{c.question}: {either.join(c.answers)}" for c in words.condition(when))


def _branches(model, words: Words, qid: str, following: str | None, top: int, unsure: str):
    """Return the side boxes of an afweging, the answers that go down, and a description."""
    question = model.questions[qid]
    sides: list[Box] = []
    down: list[str] = []
    said: list[str] = []
    for answer in ("ja", "nee"):
        branch = question.answers[answer]
        shown = words.answer(qid, answer)
        lines = [("label", _("Bij %(answer)s:", answer=shown))]
        statuses = {branch.status or question.status}
        if branch.outcome:
            outcome = model.outcomes[branch.outcome]
            lines.append(("title", words.t(outcome.label)))
            statuses.add(outcome.status)
            said.append(_("Bij %(a)s: %(o)s.", a=shown, o=words.t(outcome.label)))
        if branch.next:
            said.append(_("Bij %(a)s: verder naar %(q)s.", a=shown, q=words.question(branch.next)))
            if branch.next == following:
                down.append(shown)
            else:
                lines.append(("text", _("verder naar %(q)s", q=words.question(branch.next))))
        if branch.norm:
            norm = model.norms[branch.norm]
            lines.append(("small", words.t(norm.title)))
            statuses.add(norm.status)
            said.append(_("Norm: %(n)s.", n=words.t(norm.title)))
        if len(lines) > 1:
            status = "onbevestigd" if "onbevestigd" in statuses else "bevestigd"
            y = sides[-1].bottom + BOX_GAP if sides else top
            sides.append(Box(RIGHT_X, y, RIGHT_W, lines, "uitkomst", _mark(status, unsure)))
    return sides, down, said


def _elbow(left: Box, side: Box, k: int, n: int, marker: str) -> Markup:
    """Connect an afweging to its k-th side box without crossing the other connector."""
    # Each connector leaves from its own slice of the box's edge and turns at its own x,
    # so two connectors never run over each other.
    slice_top = left.y + left.height * k / n + 6
    slice_bottom = left.y + left.height * (k + 1) / n - 6
    target = side.y + side.height / 2
    start = min(max(target, slice_top), slice_bottom)
    middle = LEFT_X + LEFT_W + 12 + 8 * (n - 1 - k)
    points = [(LEFT_X + LEFT_W, start), (middle, start), (middle, target), (RIGHT_X - 2, target)]
    return arrow(points, marker)
