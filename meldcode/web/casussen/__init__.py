"""The case wizard: the case list, the task list of the five steps, and each step's pages.

One blueprint, ``cases``, split over modules by what they own. Every view is marked
``case`` and reaches cases only through meldcode.web.casework.
"""

from flask import Blueprint

bp = Blueprint("cases", __name__, url_prefix="/casussen")

# The modules add their routes to bp when imported.
from meldcode.web.casus import afronden  # noqa: E402,F401
from meldcode.web.casus import afweging  # noqa: E402,F401
from meldcode.web.casus import beslissen  # noqa: E402,F401
from meldcode.web.casus import casusbeheer  # noqa: E402,F401
from meldcode.web.casus import dossier  # noqa: E402,F401
from meldcode.web.casus import informeren  # noqa: E402,F401
from meldcode.web.casus import listing  # noqa: E402,F401
from meldcode.web.casus import meldplicht  # noqa: E402,F401
from meldcode.web.casus import nazorg  # noqa: E402,F401
from meldcode.web.casus import overview  # noqa: E402,F401
from meldcode.web.casus import sluiten  # noqa: E402,F401
from meldcode.web.casus import stap1_checks  # noqa: E402,F401
from meldcode.web.casus import stap1_kenmerken  # noqa: E402,F401
from meldcode.web.casus import stap1_signalen  # noqa: E402,F401
from meldcode.web.casus import stap2_consultatie  # noqa: E402,F401
from meldcode.web.casus import stap2_delen  # noqa: E402,F401
from meldcode.web.casus import stap2_overleg  # noqa: E402,F401
from meldcode.web.casus import stap2_vergelijking  # noqa: E402,F401
from meldcode.web.casus import stap3_gesprek  # noqa: E402,F401
from meldcode.web.casus import wegen  # noqa: E402,F401
