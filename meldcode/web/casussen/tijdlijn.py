"""/tijdlijn: the case's event log, who did what and when; never what was written.

Built from the event log, which holds no content (meldcode.kader.words says it in words).
"""

from meldcode.kader.words import Words
from meldcode.kader.words import event_text
from meldcode.kader.words import moment
from meldcode.kader.words import subject_text
from meldcode.storage import cases
from meldcode.web.access import access
from meldcode.web.casework import kader_of
from meldcode.web.casework import open_case
from meldcode.web.casussen.stap_common import case_page
from meldcode.web.casussen.stap_common import colleagues
from meldcode.web.database import session
from meldcode.web.i18n import language
from meldcode.web.routes import Routes

routes = Routes()


@routes.get("/<case_id>/tijdlijn")
@access("case")
def tijdlijn(case_id: str):
    """Show the case's event log: who did what, when (never content)."""
    found = open_case(case_id)
    words = Words(kader_of(found).model, language())
    names = colleagues(found.case.organisation_id)
    entries = [
        {
            "when": moment(e.at),
            "who": names.get(e.actor_id, "—"),
            "what": event_text(e.action),
            "about": subject_text(e.action, e.subject, words, names),
        }
        for e in cases.events(session(), found.case)
    ]
    return case_page(found, "casussen/tijdlijn.html", entries=list(reversed(entries)))
