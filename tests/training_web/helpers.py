"""Helpers for the training tests: a trainer who starts a session, participants who join."""

import re

from tests.web.wizard import Visitor

CODE = re.compile(r'class="training-code">([A-Z0-9 ]+)<')
COUNT = re.compile(r'data-vraag="(\w+)" data-antwoord="(\w+)">(\d+)<')
STATUS = re.compile(r'data-deelnemers="(\d+)" data-klaar="(\d+)" data-bezig="(\d+)"')


def start(trainer: Visitor, case_id: str) -> tuple[str, str]:
    """Start a session on a case as the trainer; return its id and its join code."""
    response = trainer.form("/oefensessies/", {"casus": case_id})
    assert response.status_code == 303, response.get_data(as_text=True)[:3000]
    session_id = response.headers["Location"].rstrip("/").rsplit("/", 1)[-1]
    page = trainer.page(f"/oefensessies/{session_id}")
    return session_id, CODE.search(page).group(1).replace(" ", "")


def join(app, code: str, name: str = "") -> Visitor:
    """Return a new participant (own browser) who joined with ``code``."""
    person = Visitor(app)
    response = person.form("/oefenen/", {"code": code, "naam": name})
    assert response.status_code == 303, response.get_data(as_text=True)[:3000]
    return person


def answer(person: Visitor, qid: str, value, motivation: str = "Zo weeg ik het."):
    """Answer one question as a participant; return the response of the post."""
    return person.form(f"/oefenen/vraag/{qid}", {qid: value, "motivatie": motivation})


def counts(html: str) -> dict[tuple[str, str], int]:
    """Return the counts the trainer view shows: (question, answer) -> number."""
    return {(q, a): int(n) for q, a, n in COUNT.findall(html)}


def status(html: str) -> tuple[int, int, int]:
    """Return (participants, done, busy) from the trainer view."""
    return tuple(int(x) for x in STATUS.search(html).groups())


TODO = re.compile(r'href="/oefenen/vraag/(\w+)">Beantwoorden')


def complete(person: Visitor, choose) -> dict:
    """Answer every question the exercise asks, ``choose(qid)`` giving each answer."""
    given = {}
    for _ in range(30):
        response = person.get("/oefenen/stap/5")
        if response.status_code == 303:
            response = person.get(response.headers["Location"])
        todo = TODO.findall(response.get_data(as_text=True))
        if not todo:
            return given
        given[todo[0]] = choose(todo[0])
        assert answer(person, todo[0], given[todo[0]]).status_code == 303
    raise AssertionError("the exercise did not end")


def model_chooser(case_id: str, departures: dict | None = None):
    """Return a chooser that gives the model answer (else 'nee'), or a departure."""
    from meldcode import paths
    from meldcode.training.library import load_case

    case = load_case(paths.OEFENCASUSSEN_DIR / f"{case_id}.yaml").case
    models = case.answers() | {q.id: q.model.answer for q in case.step_questions}
    chosen = {**models, **(departures or {})}

    def choose(qid):
        value = chosen.get(qid, "nee")
        return value[0] if isinstance(value, list) else value

    return choose
