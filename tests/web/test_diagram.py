"""The flow diagram: one box per afweging, readable marks, and every text escaped."""

import dataclasses
import xml.etree.ElementTree as ET

import pytest

from meldcode import paths
from meldcode.kader.model_parts import Text
from meldcode.web.kaders.diagram import flow_svg
from meldcode.web.kaders.svg import text_width
from meldcode.web.kaders.svg import wrap
from tests.appfactory import build_app

SVG = "{http://www.w3.org/2000/svg}"
EVIL = '<script>alert("x")</script> & <b>vet</b>'


def draw(app, kader, language="nl") -> ET.Element:
    """Draw a kader inside a request and parse the SVG (it must be well-formed XML)."""
    with app.test_request_context(headers={"Accept-Language": language}):
        app.preprocess_request()
        svg = str(flow_svg(kader, language))
    return parse_svg(svg)


def parse_svg(svg: str) -> ET.Element:
    """Parse an SVG we drew ourselves; failing to parse means the markup broke."""
    return ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted input


def texts(root: ET.Element) -> list[str]:
    """Return every line of text drawn."""
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def test_diagram_has_one_box_per_afweging_in_number_order(app, registry):
    for kader in registry.all():
        root = draw(app, kader)
        assert root.get("role") == "img"
        assert root.get("viewBox").startswith("0 0 360 ")
        assert root.find(f"{SVG}title").text.startswith("Stroomschema van de afwegingen")
        assert "Afweging 1" in root.find(f"{SVG}desc").text
        boxes = [g for g in root.iter(f"{SVG}g") if g.get("class") == "afweging"]
        firsts = [g.find(f"{SVG}text").text for g in boxes]
        numbers = [kader.model.questions[q].number for q in kader.model.afwegingen()]
        assert [f.split(":")[0] for f in firsts] == [f"Afweging {n}" for n in numbers]


def test_diagram_shows_outcomes_and_the_overruling_norm(app, registry):
    m = registry.get("basis").model
    drawn = " ".join(texts(draw(app, registry.get("basis"))))
    for outcome in m.outcomes.values():
        assert outcome.label.nl.split()[0] in drawn
    assert "Onthulling" in drawn
    assert "telt als ja bij A" in drawn


def test_diagram_speaks_english(app, registry):
    root = draw(app, registry.get("basis"), "en")
    drawn = " ".join(texts(root))
    assert "Consideration 1" in drawn
    assert "If no:" in drawn
    assert root.find(f"{SVG}title").text.startswith("Flow chart of the considerations")


def test_unconfirmed_items_are_dashed_and_say_so(app, registry):
    kader = registry.get("basis")
    m = kader.model
    norm_id = next(n for n in m.norms if not m.norms[n].when and n in _used_norms(m))
    norm = m.norms[norm_id].model_copy(
        update={"status": "onbevestigd", "status_note": Text(nl="nog niet", en="not yet")}
    )
    variant = dataclasses.replace(
        kader, model=m.model_copy(update={"norms": {**m.norms, norm_id: norm}})
    )
    root, plain = draw(app, variant), draw(app, kader)
    assert dashed(root) > dashed(plain)
    assert texts(root).count("onbevestigd") > texts(plain).count("onbevestigd")


def dashed(root: ET.Element) -> int:
    """Count the boxes drawn with a dashed border."""
    return len([r for r in root.iter(f"{SVG}rect") if r.get("stroke-dasharray")])


def _used_norms(model) -> set[str]:
    """Return the norms some answer of an afweging refers to."""
    return {
        branch.norm
        for qid in model.afwegingen()
        for branch in model.questions[qid].answers.values()
        if branch.norm
    }


def test_text_with_markup_is_escaped_in_the_builder(app, registry):
    kader = registry.get("basis")
    m = kader.model
    evil = Text(nl=EVIL, en=EVIL)
    questions = {
        qid: q.model_copy(update={"label": evil}) if qid == "vermoeden" else q
        for qid, q in m.questions.items()
    }
    outcomes = {oid: o.model_copy(update={"label": evil}) for oid, o in m.outcomes.items()}
    norms = {nid: n.model_copy(update={"title": evil}) for nid, n in m.norms.items()}
    model = m.model_copy(
        update={"questions": questions, "outcomes": outcomes, "norms": norms, "title": evil}
    )
    variant = dataclasses.replace(kader, model=model)
    with app.test_request_context():
        svg = str(flow_svg(variant, "nl"))
    assert "<script" not in svg
    assert "<b>" not in svg
    assert "&lt;script&gt;" in svg
    assert "&amp;" in svg
    assert " & " not in svg
    root = parse_svg(svg)  # still well-formed: nothing broke out of its element
    assert EVIL in root.find(f"{SVG}title").text
    assert any("&" in t for t in texts(root))


def test_text_with_markup_in_a_kader_file_is_escaped_on_the_page(tmp_path):
    source = (paths.KADERS_DIR / "basis.yaml").read_text()
    label = "label: {nl: Vermoeden, en: Suspicion}"
    assert source.count(label) == 1
    evil = "label: {nl: \"<script>alert('x')</script> & Vermoeden\", en: Suspicion}"
    (tmp_path / "basis.yaml").write_text(source.replace(label, evil))
    app = build_app(tmp_path / "instance", {"KADERS_DIR": str(tmp_path)})
    page = app.test_client().get("/kaders/basis").get_data(as_text=True)
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Vermoeden" in page


@pytest.mark.parametrize("width", [60, 124, 200])
@pytest.mark.parametrize("bold", [False, True])
def test_wrapped_lines_fit_their_box(width, bold):
    text = "Kinderbeschermingsmaatregelenonderzoek: meld bij Veilig Thuis als je twijfelt"
    lines = wrap(text, width, 15, bold)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert text_width(line, 15, bold) <= width


def test_wrap_keeps_an_empty_text_as_one_empty_line():
    assert wrap("", 100, 14) == [""]
