"""The organisation's own meldcode on the web: the beheerder's pages and 'Onze meldcode'.

One blueprint, ``eigen_meldcode``, under ``/meldcode`` (the URL the members see; the
package is named after what it holds, as ``meldcode`` is the whole application's name),
over one module per page; templates are in ``templates/eigen_meldcode/``.

- ``/meldcode`` (every member): the version in force, as a page and as PDF or DOCX.
- ``/meldcode/beheer`` (beheerder): fill in the concept part by part, see what art. 2
  still misses, adopt it as a new version, view old versions, export and import the file.
"""

from flask import Blueprint
from flask import Flask

from meldcode.web.eigen_meldcode import beheer
from meldcode.web.eigen_meldcode import concept
from meldcode.web.eigen_meldcode import deel
from meldcode.web.eigen_meldcode import importeren
from meldcode.web.eigen_meldcode import vaststellen
from meldcode.web.eigen_meldcode import versies
from meldcode.web.eigen_meldcode.contacts import contacts_for_case

PAGES = (versies, beheer, deel, vaststellen, concept, importeren)


def register(app: Flask) -> None:
    """Add the pages of the organisation's own meldcode to the app, under /meldcode."""
    blueprint = Blueprint("eigen_meldcode", __name__, url_prefix="/meldcode")
    for page in PAGES:
        page.routes.register(blueprint)
    app.register_blueprint(blueprint)
    # The case pages show these contacts at the point of need (areas import nothing of
    # each other, so the pages reach them as a template global).
    app.add_template_global(contacts_for_case, "case_contacts")
