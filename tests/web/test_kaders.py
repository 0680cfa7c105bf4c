"""The kader browser: every kader lists, and every rule of it shows with its source and mark."""

import pytest

from meldcode import paths
from meldcode.kader import Registry
from meldcode.kader.words import Words
from tests.web.helpers import get_page
from tests.web.helpers import html_text
from tests.web.helpers import section

SHIPPED = Registry.load(paths.KADERS_DIR, paths.DATA_ROOT).all()
VERSIONS = [pytest.param(k.id, k.version, id=k.label()) for k in SHIPPED]


def test_home_asks_a_visitor_to_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/inloggen"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_overview_lists_every_kader_version(client, registry, language):
    page = get_page(client, "/kaders", language).get_data(as_text=True)
    assert f'<html lang="{language}">' in page
    for kader in registry.all():
        m = kader.model
        assert html_text(m.title.get(language)) in page
        assert f'href="/kaders/{m.id}/{m.version}"' in page
        assert f"<code>{m.id}</code>" in page
        assert html_text(m.scope.get(language)) in page
        if kader.parent:
            assert kader.parent in page


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(("kader_id", "version"), VERSIONS)
def test_detail_page_shows_every_rule_in_the_page_language(
    client, registry, kader_id, version, language
):
    kader = registry.get(kader_id, version)
    m = kader.model
    response = get_page(client, f"/kaders/{kader_id}/{version}", language)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f'<html lang="{language}">' in page
    texts = [m.title, m.summary, m.scope, m.informeren.text]
    assert len(m.afwegingen()) == 5
    for qid in m.afwegingen():
        question = m.questions[qid]
        assert f'id="afweging-{qid}"' in page
        texts += [question.label, question.text]
    for _sid, step in m.ordered_steps():
        texts += [step.title, step.help]
    for group in (m.outcomes, m.special_cases, m.routes):
        texts += [item.text for item in group.values()]
    texts += [norm.title for norm in m.norms.values()]
    for text in texts:
        assert html_text(text.get(language)) in page, text.get(language)
    for sid, doc in m.sources.items():
        assert f'id="bron-{sid}"' in page
        assert html_text(doc.title) in page
    for contact in m.contacts.values():
        assert contact.phone in page
    assert '<svg class="flow" role="img"' in page


@pytest.mark.parametrize(("kader_id", "version"), VERSIONS)
def test_every_rule_carries_a_citation(client, registry, kader_id, version):
    page = client.get(f"/kaders/{kader_id}/{version}").get_data(as_text=True)
    m = registry.get(kader_id, version).model
    for qid in m.afwegingen():
        ref = m.questions[qid].source
        assert html_text(ref.section) in section(page, f"afweging-{qid}")
        assert f'href="#bron-{ref.document}"' in section(page, f"afweging-{qid}")
    for nid, norm in m.norms.items():
        assert f'href="#bron-{norm.source.document}"' in section(page, f"norm-{nid}")
    for oid, outcome in m.outcomes.items():
        assert f'href="#bron-{outcome.source.document}"' in section(page, f"uitkomst-{oid}")


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(("kader_id", "version"), VERSIONS)
def test_unconfirmed_rules_are_marked_with_their_note(
    client, registry, kader_id, version, language
):
    kader = registry.get(kader_id, version)
    m = kader.model
    page = get_page(client, f"/kaders/{kader_id}/{version}", language).get_data(as_text=True)
    mark = "onbevestigd" if language == "nl" else "unconfirmed"
    unconfirmed = Words(m, language).unconfirmed()
    for anchor, _name in unconfirmed:
        part = section(page, anchor)
        assert "tag--unconfirmed" in part, anchor
        assert f">{mark}<" in part, anchor
    for group in (m.questions, m.outcomes, m.norms, m.special_cases, m.routes, m.checks):
        for item in group.values():
            if item.status == "onbevestigd" and item.status_note:
                assert html_text(item.status_note.get(language)) in page
    if m.status != "bevestigd":
        assert 'class="notice notice--unconfirmed"' in page
        assert html_text(m.status_note.get(language)) in page
        for anchor, _name in unconfirmed:
            assert f'href="#{anchor}"' in section(page, "status")


def test_a_kader_with_an_unconfirmed_rule_is_tested_at_all(registry):
    """Guard: the mark test above must have something to check."""
    assert any(Words(k.model, "nl").unconfirmed() for k in registry.all())


def test_english_page_shows_english_not_dutch(client, registry):
    m = registry.get("basis").model
    page = get_page(client, "/kaders/basis", "en").get_data(as_text=True)
    vermoeden = m.questions["vermoeden"]
    assert html_text(vermoeden.text.en) in page
    assert html_text(vermoeden.text.nl) not in page
    assert "Consideration 1: Suspicion" in page
    assert "Sources" in page
    assert "When in doubt: Veilig Thuis 0800-2000" in page


def test_dutch_page_shows_dutch(client):
    page = get_page(client, "/kaders/basis", "nl").get_data(as_text=True)
    assert "Afweging 1: Vermoeden" in page
    assert "Bij twijfel: Veilig Thuis 0800-2000" in page


def test_newest_version_is_shown_without_a_version(client, registry):
    for kader_id in registry.ids():
        newest = registry.versions(kader_id)[-1]
        page = client.get(f"/kaders/{kader_id}").get_data(as_text=True)
        assert f"<dd>{newest.version}" in page


def test_extended_kader_links_to_its_parent(client, registry):
    child = next(k for k in registry.all() if k.parent)
    parent_id, parent_version = child.parent.split(" ")
    page = client.get(f"/kaders/{child.id}/{child.version}").get_data(as_text=True)
    assert f'href="/kaders/{parent_id}/{parent_version}"' in page


@pytest.mark.parametrize(
    "path", ["/kaders/bestaat-niet", "/kaders/basis/0.0", "/kaders/basis/2019.1/extra", "/nergens"]
)
@pytest.mark.parametrize(
    ("language", "title"), [("nl", "Pagina niet gevonden"), ("en", "Page not found")]
)
def test_unknown_kader_or_version_is_a_friendly_404(client, path, language, title):
    response = get_page(client, path, language)
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert f"<h1>{title}</h1>" in page
    assert f'<html lang="{language}">' in page
    assert "Traceback" not in page
    assert "UnknownKader" not in page


def test_a_bug_shows_a_friendly_500_without_traceback(caplog, tmp_path):
    from tests.appfactory import build_app

    app = build_app(tmp_path, {"TESTING": False})

    @app.get("/stuk")
    def broken():
        raise RuntimeError("geheim detail uit de code")

    response = get_page(app.test_client(), "/stuk", "en")
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "<h1>Something went wrong</h1>" in page
    assert "Traceback" not in page
    assert "geheim detail" not in page
    assert "Veilig Thuis" in page
    assert "geheim detail uit de code" in caplog.text  # the log keeps it for the operator


def test_other_http_errors_get_a_friendly_page(client):
    response = client.post("/kaders")
    assert response.status_code == 405
    page = response.get_data(as_text=True)
    assert "405" in page
    assert "Dit verzoek kan niet worden uitgevoerd" in page
