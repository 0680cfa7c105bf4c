"""What a trainer runs a class with: pacing, before and after, the wall, CSV, list, compare."""

import re

from tests.training_web.helpers import answer
from tests.training_web.helpers import complete
from tests.training_web.helpers import join
from tests.training_web.helpers import model_chooser
from tests.training_web.helpers import start

CASE = "kinderopvang-vermoeden-weggenomen"
INPUTS = (("vormen", "kindermishandeling"), ("pleger_medewerker", "nee"))


def _inputs(person) -> None:
    """Answer the questions of stap 1."""
    for qid, value in INPUTS:
        assert answer(person, qid, value).status_code == 303


def test_pacing_opens_the_steps_one_at_a_time(app, trainer):
    session_id, code = start(trainer, CASE)
    url = f"/oefensessies/{session_id}"
    assert trainer.form(f"{url}/stappen", {"stap": "1"}, page_url=url).status_code == 303
    person = join(app, code)
    _inputs(person)
    waiting = person.page("/oefenen/stap/1")
    assert "De trainer opent de volgende stap straks" in waiting
    refused = person.get("/oefenen/stap/4")
    assert refused.status_code == 303 and refused.headers["Location"].endswith("/stap/1")
    closed = person.get("/oefenen/vraag/vermoeden")
    assert closed.status_code == 409
    assert "De trainer heeft die stap nog niet geopend" in closed.get_data(as_text=True)
    live = trainer.page(f"{url}/live")
    assert "data-wachten>1<" in live
    assert trainer.form(f"{url}/stappen", {"stap": "5"}, page_url=url).status_code == 303
    assert answer(person, "vermoeden", "nee").status_code == 303
    assert trainer.form(f"{url}/stappen", {"stap": "9"}, page_url=url).status_code == 400


def test_the_first_answers_are_kept_at_the_reveal(app, trainer):
    session_id, code = start(trainer, CASE)
    url = f"/oefensessies/{session_id}"
    people = [join(app, code) for _ in range(3)]
    for person, value in zip(people, ("ja", "ja", "nee"), strict=True):
        _inputs(person)
        answer(person, "vermoeden", value)
    trainer.form(f"{url}/tonen", {"item": "vermoeden"}, page_url=url)
    answer(people[0], "vermoeden", "nee")  # changed their mind after the discussion
    live = trainer.page(f"{url}/live")
    assert 'data-voor="vermoeden" data-antwoord="ja">2<' in live
    assert 'data-vraag="vermoeden" data-antwoord="ja">1<' in live
    assert "1 van 3 veranderden hun antwoord na het tonen." in live
    projector = trainer.page(f"{url}/projector?vraag=vermoeden")
    assert "Voor het tonen:" in projector


def test_lock_on_reveal(app, trainer):
    session_id, code = start(trainer, CASE)
    url = f"/oefensessies/{session_id}"
    trainer.form(
        f"{url}/instellingen", {"label": "groep 2", "vastzetten_bij_tonen": "ja"}, page_url=url
    )
    person = join(app, code)
    _inputs(person)
    answer(person, "vermoeden", "ja")
    trainer.form(f"{url}/tonen", {"item": "vermoeden"}, page_url=url)
    assert answer(person, "vermoeden", "nee").status_code == 409
    assert "groep 2" in trainer.page("/oefensessies/")


def test_the_motivation_wall(app, trainer):
    session_id, code = start(trainer, CASE)
    url = f"/oefensessies/{session_id}"
    for text in ("Past bij de foto van de tante.", "Te weinig om te melden."):
        person = join(app, code, name="Zoë")
        _inputs(person)
        answer(person, "vermoeden", "nee", motivation=text)
    projector = f"{url}/projector?vraag=vermoeden"
    assert "Past bij de foto" not in trainer.page(projector)  # only when the trainer chooses
    trainer.form(f"{url}/muur", {"item": "vermoeden"}, page_url=url)
    page = trainer.page(projector)
    assert "Past bij de foto" in page and "Te weinig om te melden." in page
    assert "Zoë" not in page  # anonymous
    session_page = trainer.page(url)
    hidden = re.search(r'name="motivatie" value="(\d+)"', session_page).group(1)
    trainer.form(f"{url}/muur/verbergen", {"motivatie": hidden}, page_url=url)
    shown = trainer.page(projector)
    assert ("Past bij de foto" in shown) != ("Te weinig om te melden." in shown)
    trainer.form(f"{url}/muur", {"item": ""}, page_url=url)
    assert "Te weinig om te melden." not in trainer.page(projector)


