"""Helpers every case page uses: the scoped accessor, saving, and the case's decision.

All case lookups in the web app go through :func:`open_case` (reading) or
:func:`save_case` (writing); both call the one scoped accessor in meldcode.storage.cases.
An id the user may not see answers 404, and the attempt is audited.
"""

from flask import abort
from flask import g
from flask import make_response
from flask import render_template
from flask import request

from meldcode.kader import Decision
from meldcode.kader import ResolvedKader
from meldcode.kader import evaluate
from meldcode.kader.answers import counted
from meldcode.storage import cases
from meldcode.web.auditing import audit_now
from meldcode.web.auditing import audit_view
from meldcode.web.database import database
from meldcode.web.database import session
from meldcode.web.database import write
from meldcode.web.registry import registry


def open_case(case_id: str, owner_only: bool = False) -> cases.Access:
    """Return the case for the signed-in user, or answer 404 (and audit the refusal)."""
    try:
        access = cases.get_case_for_user(session(), case_id, g.user)
    except cases.CaseNotFound:
        audit_now("denied", "case", case_id[:64], "denied")
        abort(404)
    if owner_only and not access.is_owner:
        audit_now("denied", "case", case_id, "denied")
        abort(403)
    if request.method == "GET":
        audit_view(access.case.id)
    g.setdefault("checked_cases", {})[case_id] = access
    return access


def save_case(case_id: str, work, owner_only: bool = True):
    """Run ``work(session, access, user)`` in one write transaction on the case.

    Access is checked once per request: by :func:`open_case`, whose result the transaction
    only confirms (the case still there, a colleague's share not revoked meanwhile); a page
    that did not open the case gets the full scoped check inside the transaction.
    Raises SaveFailed when the database cannot take the write; Conflict passes through.
    """
    checked = g.get("checked_cases", {}).get(case_id)

    def run(s):
        # The signed-in user as loaded for this request: only its id and organisation are
        # used, and whether it may reach the case is settled inside this transaction.
        """Confirm (or check) access inside the transaction, then run the work."""
        user = g.user
        if checked is not None:
            access = cases.confirm_access(s, checked, user)
        else:
            try:
                access = cases.get_case_for_user(s, case_id, user)
            except cases.CaseNotFound:
                access = None
        if access is None or (owner_only and not access.is_owner):
            return None
        return ("ok", work(s, access, user))

    outcome = write(run)
    if outcome is None:
        audit_now("denied", "case", case_id[:64], "denied")  # refused like open_case refuses
        abort(404)
    return outcome[1]


def still_blind(access: cases.Access) -> bool:
    """Tell whether this is a consulted colleague who has not finished their own weighing."""
    if access.is_owner:
        return False
    return not any(r.key == g.user.id and r.payload.klaar for r in records(access, "consultatie"))


def hold_back_weighing(access: cases.Access) -> None:
    """Keep the owner's afwegingen from a consulted colleague until their own are done."""
    if still_blind(access):
        # Seeing the owner's answers first would anchor the colleague: the two judgements
        # are only worth comparing when they were made independently.
        page = render_template(
            "casussen/consult_first.html",
            access=access,
            label=label(access),
            kader=kader_of(access),
        )
        abort(make_response(page, 403))


def kader_of(access: cases.Access) -> ResolvedKader:
    """Return the kader version the case was created with."""
    return registry().get(access.case.kader_id, access.case.kader_version)


def records(access: cases.Access, kind: str | None = None) -> list[cases.RecordView]:
    """Return the case's decrypted records (of one kind)."""
    return cases.records(session(), database().cipher, access.case, kind)


def answers_of(found: list[cases.RecordView]) -> dict:
    """Return the answers in the decision-contract vocabulary."""
    return {
        r.key: r.payload.antwoord
        for r in found
        if r.kind == "antwoord" and r.payload.antwoord is not None
    }


def decision_of(access: cases.Access, found: list[cases.RecordView] | None = None) -> Decision:
    """Return what the case's kader concludes from the answers so far."""
    found = found if found is not None else records(access, "antwoord")
    kader = kader_of(access)
    return evaluate(kader, counted(kader, answers_of(found)))


def label(access: cases.Access) -> str:
    """Return the case's pseudonymous label."""
    return cases.label_of(database().cipher, access.case)
