"""Helpers for the stap 4–5 tests: answers stored directly, a shared case, stored records.

Questions of stap 1 (disclosure, pleger_medewerker …) have their own pages; these tests put
such answers in the database directly, so they test the decision pages and nothing else.
"""

from meldcode.casus.records import Antwoord
from meldcode.storage import cases
from meldcode.storage.models import User
from tests.web.wizard import Visitor

FULL_PATH = {
    "vermoeden": "ja",
    "veiligheid": "nee",
    "hulp": "ja",
    "acceptatie": "ja",
    "resultaat": "ja",
}


def db(app):
    """Return the app's database."""
    return app.extensions["meldcode_db"]


def put_answers(app, case_id: str, user_id: str, **answers) -> None:
    """Store answers of a case directly, as the stap 1 pages would."""

    def work(s):
        user = s.get(User, user_id)
        found = cases.get_case_for_user(s, case_id, user)
        for qid, value in answers.items():
            existing = cases.get_record(s, found.case, "antwoord", qid)
            cases.save_record(
                s,
                db(app).cipher,
                found.case,
                user,
                "antwoord",
                qid,
                Antwoord(antwoord=value, motivatie=f"motivering {qid}"),
                existing.version if existing else None,
            )

    db(app).run_write(work)


def answer(visitor, case_id: str, qid: str, value: str, motivatie: str = "zo gewogen"):
    """Answer an afweging through its page; return the response."""
    return visitor.form(f"/casussen/{case_id}/afweging/{qid}", {qid: value, "motivatie": motivatie})


def answer_all(visitor, case_id: str, answers: dict) -> None:
    """Answer several afwegingen through their pages, each must be saved."""
    for qid, value in answers.items():
        response = answer(visitor, case_id, qid, value)
        assert response.status_code == 303, response.get_data(as_text=True)[:3000]


def stored(app, case_id: str, kind: str) -> list:
    """Return the case's records of one kind, decrypted, straight from the database."""
    with db(app).reader() as s:
        from meldcode.storage.models import Case

        case = s.get(Case, case_id)
        return cases.records(s, db(app).cipher, case, kind) if case else []


def shared_colleague(app, people, case_id: str) -> Visitor:
    """Share the case with the colleague and return them signed in."""

    def work(s):
        owner = s.get(User, people.owner)
        found = cases.get_case_for_user(s, case_id, owner)
        cases.share_case(s, found.case, owner, s.get(User, people.colleague))

    db(app).run_write(work)
    colleague = Visitor(app)
    assert colleague.login("colleague").status_code == 303
    return colleague
