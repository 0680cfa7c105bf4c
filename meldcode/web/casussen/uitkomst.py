"""The kader's outcome as case pages show it: steps, actions, the saved decision's snapshot.

Stap 4 and 5, the afwegingen, the decision page and the meldplicht route all read the
engine's decision through these helpers, so they agree on what the kader says.
"""

from dataclasses import dataclass

from flask import g

from meldcode.kader import Decision
from meldcode.kader import ResolvedKader
from meldcode.kader.model import Step
from meldcode.storage import cases
from meldcode.web.casework import decision_of
from meldcode.web.database import database


@dataclass(frozen=True)
class ActionView:
    """An action of the outcome with its words and the number to call."""

    id: str
    label: str
    text: str
    contact: str
    phone: str | None


def step_of(kader: ResolvedKader, number: int) -> Step:
    """Return the kader's step with this number."""
    return next(step for _sid, step in kader.model.ordered_steps() if step.number == number)


def placed_in(kader: ResolvedKader) -> dict[str, int]:
    """Return for each afweging the number of the step it is answered in."""
    return {
        qid: step.number for _sid, step in kader.model.ordered_steps() for qid in step.afwegingen
    }


def fresh_decision(case_id: str) -> Decision:
    """Return the decision as stored right now.

    The request's reading session holds the snapshot it started with, so a page that just
    saved an answer reads again in a session of its own.
    """
    with database().reader() as reader:
        access = cases.get_case_for_user(reader, case_id, g.user)
        found = cases.records(reader, database().cipher, access.case, "antwoord")
        return decision_of(access, found)


def actions(kader: ResolvedKader, ids: list[str], language: str) -> list[ActionView]:
    """Return the outcome's actions with their labels, texts and phone numbers, in order."""
    model = kader.model
    shown = []
    for aid in ids:
        action = model.actions.get(aid)
        if action is None:
            continue
        contact = model.contacts.get(action.contact) if action.contact else None
        shown.append(
            ActionView(
                aid,
                action.label.get(language),
                action.text.get(language) if action.text else "",
                contact.label.get(language) if contact else "",
                contact.phone if contact else None,
            )
        )
    return shown


def snapshot(decision: Decision) -> dict:
    """Return what the professional decided on: the contract's decisive parts, kept small."""
    contract = decision.to_contract("nl")
    kader = contract["kader"]
    return {
        "kader": {"id": kader["id"], "versie": kader["versie"], "sha256": kader["sha256"]},
        "route": contract["route"],
        "melden": contract["melden"],
        "hulp": contract["hulp"],
        "afsluiten": contract["afsluiten"],
        "acties": contract["acties"],
        "normen": [norm["id"] for norm in contract["normen"]],
        "pad": [
            {
                "vraag": step["vraag"],
                "antwoord": step["antwoord"],
                "gegeven": step["gegeven"],
                "overruled_by": step["overruled_by"],
                "regel": step["regel"],
            }
            for step in contract["pad"]
        ],
        "nog_nodig": contract["nog_nodig"],
    }


def saved_decision(found: list[cases.RecordView]):
    """Return the professional's saved decision record, or None."""
    return next((r for r in found if r.kind == "beslissing"), None)


def melden_decided(decision: Decision, found: list[cases.RecordView]) -> bool:
    """Tell whether melden is decided: by the professional's decision, else by the kader."""
    saved = saved_decision(found)
    if saved is not None:
        return saved.payload.melden is True
    return decision.melden is True


def overruled(decision: Decision, qid: str):
    """Return the pad step of an afweging when a norm changed its answer, else None."""
    return next((s for s in decision.pad if s.vraag == qid and s.overruled_by), None)
