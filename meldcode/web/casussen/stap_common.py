"""Small helpers the pages of stap 1 to 3 share: a step of the kader, its done state, names."""

from flask import abort
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from meldcode.kader import ResolvedKader
from meldcode.kader.model import Step
from meldcode.storage import cases
from meldcode.storage.models import User
from meldcode.web.database import session

# Whom a consultation of stap 2 was with (the Overleg payload's codes), as the page says it.
MET = [
    ("collega", _l("Een collega")),
    ("aandachtsfunctionaris", _l("De aandachtsfunctionaris")),
    ("veilig_thuis", _l("Veilig Thuis (advies, kan anoniem)")),
    ("letselduiding", _l("Een deskundige letselduiding")),
    ("anders", _l("Iemand anders")),
]


def options(pairs) -> list[SelectChoice]:
    """Return (value, label) pairs as WTForms choices (plain tuples are deprecated there)."""
    return [SelectChoice(value, label) for value, label in pairs]


def step_of(kader: ResolvedKader, number: int) -> Step:
    """Return the kader's step with this number (the ids differ per step layout)."""
    for _sid, step in kader.model.ordered_steps():
        if step.number == number:
            return step
    abort(404)


def step_done(found: list[cases.RecordView], number: int) -> bool:
    """Tell whether the professional marked this step as done."""
    return any(r.kind == "stap_klaar" and r.key == str(number) and r.payload.klaar for r in found)


def by_date(found: list[cases.RecordView], kind: str) -> list[cases.RecordView]:
    """Return the records of a list kind by their date, then by when they were saved."""
    return sorted(
        (r for r in found if r.kind == kind), key=lambda r: (r.payload.datum, r.updated_at)
    )


def names(access: cases.Access, user_ids) -> dict[str, str]:
    """Return the display names of users of the case's organisation, by id."""
    ids = list(set(user_ids))
    if not ids:
        return {}
    rows = session().scalars(
        select(User).where(User.id.in_(ids), User.organisation_id == access.case.organisation_id)
    )
    return {u.id: u.name or u.email for u in rows}
