"""The links a mail may hold: addresses of pages, with an opaque id and nothing else.

The worker has no Flask to build URLs, so the paths are written here; a test checks that
each one is a route of the app, so a moved page cannot leave mails pointing nowhere.
"""

CASE = "/casussen/{case_id}"
EVALUATION = "/casussen/{case_id}/evaluatie"


def case_link(base_url: str, case_id: str) -> str:
    """Return the link to a case's overview (the reader must sign in)."""
    return base_url.rstrip("/") + CASE.format(case_id=case_id)


def evaluation_link(base_url: str, case_id: str) -> str:
    """Return the link to a case's evaluation page."""
    return base_url.rstrip("/") + EVALUATION.format(case_id=case_id)
