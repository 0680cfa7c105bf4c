"""The kader in words: every label, list and citation the web, the dossier and the CLI show.

Written once, translated through the one catalogue (:mod:`meldcode.kader.i18n`), in the
language active where it is shown. Pure, like the rest of the core: no web framework.
"""

from meldcode.kader.words.cites import Cite
from meldcode.kader.words.cites import cite
from meldcode.kader.words.cites import cite_bron
from meldcode.kader.words.events import audit_text
from meldcode.kader.words.events import event_text
from meldcode.kader.words.events import logged_event
from meldcode.kader.words.events import subject_text
from meldcode.kader.words.labels import CASE_ROLES
from meldcode.kader.words.labels import OVERLEG_MET
from meldcode.kader.words.labels import ROLES
from meldcode.kader.words.labels import kader_version
from meldcode.kader.words.labels import norm_kind
from meldcode.kader.words.labels import overleg_met
from meldcode.kader.words.labels import role_label
from meldcode.kader.words.labels import status_label
from meldcode.kader.words.labels import tel
from meldcode.kader.words.labels import yes_no
from meldcode.kader.words.rules import ActionLine
from meldcode.kader.words.rules import Clause
from meldcode.kader.words.rules import Words
from meldcode.kader.words.time import LOCAL_TIME
from meldcode.kader.words.time import day
from meldcode.kader.words.time import moment

__all__ = [
    "CASE_ROLES",
    "LOCAL_TIME",
    "OVERLEG_MET",
    "ROLES",
    "ActionLine",
    "Cite",
    "Clause",
    "Words",
    "audit_text",
    "cite",
    "cite_bron",
    "day",
    "event_text",
    "kader_version",
    "logged_event",
    "moment",
    "norm_kind",
    "overleg_met",
    "role_label",
    "status_label",
    "subject_text",
    "tel",
    "yes_no",
]
