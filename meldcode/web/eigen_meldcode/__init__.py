"""The organisation's own meldcode on the web: the beheerder's pages and 'Onze meldcode'.

``/meldcode`` (every member): the version in force, as a page and as PDF or DOCX.
``/meldcode/beheer`` (beheerder): fill in the concept part by part, see what art. 2 still
misses, adopt it as a new version, view old versions, export and import the YAML file.
"""

from flask import Blueprint
from flask import Flask

bp = Blueprint("eigen_meldcode", __name__, url_prefix="/meldcode")


def register(app: Flask) -> None:
    """Add the pages of the organisation's own meldcode to the app."""
    from meldcode.web.eigen_meldcode import adopt  # noqa: F401 - the modules add their routes
    from meldcode.web.eigen_meldcode import documents  # noqa: F401
    from meldcode.web.eigen_meldcode import editor  # noqa: F401
    from meldcode.web.eigen_meldcode import transfer  # noqa: F401

    app.register_blueprint(bp)
