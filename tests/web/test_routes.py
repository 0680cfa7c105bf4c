"""Every route of the app says who may open it, and the app holds to that.

The rules are read from ``app.url_map``, so a route added later is checked without changing
this file: a view without ``@access`` fails here, and so does a case page that is not
classified ``case`` or a signed-in page that answers an anonymous visitor.
"""

import pytest

from meldcode.web import access
from tests.web.test_security import SAMPLE_ARGS
from tests.web.wizard import CSRF
from tests.web.wizard import Visitor

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def rules(app) -> list:
    """Return every rule of the app except the static files."""
    return [r for r in app.url_map.iter_rules() if r.endpoint != "static"]


def kind_of(app, rule) -> str | None:
    """Return the access kind of the view a rule calls, or None when it has none."""
    return getattr(app.view_functions[rule.endpoint], "access", None)


def sample_url(app, rule) -> str:
    """Return a concrete URL for a rule, with a sample value for every argument."""
    missing = rule.arguments - SAMPLE_ARGS.keys()
    assert not missing, f"add a sample value for {missing} of {rule.rule} to SAMPLE_ARGS"
    with app.test_request_context():
        from flask import url_for

        return url_for(rule.endpoint, **{a: SAMPLE_ARGS[a] for a in rule.arguments})


def test_every_view_declares_who_may_open_it(app):
    unmarked = [
        f"{rule.rule} {sorted(rule.methods)} -> {rule.endpoint}"
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static" and kind_of(app, rule) is None
    ]
    assert unmarked == [], "views without @access(...)"


def test_every_declared_kind_is_a_known_one(app):
    kinds = {rule.endpoint: kind_of(app, rule) for rule in rules(app)}
    assert set(kinds.values()) <= set(access.KINDS), kinds
    # The table covers all sorts of pages; an empty app would pass the tests above.
    assert {"public", "authenticated", "case", "beheer"} <= set(kinds.values())
    assert len(kinds) >= 60


def test_an_unknown_kind_is_refused_when_the_app_is_built():
    with pytest.raises(ValueError):
        access.access("iedereen")


def test_every_route_with_a_case_id_is_a_case_page(app):
    wrong = [
        (rule.rule, kind_of(app, rule))
        for rule in rules(app)
        if "case_id" in rule.arguments and kind_of(app, rule) != "case"
    ]
    assert wrong == []
    assert any("case_id" in rule.arguments for rule in rules(app))


def test_every_non_public_page_sends_an_anonymous_visitor_to_login(app, client):
    checked = 0
    for rule in rules(app):
        if kind_of(app, rule) == "public" or "GET" not in rule.methods:
            continue
        url = sample_url(app, rule)
        response = client.get(url)
        assert response.status_code != 200, url
        if response.status_code == 302:
            assert response.headers["Location"].startswith("/inloggen?next="), url
        else:
            assert response.status_code in (401, 404), (url, response.status_code)
        checked += 1
    assert checked >= 30


def test_every_non_public_post_keeps_the_text_and_asks_to_sign_in(app, client):
    for rule in rules(app):
        if kind_of(app, rule) == "public":
            continue
        for method in sorted(rule.methods & set(METHODS) - {"GET"}):
            url = sample_url(app, rule)
            response = client.open(url, method=method, data={"tekst": "iets"})
            assert response.status_code in (303, 401, 404, 405), (method, url)
            if response.status_code == 303:
                location = response.headers["Location"]
                # A participant has no sign-in: their area sends an expired form back to
                # its page (which then says how to join), here the retry of their PDF.
                back = kind_of(app, rule) == "oefenen" and location == url
                assert back or location.startswith("/inloggen?next="), url


@pytest.fixture
def signed_in(wizard_app, people):
    """Return a visitor per role, signed in."""

    def person(who):
        visitor = Visitor(wizard_app)
        assert visitor.login(who).status_code == 303
        return visitor

    return person


def test_each_kind_is_enforced_by_its_guard_not_only_declared(wizard_app, signed_in):
    # A page declared for beheerders or trainers refuses a medewerker; a case page refuses
    # a trainer. This fails when a view carries the attribute without its check.
    medewerker, trainer = signed_in("owner"), signed_in("trainer")
    refused = {"beheer": (medewerker, 403), "trainer": (medewerker, 403), "case": (trainer, 404)}
    counted = dict.fromkeys(refused, 0)
    for rule in rules(wizard_app):
        kind = kind_of(wizard_app, rule)
        if kind not in refused:
            continue
        person, status = refused[kind]
        token = CSRF.search(person.page("/account")).group(1)  # a valid token: past CSRF
        url = sample_url(wizard_app, rule)
        for method in sorted(rule.methods & {"GET", "POST"}):
            response = person.client.open(url, method=method, data={"csrf_token": token})
            assert response.status_code == status, (kind, method, url, response.status_code)
        counted[kind] += 1
    assert all(counted.values()), counted
