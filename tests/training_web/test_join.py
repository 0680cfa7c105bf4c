"""Joining a session: the code, the messages for a bad code, an ended, expired or full session."""

import datetime

from meldcode.storage import training as store
from tests.training_web.helpers import join
from tests.training_web.helpers import start
from tests.web.wizard import Visitor
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world


def change_session(app, session_id: str, **values) -> None:
    """Set columns of a stored session (to make it expire, for instance)."""

    def work(s):
        row = s.get(store.TrainingSession, session_id)
        for key, value in values.items():
            setattr(row, key, value)

    app.extensions["meldcode_db"].run_write(work)


def test_a_participant_joins_with_the_code_in_any_case_and_spacing(app, trainer):
    _sid, code = start(trainer, "basisschool-onthulling")
    person = Visitor(app)
    typed = f"{code[:3].lower()} {code[3:]}"
    response = person.form("/oefenen/", {"code": typed})
    assert response.status_code == 303
    assert response.headers["Location"] == "/oefenen/stap/1"
    page = person.page("/oefenen/stap/1")
    assert "Een leerling vertelt het aan de juf" in page
    assert "OEFENEN" in page


def test_the_qr_address_fills_in_the_code(app, trainer):
    _sid, code = start(trainer, "basisschool-onthulling")
    page = Visitor(app).page(f"/oefenen/?code={code}")
    assert f'value="{code}"' in page


def test_a_wrong_code_is_refused_next_to_the_field_and_kept(app, trainer):
    start(trainer, "basisschool-onthulling")
    person = Visitor(app)
    response = person.form("/oefenen/", {"code": "XXX777", "naam": "Sam"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "We kennen deze code niet" in html
    assert 'value="XXX777"' in html and 'value="Sam"' in html
    assert "<title>OEFENEN – Fout:" in html


def test_an_ended_session_cannot_be_joined(app, trainer):
    session_id, code = start(trainer, "basisschool-onthulling")
    url = f"/oefensessies/{session_id}"
    assert trainer.form(f"{url}/beeindigen", {"bevestigd": "ja"}, page_url=url).status_code == 303
    response = Visitor(app).form("/oefenen/", {"code": code})
    assert response.status_code == 400
    assert "Deze oefensessie is afgelopen" in response.get_data(as_text=True)


def test_an_expired_session_cannot_be_joined(app, trainer):
    session_id, code = start(trainer, "basisschool-onthulling")
    change_session(app, session_id, expires_at=datetime.datetime(2020, 1, 1))
    response = Visitor(app).form("/oefenen/", {"code": code})
    assert response.status_code == 400
    assert "Deze oefensessie is afgelopen" in response.get_data(as_text=True)


def test_a_full_session_says_so_and_lets_nobody_else_in(tmp_path):
    app = fresh_app(tmp_path, TRAINING_MAX_PARTICIPANTS=2)
    make_world(app)
    trainer = Visitor(app)
    trainer.login("trainer")
    session_id, code = start(trainer, "basisschool-onthulling")
    join(app, code)
    join(app, code)
    response = Visitor(app).form("/oefenen/", {"code": code})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Deze oefensessie is vol: er doen al 2 mensen mee" in html
    with app.extensions["meldcode_db"].reader() as s:
        assert len(store.class_answers(s, session_id)[0]) == 2


def test_a_name_must_be_a_first_name_or_a_number(app, trainer):
    _sid, code = start(trainer, "basisschool-onthulling")
    response = Visitor(app).form("/oefenen/", {"code": code, "naam": "jan@school.nl"})
    assert response.status_code == 400
    assert "Alleen letters en cijfers" in response.get_data(as_text=True)


def test_a_participant_page_without_joining_says_how_to_join(app):
    response = Visitor(app).get("/oefenen/stap/1")
    assert response.status_code == 401
    html = response.get_data(as_text=True)
    assert "Je doet nog niet mee" in html and 'href="/oefenen/"' in html


def test_a_long_name_is_refused_whole_not_cut_off(app, trainer):
    _sid, code = start(trainer, "basisschool-onthulling")
    person = Visitor(app)
    assert "maxlength" not in person.page("/oefenen/")  # a browser would cut a paste off unsaid
    response = person.form("/oefenen/", {"code": code, "naam": "Maximiliaan" * 2})  # 22
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Gebruik hoogstens 20 tekens. Je tekst is 2 tekens te lang." in html
    assert 'value="MaximiliaanMaximiliaan"' in html
