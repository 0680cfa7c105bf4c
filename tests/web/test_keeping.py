"""Nothing typed is lost, on every form of a case: a busy database, a conflict, bad input,
a stale or missing CSRF token, and a session that ran out while typing.

The forms are found by walking two whole cases (tests/web/casewalk.py), so a form added
later is checked too. Single cases the step tests already cover (a stale signal, a wrong
token on an afweging …) are not repeated; these tests hold for every form at once.
"""

import datetime
import re

import pytest
from freezegun import freeze_time
from markupsafe import escape
from sqlalchemy import select

from meldcode.storage.models import Case
from meldcode.storage.models import CaseEvent
from meldcode.storage.models import CaseRecord
from tests.web import casewalk
from tests.web.account_helpers import T0
from tests.web.account_helpers import field_error
from tests.web.stap_helpers import saved
from tests.web.wizard import Visitor
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world

LONG = 20001  # one more than any field takes (20,000 for text, 200 or 60 for short fields)


def signed_in(app, who: str) -> Visitor:
    """Return a visitor signed in as ``who``."""
    person = Visitor(app)
    assert person.login(who).status_code == 303
    return person


@pytest.fixture(scope="module")
def forms(tmp_path_factory):
    """Return (app, [(visitor, url)]) for every form with free text of two walked cases.

    The cases are filled once, so every edit form exists; the new-case form and the
    consulted colleague's form are included.
    """
    app = fresh_app(tmp_path_factory.mktemp("keeping"))
    people = make_world(app)
    owner, colleague = signed_in(app, "owner"), signed_in(app, "af")
    found = [(owner, "/casussen/nieuw")]
    for kader, choose in casewalk.CASES.items():
        case_id = owner.new_case(kader=kader)
        casewalk.walk(
            owner, case_id, lambda _u, _n: "eerder opgeslagen", {**casewalk.CHOOSE, **choose}
        )
        assert owner.form(f"/casussen/{case_id}/delen", {"collega": people.af}).status_code == 303
        found += [(owner, url) for url in casewalk.text_forms(owner, case_id)]
        found += [(colleague, url) for url in casewalk.text_forms(colleague, case_id)]
    urls = [url for _p, url in found]
    assert len(found) >= 50 and any(url.endswith("/consultatie") for url in urls), urls
    return app, found


def state(app) -> tuple:
    """Return what is stored of every case, to show a failed save changed nothing."""
    with app.extensions["meldcode_db"].reader() as s:
        return (
            sorted(s.execute(select(Case.id, Case.label_enc, Case.updated_at)).all()),
            sorted(s.execute(select(CaseRecord.id, CaseRecord.version)).all()),
            len(s.scalars(select(CaseEvent.id)).all()),
        )


def form_at(person: Visitor, url: str) -> casewalk.Form | None:
    """Return the form with free text of a page, freshly loaded.

    None for the decision page once the case is on a route (an earlier test's answers can
    make the staff question ja): a route has no Beslissing 1 and 2 to record (issue 13).
    """
    html = person.page(url)
    form = casewalk.own_form(html, url)
    if form is None and url.endswith("/beslissing") and "Naar de stappen van de route" in html:
        return None
    assert form is not None, url
    return form


def marked(form: casewalk.Form, mark: str) -> dict[str, str]:
    """Return a text per free-text field that names the field."""
    return {name: f"{mark}-{name}" for name in form.text_fields()}


def test_a_busy_database_keeps_the_text_of_every_form(forms):
    app, found = forms
    for number, (person, url) in enumerate(found):
        form = form_at(person, url)
        if form is None:
            continue
        texts = marked(form, f"BEWAARD{number}")
        data = casewalk.fill(form, texts.get, casewalk.CHOOSE)
        before = state(app)
        with casewalk.busy_database(app):
            response = person.client.post(url, data=data)
        page = response.get_data(as_text=True)
        assert response.status_code == 503, (url, response.status_code)
        assert "Niet opgeslagen" in page and "De database was even niet bereikbaar" in page, url
        for name, value in texts.items():
            assert value in page, (url, name)
        assert state(app) == before, url


def test_every_edit_form_shows_both_versions_on_a_conflict(forms):
    app, found = forms
    checked = 0
    for person, url in found:
        if url.endswith("/nieuw") or url.endswith("/instellingen"):
            continue  # a new record never conflicts; the label has no version (see report)
        first_tab = form_at(person, url)
        if first_tab is None:
            continue
        assert "versie" in first_tab.fields, url
        theirs = {n: f"OPGESLAGEN-{n}" for n in first_tab.text_fields()}
        mine = {n: f"MIJN-{n}" for n in first_tab.text_fields()}
        second = person.client.post(url, data=casewalk.fill(first_tab, theirs.get, casewalk.CHOOSE))
        assert second.status_code == 303, (url, casewalk.error_text(second))
        stale = person.client.post(url, data=casewalk.fill(first_tab, mine.get, casewalk.CHOOSE))
        page = stale.get_data(as_text=True)
        assert stale.status_code == 409, (url, stale.status_code)
        assert "Niet opgeslagen: dit is intussen gewijzigd." in page, url
        for name in first_tab.text_fields():
            assert theirs[name] in page and mine[name] in page, (url, name)
        now = person.page(url)
        assert "OPGESLAGEN-" in now and "MIJN-" not in now, url  # nothing overwritten
        checked += 1
    assert checked >= 30


