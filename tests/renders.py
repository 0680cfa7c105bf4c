"""The worker's part in web tests: run what the app put in its queue, in this process.

The pages only enqueue; ``meldcode worker`` prints. Tests of the pages take the worker's
place with :func:`work_queue`: it takes each task from the app's real queue store and runs
it as the consumer would (the render job's slot, child process and limits included).
tests/jobs and the browser test run the real ``meldcode worker`` process instead.
"""

QUEUE_KEY = "meldcode_jobs"


def work_queue(app, most: int = 50) -> int:
    """Run the tasks waiting in ``app``'s queue (at most ``most``); return how many ran."""
    huey = app.extensions[QUEUE_KEY].huey
    ran = 0
    while ran < most:
        task = huey.dequeue()
        if task is None:
            break
        huey.execute(task)
        ran += 1
    return ran


def render_rows(app) -> list:
    """Return (kind, status, failure) of every render row, oldest first."""
    from sqlalchemy import select

    from meldcode.storage.background import RenderJob

    with app.extensions["meldcode_db"].reader() as s:
        rows = s.scalars(select(RenderJob).order_by(RenderJob.created_at))
        return [(row.kind, row.status, row.failure) for row in rows]


def fetch_pdf(app, visitor, url: str, most: int = 5):
    """GET ``url`` until the PDF comes, running the queue between tries; return the response.

    The first answer must be the waiting page (202): no page prints in its request.
    """
    first = visitor.get(url)
    assert first.status_code == 202, (first.status_code, first.get_data(as_text=True)[:400])
    assert first.headers["Retry-After"]
    for _ in range(most):
        work_queue(app)
        response = visitor.get(url)
        if response.status_code != 202:
            return response
    raise AssertionError("the PDF never came")
