"""/kaders: the read-only kader browser, every version, each one shown rule by rule.

A trainer or sector expert checks the encoding against their own document here, so the
detail page shows every rule with its source and marks what is not confirmed.
"""

from flask import abort
from flask import render_template

from meldcode.kader import ResolvedKader
from meldcode.kader import UnknownKader
from meldcode.kader.words import Words
from meldcode.web.access import access
from meldcode.web.i18n import language
from meldcode.web.kaders.diagram import flow_svg
from meldcode.web.registry import registry
from meldcode.web.routes import Routes

routes = Routes()


@routes.get("")
@access("public")
def index():
    """List every version of every kader."""
    return render_template("kaders/index.html", kaders=registry().all())


@routes.get("/<kader_id>")
@access("public")
def newest(kader_id: str):
    """Show the newest version of a kader."""
    return _detail(_find(kader_id, None))


@routes.get("/<kader_id>/<versie>")
@access("public")
def version(kader_id: str, versie: str):
    """Show one version of a kader."""
    return _detail(_find(kader_id, versie))


def _find(kader_id: str, versie: str | None) -> ResolvedKader:
    """Return the kader asked for, or answer 404."""
    try:
        return registry().get(kader_id, versie)
    except UnknownKader:
        abort(404)


def _detail(kader: ResolvedKader):
    """Render the full page of one kader version."""
    lang = language()
    return render_template(
        "kaders/detail.html",
        kader=kader,
        m=kader.model,
        versions=registry().versions(kader.id),
        words=Words(kader.model, lang),
        diagram=flow_svg(kader, lang),
    )
