"""A resolved kader: the validated model plus the tables the engine walks.

The tables are built once, when the kader is loaded, so :func:`meldcode.kader.engine.evaluate`
only does dictionary look-ups. Sources are pre-rendered as the contract's ``bron`` objects.
"""

import hashlib
import json
from dataclasses import dataclass
from dataclasses import field

from meldcode.kader.model import Kader
from meldcode.kader.model_parts import ActionRef
from meldcode.kader.model_parts import SourceRef

Condition = tuple[tuple[str, frozenset], ...]
CondActions = tuple[tuple[str, Condition | None, Condition | None], ...]


@dataclass(frozen=True)
class Branch:
    """One compiled answer of an afweging."""

    next: str | None
    outcome: str | None
    norm: str | None
    actions: CondActions
    melden: bool | None
    hulp: bool | None
    afsluiten: bool | None
    with_veilig_thuis: bool
    status: str
    withdraws: tuple[str, ...] = ()
    no_suspicion: bool = False


@dataclass(frozen=True)
class Rule:
    """A compiled conditional rule: an overruling norm, a special case or a route."""

    id: str
    when: Condition
    actions: CondActions
    overrides: tuple[tuple[str, str], ...] = ()
    norm: str | None = None
    urgent: bool = False
    presupposes_suspicion: bool = True
    on_routes: bool = True


@dataclass(frozen=True)
class ResolvedKader:
    """A kader ready for the engine, with where it came from."""

    model: Kader
    sha256: str
    files: tuple[str, ...]
    parent: str | None
    kinds: dict = field(repr=False)
    choices: dict = field(repr=False)
    graph: dict = field(repr=False)
    bronnen: dict = field(repr=False)
    override_norms: tuple = field(repr=False)
    special_cases: tuple = field(repr=False)
    routes: tuple = field(repr=False)
    implications: tuple = field(repr=False, default=())
    ask_when: dict = field(repr=False, default_factory=dict)

    @property
    def id(self) -> str:
        """Return the kader id."""
        return self.model.id

    @property
    def version(self) -> str:
        """Return the kader version."""
        return self.model.version

    def label(self) -> str:
        """Return ``id version`` for messages."""
        return f"{self.model.id} {self.model.version}"


def bron(kader: Kader, ref: SourceRef, status: str) -> dict:
    """Render a source reference as the decision contract's ``bron`` object."""
    doc = kader.sources[ref.document]
    return {
        "document": ref.document,
        "titel": doc.title,
        "uitgever": doc.publisher,
        "datum": doc.date.isoformat() if doc.date else None,
        "sectie": ref.section,
        "url": ref.url or doc.url,
        "vindplaats": doc.citation,
        "status": status,
    }


def _condition(when: dict | None) -> Condition | None:
    """Freeze a when/unless mapping into a sorted, hashable condition."""
    if when is None:
        return None
    return tuple((q, frozenset(values)) for q, values in sorted(when.items()))


def _actions(refs: list[ActionRef]) -> CondActions:
    """Freeze action references into (id, when, unless) tuples."""
    return tuple((a.id, _condition(a.when), _condition(a.unless)) for a in refs)


def compile_kader(
    kader: Kader, files: tuple[str, ...], parent: str | None, raw: dict
) -> ResolvedKader:
    """Build the engine's tables for a validated kader."""
    bronnen = {}
    graph = {}
    for qid, q in kader.questions.items():
        bronnen[("vraag", qid)] = bron(kader, q.source, q.status)
        if q.answers:
            graph[qid] = {a: _branch(kader, t, q.status) for a, t in q.answers.items()}
    for group, items in (
        ("uitkomst", kader.outcomes),
        ("norm", kader.norms),
        ("bijzonder", kader.special_cases),
        ("route", kader.routes),
    ):
        for item_id, item in items.items():
            bronnen[(group, item_id)] = bron(kader, item.source, item.status)
    override_norms = tuple(
        Rule(
            nid,
            _condition(n.when),
            _actions(n.actions),
            tuple(sorted(n.overrides.items())),
            urgent=n.urgent,
        )
        for nid, n in kader.norms.items()
        if n.when
    )
    special = tuple(
        Rule(
            sid,
            _condition(s.when),
            _actions(s.actions),
            urgent=s.urgent,
            presupposes_suspicion=s.presupposes_suspicion,
            on_routes=s.on_routes,
        )
        for sid, s in kader.special_cases.items()
    )
    routes = tuple(
        Rule(rid, _condition(r.when), _actions(r.actions), norm=r.norm)
        for rid, r in kader.routes.items()
    )
    digest = hashlib.sha256(
        json.dumps(raw, sort_keys=True, ensure_ascii=False, default=str).encode()
    ).hexdigest()
    return ResolvedKader(
        model=kader,
        sha256=digest,
        files=files,
        parent=parent,
        kinds={qid: q.kind for qid, q in kader.questions.items()},
        choices={qid: frozenset(q.choices) for qid, q in kader.questions.items() if q.choices},
        graph=graph,
        bronnen=bronnen,
        override_norms=override_norms,
        special_cases=special,
        routes=routes,
        implications=tuple(
            (qid, target, value)
            for qid, q in kader.questions.items()
            for target, value in (q.implies or {}).items()
        ),
        ask_when={qid: _condition(q.ask_when) for qid, q in kader.questions.items() if q.ask_when},
    )


def _branch(kader: Kader, t, question_status: str) -> Branch:
    """Turn one answer of an afweging into a branch: next question or outcome, with its actions."""
    outcome = kader.outcomes.get(t.outcome) if t.outcome else None
    decided = {"melden": None, "hulp": None, "afsluiten": None}
    actions: list[ActionRef] = []
    no_suspicion = bool(outcome and outcome.no_suspicion)
    if outcome:
        decided.update({k: v for k, v in outcome.beslissing.model_dump().items() if v is not None})
        actions += outcome.actions
    if t.beslissing:
        decided.update({k: v for k, v in t.beslissing.model_dump().items() if v is not None})
    actions += t.actions
    return Branch(
        t.next,
        t.outcome,
        t.norm,
        _actions(actions),
        decided["melden"],
        decided["hulp"],
        decided["afsluiten"],
        t.with_veilig_thuis,
        t.status or question_status,
        tuple(t.withdraws),
        no_suspicion,
    )
