"""Training PDFs: our own template, made into HTML here and printed by the background worker.

The template is rendered with the dossier's Jinja environment and stylesheet (the process's
renderer, HTML only); the worker prints it with the dossier's fonts. Asking, waiting,
retrying and serving are the app's one way of printing (meldcode.web.printing): a document
that is the same for everyone who asks (the class report in one state) is printed once and
served from the worker's copy until it changes.
"""

from flask import Response

from meldcode.dossier.cover import page_words
from meldcode.dossier.render import CSS_FILE
from meldcode.web.i18n import language
from meldcode.web.printing import answer
from meldcode.web.printing import ask_page
from meldcode.web.printing import renderer


def pdf_response(template: str, filename: str, view, kind: str, subject_id: str, on_serve=None):
    """Answer a training PDF URL: the PDF (``on_serve`` runs first), or a page meanwhile."""
    html = (
        renderer()
        .env.get_template(template)
        .render(v=view, stylesheet=CSS_FILE, page_words=page_words())
    )

    def serve(pdf: bytes) -> Response:
        """Hand out the PDF, shown in the browser."""
        if on_serve is not None:
            on_serve()
        return Response(
            pdf,
            mimetype="application/pdf",
            headers={
                "Content-Disposition": f'inline; filename="{filename}"',
                "Cache-Control": "no-store",
            },
        )

    return answer(
        lambda: ask_page(kind, subject_id, html, language()), serve, "oefenen/wachten.html"
    )
