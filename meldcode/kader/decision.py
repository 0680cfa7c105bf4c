"""The decision and its trace, and its rendering as the stable decision contract.

The contract (documented in docs/beslissingscontract.md) is what the web app, the dossier,
the training mode and outside tests read. Keys listed there never change meaning.
"""

from dataclasses import dataclass
from dataclasses import field

from meldcode.kader.resolved import Branch
from meldcode.kader.resolved import ResolvedKader
from meldcode.kader.resolved import Rule


@dataclass
class Step:
    """One answered afweging on the path, and what followed from it."""

    vraag: str
    antwoord: str
    gevolg: str | None
    branch: Branch
    gegeven: str | None
    overruled_by: str | None
    samen_met_veilig_thuis: bool


@dataclass
class Decision:
    """What the kader concludes from the answers so far, and how."""

    kader: ResolvedKader
    route: str
    melden: bool | None
    hulp: bool | None
    afsluiten: bool
    acties: list[str]
    normen: list[str]
    pad: list[Step]
    nog_nodig: list[str]
    bijzondere_situaties: list[str]
    antwoorden: dict
    route_rule: Rule | None = None
    waarschuwingen: list[tuple[str, dict]] = field(default_factory=list)
    effectief: dict = field(default_factory=dict)  # the answers as they counted

    @property
    def compleet(self) -> bool:
        """Tell whether nothing more is needed for this route's decision."""
        return not self.nog_nodig

    def ongebruikt(self) -> list[str]:
        """Return afwegingen that were answered but are not on the path."""
        if self.route != "meldcode":
            return [q for q in self.kader.graph if q in self.antwoorden]
        on_path = {step.vraag for step in self.pad}
        return [
            q for q in self.kader.model.afwegingen() if q in self.antwoorden and q not in on_path
        ]

    def route_questions(self) -> list[tuple[str, object, object]]:
        """Return the route's condition as (question, answer that counted, answer given)."""
        if self.route_rule is None:
            return []
        wanted = dict(self.route_rule.when)
        out = []
        for question in self.kader.model.routes[self.route].when:
            value = self.effectief.get(question, self.antwoorden.get(question))
            if isinstance(value, list):  # a form of violence: the one that chose the route
                value = [v for v in value if v in wanted[question]]
            out.append((question, value, self.antwoorden.get(question)))
        return out

    def pad_labels(self) -> list[str]:
        """Return the path as ``vraag=antwoord`` strings (the route's answers on a route)."""
        if self.route_rule is None:
            return [f"{s.vraag}={s.antwoord}" for s in self.pad]
        return [
            f"{q}={','.join(v) if isinstance(v, list) else v}"
            for q, v, _given in self.route_questions()
        ]

    def informeren_uitzonderingen(self) -> list[str]:
        """Return the informing exceptions that apply by rule (from a special form)."""
        model = self.kader.model
        found = [model.special_cases[s].informeren_exception for s in self.bijzondere_situaties]
        return list(dict.fromkeys(e for e in found if e))

    def regel(self, step: Step) -> str:
        """Return the id of the rule that produced a step: ``kader:vraag.antwoord``."""
        return f"{self.kader.id}:{step.vraag}.{step.antwoord}"

    def summary(self) -> dict:
        """Return the decision in ids, as scenarios and training cases state what they expect."""
        return {
            "route": self.route,
            "melden": self.melden,
            "hulp": self.hulp,
            "afsluiten": self.afsluiten,
            "acties": list(self.acties),
            "normen": list(self.normen),
            "pad": self.pad_labels(),
            "nog_nodig": list(self.nog_nodig),
            "bijzondere_situaties": list(self.bijzondere_situaties),
        }

    def snapshot(self) -> dict:
        """Return what a professional decides on: the contract's decisive parts, kept small."""
        contract = self.to_contract("nl")
        kader = contract["kader"]
        keep = ("vraag", "antwoord", "gegeven", "overruled_by", "regel")
        return {
            "kader": {"id": kader["id"], "versie": kader["versie"], "sha256": kader["sha256"]},
            **{key: contract[key] for key in ("route", "melden", "hulp", "afsluiten", "acties")},
            "normen": [norm["id"] for norm in contract["normen"]],
            "pad": [{key: step[key] for key in keep} for step in contract["pad"]],
            "nog_nodig": contract["nog_nodig"],
        }

    def to_contract(self, language: str = "nl") -> dict:
        """Render the decision as the contract's JSON-ready dict."""
        k = self.kader
        model = k.model
        return {
            "kader": {
                "id": model.id,
                "versie": model.version,
                "geldig_vanaf": model.valid_from.isoformat(),
                "geldig_tot": model.valid_until.isoformat() if model.valid_until else None,
                "titel": model.title.get(language),
                "status": model.status,
                "basis": k.parent,
                "sha256": k.sha256,
            },
            "route": self.route,
            "melden": self.melden,
            "hulp": self.hulp,
            "afsluiten": self.afsluiten,
            "acties": list(self.acties),
            "normen": [
                {"id": n, "soort": model.norms[n].kind, "bron": dict(k.bronnen[("norm", n)])}
                for n in self.normen
            ],
            "pad": self._pad(language),
            "nog_nodig": list(self.nog_nodig),
            "compleet": self.compleet,
            "bijzondere_situaties": [
                {"id": s, "bron": dict(k.bronnen[("bijzonder", s)])}
                for s in self.bijzondere_situaties
            ],
            "informeren_uitzonderingen": self.informeren_uitzonderingen(),
            "ongebruikt": self.ongebruikt(),
            "waarschuwingen": self.warnings(language),
            "bij_twijfel": self._doubt(language),
        }

    def _pad(self, language: str) -> list[dict]:
        """Return the path through the afwegingen (or the route's questions) in one language."""
        k = self.kader
        if self.route_rule is not None:
            rule = k.model.routes[self.route]
            return [
                {
                    "vraag": question,
                    "antwoord": counted,
                    "gevolg": self.route,
                    "bron": dict(k.bronnen[("route", self.route)]),
                    "regel": f"{k.id}:route.{self.route}",
                    "status": rule.status,
                    "overruled_by": None,
                    "gegeven": given,
                    "samen_met_veilig_thuis": False,
                    "norm": self.route_rule.norm,
                }
                for question, counted, given in self.route_questions()
            ]
        return [
            {
                "vraag": s.vraag,
                "antwoord": s.antwoord,
                "gevolg": s.gevolg,
                "bron": dict(k.bronnen[("vraag", s.vraag)]),
                "regel": self.regel(s),
                "status": s.branch.status,
                "norm": s.branch.norm,
                "gegeven": s.gegeven,
                "overruled_by": s.overruled_by,
                "samen_met_veilig_thuis": s.samen_met_veilig_thuis,
            }
            for s in self.pad
        ]

    def warnings(self, language: str) -> list[str]:
        """Return the warnings in ``language``: overruled answers, unused answers, duties."""
        from meldcode.kader.messages import warning_texts

        return warning_texts(self, language)

    def _doubt(self, language: str) -> dict:
        """Return whom to call when in doubt: Veilig Thuis with its phone number."""
        contact = self.kader.model.contacts.get("veilig_thuis")
        if contact is None:
            return {}
        return {"label": contact.label.get(language), "telefoon": contact.phone}
