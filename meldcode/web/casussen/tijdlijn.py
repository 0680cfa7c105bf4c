"""/tijdlijn: the case's event log, who did what and when; never what was written.

Built from the event log, which holds no content (meldcode.kader.words says it in words).
A consulted colleague who has not finished their own weighing sees no entry about the
owner's weighing or outcome: which afweging was answered, a decision, a melding, help.
"""

from meldcode.kader.layout import step_questions
from meldcode.kader.words import Words
from meldcode.kader.words import event_text
from meldcode.kader.words import moment
from meldcode.kader.words import subject_text
from meldcode.kader.words.events import RECORD_KINDS
from meldcode.storage import cases
from meldcode.web.access import access
from meldcode.web.casework import kader_of
from meldcode.web.casework import open_case
from meldcode.web.casework import still_blind
from meldcode.web.casussen.stap_common import case_page
from meldcode.web.casussen.stap_common import colleagues
from meldcode.web.database import session
from meldcode.web.i18n import language
from meldcode.web.routes import Routes

routes = Routes()

# What a consulted colleague reads before finishing: the facts of stap 1 to 3 and the
# consultations. Every other record kind is the owner's weighing, decision or follow-up.
FACT_KINDS = {"signaal", "check", "overleg", "consultatie", "gesprek", "gesprek_overslaan"}


def _shown_to_blind(kader, action: str, subject: str) -> bool:
    """Tell whether an entry may be shown to a colleague still weighing on their own."""
    kind, _sep, _verb = action.rpartition("_")
    if kind == "antwoord":
        return subject in step_questions(kader, 1)  # stap 1 facts; never an afweging
    return kind not in RECORD_KINDS or kind in FACT_KINDS


@routes.get("/<case_id>/tijdlijn")
@access("case")
def tijdlijn(case_id: str):
    """Show the case's event log: who did what, when (never content)."""
    found = open_case(case_id)
    kader = kader_of(found)
    words = Words(kader.model, language())
    blind = still_blind(found)
    names = colleagues(found.case.organisation_id)
    entries = [
        {
            "when": moment(e.at),
            "who": names.get(e.actor_id, "—"),
            "what": event_text(e.action),
            "about": subject_text(e.action, e.subject, words, names),
        }
        for e in cases.events(session(), found.case)
        if not blind or _shown_to_blind(kader, e.action, e.subject)
    ]
    return case_page(found, "casussen/tijdlijn.html", entries=list(reversed(entries)))