def test_too_long_text_and_impossible_dates_are_refused_at_the_field(forms):
    app, found = forms
    dates = 0
    for number, (person, url) in enumerate(found):
        form = form_at(person, url)
        if form is None:
            continue
        texts = {n: f"LANG{number}-{n}-" + "x" * LONG for n in form.text_fields()}
        data = casewalk.fill(form, texts.get, casewalk.CHOOSE)
        data.update({name: "2026-13-45" for name in form.date_fields()})
        before = state(app)
        response = person.client.post(url, data=data)
        page = response.get_data(as_text=True)
        assert response.status_code == 400, (url, response.status_code)
        assert 'class="error-summary"' in page, url
        for name, value in texts.items():
            message = field_error(page, name)
            assert "Gebruik hoogstens" in message, (url, name, message)
            assert str(escape(value)) in page, (url, name)
        for name in form.date_fields():
            assert "Vul een geldige datum in" in field_error(page, name), (url, name)
            dates += 1
        assert state(app) == before, url
    assert dates >= 10


def test_a_stale_csrf_token_brings_the_text_of_every_form_back(forms):
    app, found = forms
    for number, (person, url) in enumerate(found):
        form = form_at(person, url)
        if form is None:
            continue
        texts = marked(form, f"TERUG{number}")
        data = casewalk.fill(form, texts.get, casewalk.CHOOSE)
        data["csrf_token"] = "verlopen"
        before = state(app)
        response = person.client.post(url, data=data)
        assert response.status_code == 303, url
        target = response.headers["Location"]
        assert target.startswith(f"{url}?herstel="), (url, target)
        page = person.page(target)
        assert "Je tekst van de vorige keer is teruggezet." in page, url
        for name, value in texts.items():
            assert value in page, (url, name)
        assert state(app) == before, url


# --- One long answer, start to end ----------------------------------------------------------

ANSWER = "Begin van een lang verslag. " + "Zin na zin, met zorg getypt. " * 600 + "EINDE"


def save_rescued(person: Visitor, target: str):
    """Save the form as it came back after a rescue (its own fresh token and version)."""
    page = person.page(target)
    assert ANSWER in page
    form = casewalk.own_form(page, target.split("?")[0])
    data = casewalk.fill(form, lambda name: ANSWER if name == "gezegd" else "")
    data.update({"met": "moeder", "datum": "2026-09-14"})
    return person.client.post(target.split("?")[0], data=data)


def test_a_long_answer_without_a_csrf_token_is_kept_and_saves_in_full(wizard_app, owner):
    case_id = owner.new_case()
    url = f"/casussen/{case_id}/stap-3/gesprek/nieuw"
    owner.page(url)
    data = {"datum": "2026-09-14", "met": "moeder", "gezegd": ANSWER}  # no token at all
    response = owner.client.post(url, data=data)
    assert response.status_code == 303 and "herstel=" in response.headers["Location"]
    assert saved(wizard_app, case_id, "gesprek") == {}
    assert save_rescued(owner, response.headers["Location"]).status_code == 303
    (stored,) = saved(wizard_app, case_id, "gesprek").values()
    assert stored.gezegd == ANSWER


@pytest.mark.parametrize("expiry", ["idle", "absolute"])
def test_an_answer_typed_while_the_session_ran_out_is_saved_after_login(
    wizard_app, people, visitor, expiry
):
    hours = wizard_app.config["SESSION_ABSOLUTE_HOURS"]
    with freeze_time(T0) as clock:
        assert visitor.login("owner").status_code == 303
        case_id = visitor.new_case()
        url = f"/casussen/{case_id}/stap-3/gesprek/nieuw"
        html = visitor.page(url)
        if expiry == "idle":
            clock.tick(datetime.timedelta(minutes=31))  # typing slowly
        else:
            for _ in range(hours * 3):  # busy all day, never idle for long
                clock.tick(datetime.timedelta(minutes=20))
                visitor.get("/casussen")
            clock.tick(datetime.timedelta(minutes=5))
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
        data = {"csrf_token": token, "datum": "2026-09-14", "met": "moeder", "gezegd": ANSWER}
        response = visitor.client.post(url, data=data)
        assert response.status_code == 303
        login = response.headers["Location"]
        assert login.startswith("/inloggen?next=")
        assert saved(wizard_app, case_id, "gesprek") == {}
        page = visitor.page(login)
        assert "Je sessie was verlopen. Je tekst is bewaard" in page
        assert ANSWER not in page  # kept on the server, not put in the login page
        back = visitor.form(login, {"email": "mentor@delinde.nl", "password": "x"}, login)
        assert back.status_code == 400  # a wrong password keeps the way back
        from tests.web.wizard import PASSWORD

        back = visitor.form(login, {"email": "mentor@delinde.nl", "password": PASSWORD}, login)
        assert back.status_code == 303
        target = back.headers["Location"]
        assert target.startswith(f"{url}?herstel="), target
        assert save_rescued(visitor, target).status_code == 303
    (stored,) = saved(wizard_app, case_id, "gesprek").values()
    assert stored.gezegd == ANSWER


def test_someone_else_cannot_read_a_kept_text_with_its_link(wizard_app, people, owner):
    case_id = owner.new_case()
    url = f"/casussen/{case_id}/stap-3/gesprek/nieuw"
    owner.page(url)
    response = owner.client.post(url, data={"gezegd": ANSWER, "csrf_token": "verlopen"})
    target = response.headers["Location"]
    assert ANSWER in owner.page(target)
    stranger = Visitor(wizard_app)
    stranger.login("stranger")
    assert stranger.get(target).status_code == 404
    assert ANSWER not in stranger.get(target).get_data(as_text=True)
    elsewhere = f"/casussen/{stranger.new_case()}/stap-3/gesprek/nieuw"
    token = target.split("herstel=")[1]
    assert ANSWER not in stranger.page(f"{elsewhere}?herstel={token}")  # only on its own page