def test_the_projector_shows_one_question_and_nothing_early(app, trainer):
    session_id, code = start(trainer, CASE)
    complete(join(app, code), model_chooser(CASE))
    url = f"/oefensessies/{session_id}"
    page = trainer.page(f"{url}/projector")
    assert page.count('class="projector__question"') == 1
    assert "Vraag 1 van" in page and "Modelantwoord tonen" in page
    assert "Modelantwoord:" not in page and "Gesprekspunt" not in page
    moved = trainer.form(
        f"{url}/tonen",
        {"item": "vermoeden", "vraag": "vermoeden", "terug": "projector", "anker": "p-bediening"},
        page_url=url,
    )
    assert moved.headers["Location"].endswith("/projector?vraag=vermoeden#p-bediening")
    assert "Modelantwoord:" in trainer.page(f"{url}/projector?vraag=vermoeden")


def test_the_csv_is_anonymous(app, trainer):
    session_id, code = start(trainer, CASE)
    person = join(app, code, name="Zoë")
    _inputs(person)
    answer(person, "vermoeden", "nee", motivation="Geheime motivatie")
    response = trainer.get(f"/oefensessies/{session_id}/antwoorden.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeffdeelnemer,stap,vraag,antwoord,eerste_antwoord,telt_mee")
    assert "1,4,vermoeden,nee,,ja" in text
    assert "Zoë" not in text and "Geheime motivatie" not in text


def test_the_session_list_and_comparing_two_groups(app, trainer):
    first, code_a = start(trainer, CASE)
    second, code_b = start(trainer, CASE)
    complete(join(app, code_a), model_chooser(CASE))
    complete(join(app, code_b), model_chooser(CASE, {"vermoeden": "ja", "veiligheid": "nee"}))
    listing = trainer.page("/oefensessies/")
    assert "Twee groepen vergelijken" in listing and "<td>1</td>" in listing
    page = trainer.page(f"/oefensessies/vergelijken?a={first}&b={second}")
    assert 'data-groep="a" data-vraag="vermoeden" data-antwoord="nee">1<' in page
    assert 'data-groep="b" data-vraag="vermoeden" data-antwoord="ja">1<' in page
    other, _code = start(trainer, "basisschool-onthulling")
    assert trainer.get(f"/oefensessies/vergelijken?a={first}&b={other}").status_code == 400
    assert trainer.get(f"/oefensessies/vergelijken?a={first}&b=nietvanmij").status_code == 404


def test_ending_asks_to_confirm(app, trainer):
    session_id, code = start(trainer, CASE)
    url = f"/oefensessies/{session_id}"
    asked = trainer.form(f"{url}/beeindigen", {}, page_url=url)
    assert asked.status_code == 200 and "Sessie beëindigen?" in asked.get_data(as_text=True)
    assert join(app, code) is not None  # still open
    done = trainer.form(f"{url}/beeindigen", {"bevestigd": "ja"}, page_url=url)
    assert done.status_code == 303


def test_a_group_name_over_the_limit_comes_back_whole_with_a_message(app, trainer):
    session_id, _code = start(trainer, CASE)
    url = f"/oefensessies/{session_id}"
    assert 'maxlength="80"' not in trainer.page(url)  # a browser would cut a paste off unsaid
    typed = "groep 2 " + "x" * 92  # 100 characters
    refused = trainer.form(
        f"{url}/instellingen", {"label": typed, "vastzetten_bij_tonen": "ja"}, page_url=url
    )
    assert refused.status_code == 400
    page = refused.get_data(as_text=True)
    assert f'value="{typed}"' in page  # the text as typed, not cut off
    assert "Je tekst is 20 tekens te lang." in page and "Niets opgeslagen." in page
    assert 'aria-describedby="label-hint label-error"' in page
    assert re.search(r'name="vastzetten_bij_tonen" value="ja" checked', page)  # as chosen
    assert '<meta http-equiv="refresh"' not in page  # a refresh would lose the text
    assert "groep 2 xxx" not in trainer.page("/oefensessies/")  # nothing saved
    exact = "g" * 80
    saved = trainer.form(f"{url}/instellingen", {"label": exact}, page_url=url)
    assert saved.status_code == 303
    assert exact in trainer.page("/oefensessies/")


def test_the_start_form_refuses_a_long_group_name_whole(trainer):
    assert "maxlength" not in trainer.page("/oefensessies/")
    typed = "g" * 81
    refused = trainer.form("/oefensessies/", {"casus": CASE, "label": typed})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert "Gebruik hoogstens 80 tekens. Je tekst is 1 teken te lang." in page
    assert f'value="{typed}"' in page
