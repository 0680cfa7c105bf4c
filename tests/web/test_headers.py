"""Caching and HSTS headers on every route of the URL map, per class of route.

Signed-in pages (cases, every step, the dossier preview, the account, beheer, training)
and public pages alike are ``no-store``; only static files may be cached. With
``HTTPS=true`` every response carries Strict-Transport-Security, also behind a proxy that
ends TLS (the app then sees plain HTTP).
"""

import pytest

from tests.web.test_routes import kind_of
from tests.web.test_security import SAMPLE_ARGS
from tests.web.wizard import Visitor
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world

HSTS = "max-age=63072000"  # two years, no includeSubDomains (other services of the organisation)
WHO = {"case": "owner", "authenticated": "owner", "beheer": "beheerder", "trainer": "trainer"}


@pytest.fixture(scope="module", params=[False, True], ids=["http", "https"])
def site(request, tmp_path_factory):
    """An app (plain, or HTTPS behind a proxy), its people signed in, and a real case."""
    app = fresh_app(tmp_path_factory.mktemp("headers"), HTTPS=request.param)
    make_world(app)
    people = {}
    for who in ("owner", "beheerder", "trainer"):
        person = Visitor(app)
        response = person.login(who)
        assert response.status_code == 303
        people[who] = person
    case_id = people["owner"].new_case()
    return app, people, {**SAMPLE_ARGS, "case_id": case_id}


def urls(app, args) -> list[tuple[str, str]]:
    """Return (url, class) for every GET route: static, or the route's access kind."""
    from flask import url_for

    found = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "GET" in rule.methods:
                url = url_for(rule.endpoint, **{a: args[a] for a in rule.arguments})
                kind = "static" if rule.endpoint == "static" else kind_of(app, rule)
                found.append((url, kind))
    return found


def test_every_route_sends_the_caching_and_transport_headers_of_its_class(site):
    app, people, args = site
    https = app.config["HTTPS"]
    seen = {}
    for url, kind in urls(app, args):
        clients = [Visitor(app)] + ([people[WHO[kind]]] if kind in WHO else [people["owner"]])
        for person in clients:
            with person.get(url) as response:
                cache = response.headers.get("Cache-Control", "")
                if kind == "static":
                    assert "no-store" not in cache, url
                else:
                    assert cache == "no-store", (url, response.status_code, cache)
                hsts = response.headers.get("Strict-Transport-Security")
                assert hsts == (HSTS if https else None), url
                seen.setdefault(kind, set()).add(response.status_code)
    assert 200 in seen["case"] and 200 in seen["authenticated"] and 200 in seen["beheer"]
    assert 200 in seen["static"] and 200 in seen["public"]


def test_the_pages_with_case_content_are_no_store(site):
    app, people, args = site
    owner = people["owner"]
    case_id = args["case_id"]
    for url in (
        "/casussen",
        f"/casussen/{case_id}",
        f"/casussen/{case_id}/stap-1",
        f"/casussen/{case_id}/dossier",
        "/account",
    ):
        response = owner.get(url)
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == "no-store", url
