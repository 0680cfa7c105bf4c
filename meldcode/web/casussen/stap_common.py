"""What the case pages share: a step of the kader, its done state, names, the name plate."""

from flask import abort
from flask import render_template
from sqlalchemy import select

from meldcode.kader import ResolvedKader
from meldcode.kader import layout
from meldcode.kader.model import Step
from meldcode.kader.words import Words
from meldcode.storage import cases
from meldcode.storage import closing
from meldcode.storage.colleagues import members as colleagues_of
from meldcode.storage.models import User
from meldcode.web.casework import kader_of
from meldcode.web.casework import label
from meldcode.web.database import session
from meldcode.web.i18n import language


def step_of(kader: ResolvedKader, number: int) -> Step:
    """Return the kader's step with this number, or answer 404."""
    step = layout.step_of(kader, number)
    if step is None:
        abort(404)
    return step


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


def colleagues(organisation_id: str) -> dict[str, str]:
    """Return the names of the organisation's accounts by id (the address when unnamed)."""
    rows = colleagues_of(session(), organisation_id)
    return {u.id: u.name or u.email for u in rows}


def case_page(found: cases.Access, template: str, **context):
    """Render a page of the case with its name plate: label, kader and their words."""
    kader = kader_of(found)
    return render_template(
        template,
        access=found,
        label=label(found),
        kader=kader,
        words=Words(kader.model, language()),
        **context,
    )


def settings_page(found: cases.Access, template: str, status: int = 200, **context):
    """Render a page of the case's settings, with the date the case will be deleted."""
    return render_template(
        template,
        access=found,
        label=label(found),
        kader=kader_of(found),
        deletes_on=closing.deletion_date(session(), found.case),
        **context,
    ), status
