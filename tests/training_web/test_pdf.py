"""The class report and a participant's PDF: watermarked, no names, printed by the worker."""

import shutil
import subprocess

import pytest

from tests.renders import fetch_pdf
from tests.renders import work_queue
from tests.training_web.helpers import complete
from tests.training_web.helpers import join
from tests.training_web.helpers import model_chooser
from tests.training_web.helpers import start

CASE = "basisschool-onthulling"


def text_of(pdf: bytes) -> str:
    """Return the text of a PDF (pdftotext, from poppler-utils)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode()


def test_the_class_report_has_counts_model_answers_and_notes_but_no_names(app, trainer):
    session_id, code = start(trainer, CASE)
    complete(join(app, code, name="Zoë"), model_chooser(CASE))
    complete(join(app, code, name="Bram"), model_chooser(CASE, {"veiligheid": "nee"}))
    response = fetch_pdf(app, trainer, f"/oefensessies/{session_id}/klasverslag.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = " ".join(text_of(response.data).split())
    assert "OEFENEN – Klasverslag" in text
    assert text.count("OEFENEN") >= 3  # on every page
    assert "Afweging 2: Veiligheid" in text
    assert "1 van 2 wijken af van het modelantwoord." in text
    assert "Modelbeslissing:" in text and "Gesprekspunten" in text and "Valkuilen" in text
    assert "Zoë" not in text and "Bram" not in text
    assert "Zo weeg ik het." not in text  # motivations stay with their writer


def test_a_participant_prints_their_own_exercise(app, trainer):
    _sid, code = start(trainer, CASE)
    person = join(app, code, name="Zoë")
    complete(person, model_chooser(CASE))
    response = fetch_pdf(app, person, "/oefenen/uitkomst.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = " ".join(text_of(response.data).split())
    assert "OEFENEN – Mijn oefening" in text
    assert "Zo weeg ik het." in text
    assert "onderwijs:veiligheid.ja" in text and "2019.1" in text
    assert "Zoë" not in text


def test_the_worker_makes_the_pdf_while_a_waiting_page_tries_again(app, trainer):
    session_id, code = start(trainer, CASE)
    person = join(app, code)
    complete(person, model_chooser(CASE))
    response = person.get("/oefenen/uitkomst.pdf")
    html = response.get_data(as_text=True)
    assert response.status_code == 202 and response.headers["Retry-After"] == "3"
    assert "De pdf wordt gemaakt" in html and "OEFENEN" in html
    assert '<meta http-equiv="refresh" content="3;url=/oefenen/uitkomst.pdf?gewacht=1">' in html
    assert 'href="/oefenen/uitkomst.pdf?vanzelf=nee&amp;gewacht=1"' in html
    assert person.get("/oefenen/uitkomst.pdf").status_code == 202  # the same render
    assert work_queue(app) == 1
    ready = person.get("/oefenen/uitkomst.pdf?gewacht=1").get_data(as_text=True)
    assert "De pdf is klaar" in ready
    assert '<meta http-equiv="refresh" content="0;url=/oefenen/uitkomst.pdf">' in ready
    assert person.get("/oefenen/uitkomst.pdf").mimetype == "application/pdf"
    # The class report is the same for every request while the class stands still.
    url = f"/oefensessies/{session_id}/klasverslag.pdf"
    assert trainer.get(url).status_code == 202 and work_queue(app) == 1
    assert trainer.get(url).mimetype == "application/pdf"
    assert trainer.get(url).mimetype == "application/pdf" and work_queue(app) == 0
