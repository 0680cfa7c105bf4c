"""The trainer's live view: counts equal to the answers, decisions, reveal and lock."""

from tests.training_web.helpers import answer
from tests.training_web.helpers import complete
from tests.training_web.helpers import counts
from tests.training_web.helpers import join
from tests.training_web.helpers import model_chooser
from tests.training_web.helpers import start
from tests.training_web.helpers import status

CASE = "basisschool-onthulling"


def test_the_counts_are_what_the_participants_answered(app, trainer):
    session_id, code = start(trainer, CASE)
    model = model_chooser(CASE)
    departing = model_chooser(CASE, {"veiligheid": "nee"})
    for choose in (model, model, departing):
        complete(join(app, code), choose)
    busy = join(app, code)
    answer(busy, "disclosure", "nee")
    join(app, code)  # joined, nothing answered yet
    page = trainer.page(f"/oefensessies/{session_id}")
    assert status(page) == (5, 3, 2)
    shown = counts(page)
    assert shown[("veiligheid", "ja")] == 2 and shown[("veiligheid", "nee")] == 1
    assert shown[("disclosure", "ja")] == 3 and shown[("disclosure", "nee")] == 1
    assert shown[("vermoeden", "ja")] == 3
    assert "1 van 3 wijken af van het modelantwoord." in page
    # All three reach the model decision: the disclosure norm overrules 'nee' on veiligheid.
    assert 'data-model="ja">3<' in page
    fragment = trainer.page(f"/oefensessies/{session_id}/live")
    assert counts(fragment) == shown and status(fragment) == (5, 3, 2)
    assert "<html" not in fragment


def test_the_majority_departing_is_marked(app, trainer):
    session_id, code = start(trainer, CASE)
    for _ in range(2):
        complete(join(app, code), model_chooser(CASE, {"veiligheid": "nee"}))
    page = trainer.page(f"/oefensessies/{session_id}")
    assert "De meerderheid wijkt af van het modelantwoord." in page


def test_no_name_reaches_the_trainer_view(app, trainer):
    session_id, code = start(trainer, CASE)
    complete(join(app, code, name="Zoë"), model_chooser(CASE))
    assert "Zoë" not in trainer.page(f"/oefensessies/{session_id}")
    assert "Zoë" not in trainer.page(f"/oefensessies/{session_id}/projector")


def test_revealing_shows_the_model_answer_to_participants_and_projector(app, trainer):
    session_id, code = start(trainer, CASE)
    person = join(app, code)
    complete(person, model_chooser(CASE))
    reasoning = "Een onthulling valt altijd onder acute en/of structurele onveiligheid."
    assert reasoning not in person.page("/oefenen/vraag/veiligheid")
    assert reasoning not in trainer.page(f"/oefensessies/{session_id}/projector")
    url = f"/oefensessies/{session_id}"
    response = trainer.form(f"{url}/tonen", {"item": "veiligheid"}, page_url=url)
    assert response.status_code == 303
    assert reasoning in person.page("/oefenen/vraag/veiligheid")
    assert reasoning in trainer.page(f"{url}/projector?vraag=veiligheid")
    assert "Het modelantwoord, getoond door de trainer" in person.page("/oefenen/vraag/veiligheid")
    assert "De modelbeslissing" not in person.page("/oefenen/uitkomst")
    trainer.form(f"{url}/tonen", {"item": "beslissing"}, page_url=url)
    assert "Jouw uitkomst is gelijk aan de modelbeslissing." in person.page("/oefenen/uitkomst")
    trainer.form(f"{url}/tonen", {"item": "veiligheid", "tonen": "nee"}, page_url=url)
    assert reasoning not in person.page("/oefenen/vraag/veiligheid")


def test_revealing_step_by_step_goes_through_the_questions_in_order(app, trainer):
    session_id, _code = start(trainer, CASE)
    url = f"/oefensessies/{session_id}"
    assert "Toon het volgende modelantwoord: Onthulling" in trainer.page(url)
    trainer.form(f"{url}/tonen", {"item": "disclosure", "terug": "projector"}, page_url=url)
    page = trainer.page(url)
    assert "Toon het volgende modelantwoord: Vermoedelijke pleger" in page


def test_something_else_cannot_be_revealed_or_locked(app, trainer):
    session_id, _code = start(trainer, CASE)
    url = f"/oefensessies/{session_id}"
    assert trainer.form(f"{url}/tonen", {"item": "resultaat"}, page_url=url).status_code == 400
    response = trainer.form(f"{url}/vastzetten", {"item": "beslissing"}, page_url=url)
    assert response.status_code == 400


def test_a_locked_question_refuses_changes_and_keeps_the_text(app, trainer):
    session_id, code = start(trainer, CASE)
    person = join(app, code)
    complete(person, model_chooser(CASE))
    url = f"/oefensessies/{session_id}"
    response = trainer.form(f"{url}/vastzetten", {"item": "veiligheid"}, page_url=url)
    assert response.status_code == 303
    page = person.page("/oefenen/vraag/veiligheid")
    assert "Vastgezet door de trainer." in page
    assert "Opslaan en verder" not in page
    response = answer(person, "veiligheid", "nee", motivation="Toch anders gewogen")
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Je antwoord is niet opgeslagen." in html and "Toch anders gewogen" in html
    assert counts(trainer.page(url))[("veiligheid", "ja")] == 1
    assert "vastgezet door de trainer" in person.page("/oefenen/stap/4")
    trainer.form(f"{url}/vastzetten", {"item": "veiligheid", "vast": "nee"}, page_url=url)
    assert answer(person, "veiligheid", "nee").status_code == 303
    assert counts(trainer.page(url))[("veiligheid", "nee")] == 1


def test_ending_the_session_stops_answering(app, trainer):
    session_id, code = start(trainer, CASE)
    person = join(app, code)
    url = f"/oefensessies/{session_id}"
    assert trainer.form(f"{url}/beeindigen", {"bevestigd": "ja"}, page_url=url).status_code == 303
    assert "Deze sessie is afgelopen." in trainer.page(url)
    page = person.page("/oefenen/stap/1")
    assert "De oefensessie is afgelopen." in page
    response = answer(person, "disclosure", "ja", motivation="Na het einde")
    assert response.status_code == 409
    assert "Na het einde" in response.get_data(as_text=True)


def test_the_projector_and_the_live_page_refresh_without_javascript(app, trainer):
    session_id, _code = start(trainer, CASE)
    url = f"/oefensessies/{session_id}"
    for page in (trainer.page(url), trainer.page(f"{url}/projector")):
        assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in page
        assert "js/live.js" in page and "data-live=" in page
    paused = trainer.page(f"{url}?vernieuwen=uit")
    assert 'http-equiv="refresh"' not in paused and "data-live-paused" in paused
    assert 'class="projector"' in trainer.page(f"{url}/projector")


def test_the_qr_code_is_svg_made_here_without_style_or_script(app, trainer):
    session_id, code = start(trainer, CASE)
    response = trainer.get(f"/oefensessies/{session_id}/qr.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    svg = response.get_data(as_text=True)
    assert svg.startswith("<svg") and "style" not in svg and "<script" not in svg
    page = trainer.page(f"/oefensessies/{session_id}")
    assert f"/oefenen/?code={code}" in page and "qr.svg" in page
