"""Contacts for a case page: the organisation's own people and numbers at each step.

For the case pages (stap 1, 2, 5 and the meldplicht route):
``contacts_for_case(case, 2)`` returns the contacts of the meldcode version the case
started under, and ``templates/eigen_meldcode/_contacts.html`` prints them
(``{% include "eigen_meldcode/_contacts.html" %}`` with ``contacts`` set).
"""

from meldcode.eigen_meldcode import contacts_for_step
from meldcode.eigen_meldcode.contacts import rol_label
from meldcode.kader.i18n import using
from meldcode.storage import eigen_meldcode as store
from meldcode.storage.models import Case
from meldcode.web.database import session
from meldcode.web.i18n import language


class CaseContacts(list):
    """The (role label, contact) pairs of a step, and whether they come from an own meldcode."""

    def __init__(self, pairs, own: bool):
        super().__init__(pairs)
        self.own = own


def contacts_for_case(case: Case, step: int | str) -> CaseContacts:
    """Return (role label, contact) for ``step`` (1–5 or "meldplicht") of a case, in order.

    Without an adopted meldcode when the case started, Veilig Thuis 0800-2000 alone, and
    ``own`` is False: the page must not say the number comes from "our meldcode".
    """
    row = store.for_case(session(), case)
    meldcode = store.content(row) if row is not None else None
    with using(language()):
        pairs = [(rol_label(c.soort), c) for c in contacts_for_step(meldcode, step)]
    return CaseContacts(pairs, own=meldcode is not None)
