"""Small SVG drawing primitives: text boxes that wrap, arrows, and the outer document.

Everything is built from :class:`markupsafe.Markup` templates with ``.format()``, which
escapes each value that goes in; no text reaches the drawing unescaped.
"""

from dataclasses import dataclass
from dataclasses import field
from functools import lru_cache

from fontTools.ttLib import TTFont
from markupsafe import Markup

from meldcode import paths

INK, LINE, UNSURE_FILL, UNSURE_INK = "#0b0c0c", "#1d3b5c", "#fff4cc", "#5c3d00"
PAD = 8
# Text styles: font size, bold, colour.
STYLES = {
    "title": (15, True, INK),
    "text": (14, False, INK),
    "small": (13, False, INK),
    "label": (13, True, INK),
    "mark": (13, True, UNSURE_INK),
}
# A generous average glyph width (in em) for characters the font does not have.
FALLBACK_WIDTH = 0.62


@dataclass
class Box:
    """A rectangle with lines of (style, text); an ``unsure`` box is dashed and says so."""

    x: int
    y: int
    width: int
    lines: list[tuple[str, str]]
    css: str
    unsure: str | None = None
    fill: str = "#ffffff"
    wrapped: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self):
        """Wrap the lines to the box width once, so the height is known before placing."""
        if self.unsure:
            # Words, not only a dashed border: colour or dashes alone do not reach everyone.
            self.lines = [*self.lines, ("mark", self.unsure)]
        for style, text in self.lines:
            size, bold, _colour = STYLES[style]
            for line in wrap(text, self.width - 2 * PAD, size, bold):
                self.wrapped.append((style, line))

    @property
    def height(self) -> int:
        """Return the height the wrapped text needs."""
        return 2 * PAD + sum(STYLES[style][0] + 5 for style, _text in self.wrapped)

    @property
    def bottom(self) -> int:
        """Return the y of the lower edge."""
        return self.y + self.height

    def svg(self) -> Markup:
        """Draw the box and its text."""
        parts = [
            Markup(
                '<g class="{css}"><rect x="{x}" y="{y}" width="{w}" height="{h}" rx="4" '
                'fill="{fill}" stroke="{line}" stroke-width="1.5"{dash}/>'
            ).format(
                css=self.css,
                x=self.x,
                y=self.y,
                w=self.width,
                h=self.height,
                fill=UNSURE_FILL if self.unsure else self.fill,
                line=LINE,
                dash=Markup(' stroke-dasharray="6 4"') if self.unsure else "",
            )
        ]
        y = self.y + PAD
        for style, text in self.wrapped:
            size, bold, colour = STYLES[style]
            y += size + 5
            parts.append(label(self.x + PAD, y - 4, text, size, bold, colour))
        parts.append(Markup("</g>"))
        return Markup("").join(parts)


def label(x: float, y: float, text: str, size: int, bold: bool = False, colour: str = INK):
    """Draw one line of text with its baseline at ``y``."""
    weight = Markup(' font-weight="700"') if bold else ""
    return Markup(
        '<text x="{x:g}" y="{y:g}" font-size="{size}"{weight} fill="{fill}">{text}</text>'
    ).format(x=x, y=y, size=size, weight=weight, fill=colour, text=text)


def arrow(points: list[tuple[float, float]], marker: str) -> Markup:
    """Draw a line through ``points`` ending in the arrowhead with id ``marker``."""
    return Markup(
        '<polyline points="{points}" fill="none" stroke="{line}" stroke-width="1.5" '
        'marker-end="url(#{marker})"/>'
    ).format(points=" ".join(f"{x:g},{y:g}" for x, y in points), line=LINE, marker=marker)


def document(ident: str, width: int, height: int, title: str, desc: str, body: list) -> Markup:
    """Wrap drawn parts in an accessible ``<svg role="img">`` that scales with its box."""
    return Markup(
        '<svg class="flow" role="img" viewBox="0 0 {w} {h}" '
        'aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        '<defs><marker id="{id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" '
        'fill="{line}"/></marker></defs>{body}</svg>'
    ).format(
        w=width, h=height, id=ident, title=title, desc=desc, line=LINE, body=Markup("").join(body)
    )


@lru_cache(maxsize=2)
def _advances(bold: bool) -> dict[int, float]:
    """Return the advance width (in em) of every character of the page font, Noto Sans."""
    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    try:
        with TTFont(paths.STATIC_DIR / "fonts" / name) as font:
            per_em = font["head"].unitsPerEm
            metrics = font["hmtx"]
            return {code: metrics[g][0] / per_em for code, g in font.getBestCmap().items()}
    except OSError:  # without the font, every character gets the fallback width
        return {}


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Return how wide ``text`` is drawn in Noto Sans at ``size``; SVG cannot wrap by itself."""
    advances = _advances(bold)
    return size * sum(advances.get(ord(c), FALLBACK_WIDTH) for c in text)


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Break ``text`` into lines no wider than ``width``, at spaces where possible."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        # A word wider than the box (a long compound or a URL) is cut where it must be.
        while text_width(word, size, bold) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut], size, bold) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines or [""]
