"""Answering: the real wizard's questions step by step, and the engine's decision with its trace."""

from tests.training_web.helpers import answer
from tests.training_web.helpers import complete
from tests.training_web.helpers import join
from tests.training_web.helpers import model_chooser
from tests.training_web.helpers import start

STEP_1 = (("disclosure", "nee"), ("pleger_medewerker", "nee"), ("vormen", "kindermishandeling"))


def walk_model(person) -> None:
    """Answer the basisschool case as the model does, but 'nee' on veiligheid."""
    for qid, value in (
        ("disclosure", "ja"),
        ("pleger_medewerker", "nee"),
        ("vormen", "kindermishandeling"),
        ("vermoeden", "ja"),
        ("veiligheid", "nee"),
    ):
        response = answer(person, qid, value)
        assert response.status_code == 303, (qid, response.get_data(as_text=True)[:2000])


def test_facts_come_step_by_step_and_later_steps_wait(app, trainer):
    _sid, code = start(trainer, "basisschool-onthulling")
    person = join(app, code)
    first = person.page("/oefenen/stap/1")
    assert "Papa slaat me met zijn riem" in first
    assert "Jouw rol:" in first
    assert "Dit is een onthulling" not in first  # a fact of stap 2
    response = person.get("/oefenen/stap/4")
    assert response.status_code == 303 and response.headers["Location"] == "/oefenen/stap/1"
    assert person.get("/oefenen/uitkomst").status_code == 303


def test_an_afweging_needs_an_answer_and_a_motivation_and_keeps_the_text(app, trainer):
    _sid, code = start(trainer, "basisschool-onthulling")
    person = join(app, code)
    for qid, value in STEP_1:
        assert answer(person, qid, value).status_code == 303
    response = answer(person, "vermoeden", "", motivation="Mijn halve gedachte")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Kies ja of nee." in html and "Mijn halve gedachte" in html
    response = answer(person, "vermoeden", "ja", motivation="   ")
    assert response.status_code == 400
    assert "Schrijf op waarom je dit antwoord geeft." in response.get_data(as_text=True)


def test_a_question_the_case_does_not_ask_is_not_found(app, trainer):
    _sid, code = start(trainer, "basisschool-onthulling")
    person = join(app, code)
    assert person.get("/oefenen/vraag/bestaat_niet").status_code == 404


def test_a_question_not_yet_open_explains_itself(app, trainer):
    _sid, code = start(trainer, "basisschool-onthulling")
    person = join(app, code)
    response = person.get("/oefenen/vraag/resultaat")  # an afweging of stap 5, not reached
    assert response.status_code == 409
    assert "Deze vraag is nog niet aan de beurt" in response.get_data(as_text=True)


def test_the_decision_names_rule_kader_version_and_source(app, trainer):
    _sid, code = start(trainer, "basisschool-onthulling")
    person = join(app, code)
    walk_model(person)
    page = person.page("/oefenen/uitkomst")
    assert "onderwijs:veiligheid.ja" in page  # the rule that counts (the norm overruled nee)
    assert "Gewijzigd door de norm" in page
    assert "2019.1" in page and "Vingerafdruk (sha256)" in page
    assert "Bron:" in page and "/kaders/onderwijs/2019.1#" in page
    assert "Beslissing 1: is melden noodzakelijk?" in page
    assert "OEFENEN" in page


def test_a_norm_that_overrules_an_answer_is_shown_on_the_question(app, trainer):
    _sid, code = start(trainer, "basisschool-onthulling")
    person = join(app, code)
    walk_model(person)
    page = person.page("/oefenen/vraag/veiligheid")
    assert "Een norm gaat voor je antwoord." in page


def test_after_saving_the_next_question_of_the_step_follows(app, trainer):
    _sid, code = start(trainer, "basisschool-onthulling")
    person = join(app, code)
    for qid, value in STEP_1:
        answer(person, qid, value)
    response = answer(person, "vermoeden", "ja")
    assert response.headers["Location"] == "/oefenen/vraag/veiligheid"
    response = answer(person, "veiligheid", "nee")
    assert response.headers["Location"] == "/oefenen/stap/4#vraag-veiligheid"  # hulp: stap 5


def test_the_meldplicht_route_ends_the_exercise_without_afwegingen(app, trainer):
    _sid, code = start(trainer, "kinderopvang-medewerker")
    person = join(app, code)
    given = complete(person, model_chooser("kinderopvang-medewerker"))
    assert given["pleger_medewerker"] == "ja"
    assert not {"vermoeden", "veiligheid"} & set(given)
    page = person.page("/oefenen/uitkomst")
    assert "Route:" in page and "kinderopvang:route.meldplicht" in page


def test_every_shipped_case_can_be_completed_with_its_model_answers(app, trainer):
    from meldcode import paths

    for path in sorted(paths.OEFENCASUSSEN_DIR.glob("*.yaml")):
        _sid, code = start(trainer, path.stem)
        person = join(app, code)
        complete(person, model_chooser(path.stem))
        assert person.get("/oefenen/uitkomst").status_code == 200, path.stem


def test_an_expired_form_check_keeps_the_typed_text(app, trainer):
    _sid, code = start(trainer, "basisschool-onthulling")
    person = join(app, code)
    person.page("/oefenen/vraag/disclosure")
    response = person.client.post(
        "/oefenen/vraag/disclosure",
        data={"csrf_token": "verlopen", "disclosure": "ja", "motivatie": "Wat L. letterlijk zei"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "beveiligingscontrole van het formulier was verlopen" in html
    assert "Wat L. letterlijk zei" in html
