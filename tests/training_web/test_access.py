"""Who reaches what: trainers their own sessions only, participants their own session only."""

import pytest

from tests.training_web.helpers import join
from tests.training_web.helpers import start
from tests.web.wizard import Visitor

CASE = "basisschool-onthulling"


@pytest.fixture(scope="module")
def other_trainer(app, people):
    """A second trainer, of the other organisation."""
    from meldcode.storage import accounts
    from meldcode.storage.models import Organisation
    from tests.web.wizard import PASSWORD

    def work(s):
        org = s.get(Organisation, people.other_org)
        accounts.create_user(s, org, "trainer@zuid.nl", "trainer", PASSWORD, "Trainer Zuid")

    app.extensions["meldcode_db"].run_write(work)
    person = Visitor(app)
    assert person.login("trainer@zuid.nl").status_code == 303
    return person


def trainer_urls(session_id: str) -> list[str]:
    base = f"/oefensessies/{session_id}"
    return [base, f"{base}/live", f"{base}/projector", f"{base}/qr.svg", f"{base}/klasverslag.pdf"]


def test_a_participant_cannot_reach_the_trainer_pages(app, trainer):
    session_id, code = start(trainer, CASE)
    person = join(app, code)
    for url in trainer_urls(session_id) + ["/oefensessies/"]:
        response = person.get(url)
        assert response.status_code == 302, url
        assert response.headers["Location"].startswith("/inloggen?next=")
    token = person.page("/oefenen/stap/1").split('name="csrf_token" value="', 1)
    response = person.client.post(f"/oefensessies/{session_id}/tonen", data={"item": "veiligheid"})
    assert response.status_code == 303 and response.headers["Location"].startswith("/inloggen")
    assert len(token) == 1  # a step page has no form, so no token to misuse either


def test_a_participant_sees_only_their_own_session(app, trainer):
    _first, code_a = start(trainer, CASE)
    _second, code_b = start(trainer, "jgz-vgv-zomervakantie")
    person = join(app, code_a)
    assert "Een leerling vertelt het aan de juf" in person.page("/oefenen/stap/1")
    # No address names a session: the browser's token is bound to the one it joined.
    assert "Een groot feest bij oma" not in person.page("/oefenen/stap/1")
    other = join(app, code_b)
    assert "Een groot feest bij oma" in other.page("/oefenen/stap/1")


def test_another_trainer_gets_not_found_for_a_session_not_theirs(app, trainer, other_trainer):
    session_id, _code = start(trainer, CASE)
    for url in trainer_urls(session_id):
        assert other_trainer.get(url).status_code == 404, url
    url = f"/oefensessies/{session_id}/vastzetten"
    token = other_trainer.page("/oefensessies/").split('name="csrf_token" value="', 1)[1][:200]
    token = token.split('"', 1)[0]
    response = other_trainer.client.post(url, data={"csrf_token": token, "item": "veiligheid"})
    assert response.status_code == 404
    assert session_id not in other_trainer.page("/oefensessies/")


def test_a_medewerker_cannot_start_a_session(app, people):
    person = Visitor(app)
    assert person.login("owner").status_code == 303
    assert person.get("/oefensessies/").status_code == 403
    token = person.page("/account").split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    response = person.client.post("/oefensessies/", data={"csrf_token": token, "casus": CASE})
    assert response.status_code == 403


def test_an_unknown_case_cannot_be_started(app, trainer):
    response = trainer.form("/oefensessies/", {"casus": "bestaat-niet"})
    assert response.status_code == 400
    assert "Kies een oefencasus." in response.get_data(as_text=True)
