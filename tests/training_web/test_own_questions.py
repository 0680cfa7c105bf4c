"""A case's own questions in stap 2 and 3: asked, counted, revealed like the kader's."""

from tests.training_web.helpers import answer
from tests.training_web.helpers import complete
from tests.training_web.helpers import counts
from tests.training_web.helpers import join
from tests.training_web.helpers import model_chooser
from tests.training_web.helpers import start

CASE = "vo-sexting-grooming"


def test_own_questions_are_asked_counted_and_revealed(app, trainer):
    session_id, code = start(trainer, CASE)
    person = join(app, code)
    for qid, value in (
        ("vormen", "seksueel_misbruik"),
        ("pleger_medewerker", "nee"),
        ("seksueel_misbruik_recent", "nee"),
        ("disclosure", "nee"),
    ):
        assert answer(person, qid, value).status_code == 303
    step = person.page("/oefenen/stap/2")
    assert "Stap 2: met wie overleg je eerst?" in step and "Beantwoorden" in step
    assert person.get("/oefenen/vraag/vermoeden").status_code == 409  # stap 2 comes first
    page = person.page("/oefenen/vraag/overleg_eerst")
    assert "Met de aandachtsfunctionaris van de school" in page
    assert answer(person, "overleg_eerst", "moeder").status_code == 303
    response = person.form(
        "/oefenen/vraag/gesprek_niet_zeggen",
        {"gesprek_niet_zeggen": ["waarom_foto", "geheim"], "motivatie": "Geen schuld."},
    )
    assert response.status_code == 303
    assert answer(person, "overleg_eerst", "politie2").status_code == 400  # not an option
    url = f"/oefensessies/{session_id}"
    live = trainer.page(url)
    shown = counts(live)
    assert shown[("overleg_eerst", "moeder")] == 1
    assert shown[("gesprek_niet_zeggen", "geheim")] == 1
    assert "Stap 2: met wie overleg je eerst?" in live
    reasoning = "In stap 2 overleg je met een deskundige collega"
    assert reasoning not in person.page("/oefenen/vraag/overleg_eerst")
    trainer.form(f"{url}/tonen", {"item": "overleg_eerst"}, page_url=url)
    assert reasoning in person.page("/oefenen/vraag/overleg_eerst")
    assert reasoning in trainer.page(f"{url}/projector?vraag=overleg_eerst")
    complete(person, model_chooser(CASE))
    assert "Uitkomst" in person.page("/oefenen/uitkomst")
    csv = trainer.get(f"{url}/antwoorden.csv").get_data(as_text=True)
    assert "1,2,overleg_eerst,moeder,moeder,ja" in csv
