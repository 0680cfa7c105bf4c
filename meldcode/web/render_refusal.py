"""The page for a dossier or training PDF that cannot be made within the render limits.

Shared by the case dossier and the training PDFs (meldcode.dossier.limit decides; this only
says so): too large a case is refused before rendering; a render that ran out of time or
memory was stopped so the other users kept their pages.
"""

from flask import Response
from flask import current_app
from flask import render_template

from meldcode.dossier.bounded import TooLarge


def too_large(problem: TooLarge) -> Response:
    """Return the explanation page (422: trying again at once will not help), never cached."""
    page = render_template(
        "errors/render_too_large.html",
        reason=problem.reason,
        seconds=int(problem.seconds or current_app.config.get("PDF_SECONDS", 90)),
    )
    return Response(page, 422, headers={"Cache-Control": "no-store"})
