"""The bugs that broke a class: ghost participants, abandoned paths, spoiled questions, 404s."""

import re

from meldcode.storage import training as store
from tests.training_web.helpers import answer
from tests.training_web.helpers import complete
from tests.training_web.helpers import counts
from tests.training_web.helpers import join
from tests.training_web.helpers import model_chooser
from tests.training_web.helpers import start
from tests.training_web.helpers import status

ONTHULLING = "basisschool-onthulling"
WEGGENOMEN = "kinderopvang-vermoeden-weggenomen"


def _people(app, session_id: str) -> int:
    """Return how many participants the session has in the database."""
    with app.extensions["meldcode_db"].reader() as s:
        return len(store.class_answers(s, session_id)[0])


def test_a_rescan_continues_the_same_participant(app, trainer):
    session_id, code = start(trainer, ONTHULLING)
    person = join(app, code)
    answer(person, "disclosure", "ja")
    rescan = person.get(f"/oefenen/?code={code}")  # the QR code again
    assert rescan.status_code == 303 and "/oefenen/stap/1" in rescan.headers["Location"]
    again = person.form("/oefenen/", {"code": code, "naam": ""})  # and the button anyway
    assert again.status_code == 303
    assert _people(app, session_id) == 1
    assert "Ja" in person.page("/oefenen/stap/1")  # their answer is still theirs
    page = trainer.page(f"/oefensessies/{session_id}")
    assert status(page) == (1, 0, 1)


def test_joining_another_session_asks_first(app, trainer):
    _first, code = start(trainer, ONTHULLING)
    second_id, other = start(trainer, WEGGENOMEN)
    person = join(app, code)
    refused = person.form("/oefenen/", {"code": other, "naam": ""})
    assert refused.status_code == 400
    assert "Vink aan dat je wilt overstappen" in refused.get_data(as_text=True)
    assert _people(app, second_id) == 0
    moved = person.form("/oefenen/", {"code": other, "naam": "", "overstappen": "y"})
    assert moved.status_code == 303 and _people(app, second_id) == 1


def test_the_trainer_removes_a_participant(app, trainer):
    session_id, code = start(trainer, ONTHULLING)
    person, ghost = join(app, code), join(app, code)
    answer(ghost, "disclosure", "nee")
    page = trainer.page(f"/oefensessies/{session_id}")
    ids = re.findall(r'name="deelnemer" value="(\w+)"', page)
    assert len(ids) == 2 and status(page) == (2, 0, 2)
    url = f"/oefensessies/{session_id}"
    removed = trainer.form(f"{url}/deelnemer-weg", {"deelnemer": ids[1]}, page_url=url)
    assert removed.status_code == 303
    assert status(trainer.page(url)) == (1, 0, 1)
    assert ghost.get("/oefenen/stap/1").status_code == 401  # asked to join again
    assert person.get("/oefenen/stap/1").status_code == 200
    other = trainer.form(f"{url}/deelnemer-weg", {"deelnemer": "nietbestaand"}, page_url=url)
    assert other.status_code == 404


def test_answers_off_the_path_do_not_count(app, trainer):
    session_id, code = start(trainer, WEGGENOMEN)
    person = join(app, code)
    for qid, value in (("vormen", "kindermishandeling"), ("pleger_medewerker", "nee")):
        answer(person, qid, value)
    answer(person, "vermoeden", "ja")
    answer(person, "veiligheid", "ja")
    answer(person, "vermoeden", "nee")  # changed after the talk: the path ends here
    step = person.page("/oefenen/stap/4")
    assert "niet meer op je pad" in step and "Je antwoord telt niet mee." in step
    outcome = person.page("/oefenen/uitkomst")
    assert "niet meer op je pad" in outcome
    page = trainer.page(f"/oefensessies/{session_id}")
    assert ("veiligheid", "ja") not in counts(page)  # not counted in the class
    assert status(page) == (1, 1, 0)
    assert 'data-model="ja">1<' in page  # the model decision: close and record
    explained = person.get("/oefenen/vraag/veiligheid")
    assert explained.status_code == 409
    assert "hoort niet meer bij je weg" in explained.get_data(as_text=True)


def test_norm_and_source_show_only_after_the_answer(app, trainer):
    session_id, code = start(trainer, ONTHULLING)
    person = join(app, code)
    answer(person, "disclosure", "ja")
    answer(person, "vormen", "kindermishandeling")
    answer(person, "pleger_medewerker", "nee")
    before = person.page("/oefenen/vraag/veiligheid")
    assert "Een norm gaat voor je antwoord." not in before
    assert "zie je nadat je je antwoord hebt opgeslagen" in before
    assert "Telt als" not in person.page("/oefenen/stap/4")
    answer(person, "vermoeden", "ja")
    answer(person, "veiligheid", "nee")
    after = person.page("/oefenen/vraag/veiligheid")
    assert "Een norm gaat voor je antwoord." in after


def test_a_revealed_question_shows_its_norm_before_answering(app, trainer):
    session_id, code = start(trainer, ONTHULLING)
    person = join(app, code)
    complete(person, model_chooser(ONTHULLING))
    other = join(app, code)
    for qid, value in (("disclosure", "ja"), ("vormen", "kindermishandeling")):
        answer(other, qid, value)
    answer(other, "pleger_medewerker", "nee")
    answer(other, "vermoeden", "ja")
    url = f"/oefensessies/{session_id}"
    trainer.form(f"{url}/tonen", {"item": "veiligheid"}, page_url=url)
    assert "Een norm gaat voor je antwoord." in other.page("/oefenen/vraag/veiligheid")
