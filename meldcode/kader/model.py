"""The schema of an afwegingskader: one pydantic model, read in one place.

A sector file states only what differs from the kader it ``extends``; this schema applies
to the resolved kader (see :mod:`meldcode.kader.inherit`).
"""

from datetime import date
from typing import Literal

from pydantic import Field
from pydantic import StrictBool
from pydantic import field_validator
from pydantic import model_validator

from meldcode.kader.i18n import _
from meldcode.kader.model_parts import Action
from meldcode.kader.model_parts import ActionRef
from meldcode.kader.model_parts import Beslissing
from meldcode.kader.model_parts import Category
from meldcode.kader.model_parts import Caution
from meldcode.kader.model_parts import Choice
from meldcode.kader.model_parts import Contact
from meldcode.kader.model_parts import Id
from meldcode.kader.model_parts import JaNee
from meldcode.kader.model_parts import NonEmpty
from meldcode.kader.model_parts import Reason
from meldcode.kader.model_parts import Ruled
from meldcode.kader.model_parts import SourceDocument
from meldcode.kader.model_parts import Strict
from meldcode.kader.model_parts import Text
from meldcode.kader.model_parts import Transition
from meldcode.kader.model_parts import listify_actions
from meldcode.kader.model_parts import listify_condition

KaderId = str
QuestionKind = Literal["afweging", "ja_nee", "meerkeuze"]


class _WithActions(Ruled):
    """A rule that may add actions."""

    actions: list[ActionRef] = Field(default_factory=list)

    @field_validator("actions", mode="before")
    @classmethod
    def _actions(cls, value):
        """Accept plain action ids."""
        return listify_actions(value)


class _Conditional(_WithActions):
    """A rule that applies when its condition on the answers holds."""

    when: dict[Id, list[NonEmpty]]

    @field_validator("when", mode="before")
    @classmethod
    def _when(cls, value):
        """Accept ``{vraag: waarde}`` as shorthand for ``{vraag: [waarde]}``."""
        return listify_condition(value)


class Question(Ruled):
    """A question of the kader: an afweging (a node of the decision graph) or an input."""

    kind: QuestionKind
    number: int | None = None
    label: Text
    text: Text
    help: Text | None = None
    answers: dict[JaNee, Transition] | None = None
    choices: dict[Id, Choice] | None = None
    # An answer that entails another: ``pleger_houder: ja`` makes ``pleger_medewerker`` count
    # as ``ja``; for a meerkeuze target the value is a choice that is added.
    implies: dict[Id, NonEmpty] | None = None
    # When the question is worth asking at all (the wizard shows it only then).
    ask_when: dict[Id, list[NonEmpty]] | None = None

    @field_validator("ask_when", mode="before")
    @classmethod
    def _ask_when(cls, value):
        """Accept ``{vraag: waarde}`` as shorthand."""
        return listify_condition(value)

    @model_validator(mode="after")
    def _shape(self):
        """Afwegingen branch on ja and nee; meerkeuze needs choices; nothing else branches."""
        if self.kind == "afweging" and (self.answers is None or set(self.answers) != {"ja", "nee"}):
            raise ValueError(_("een afweging heeft 'answers' met precies 'ja' en 'nee'"))
        if self.kind != "afweging" and self.answers is not None:
            raise ValueError(_("alleen een afweging heeft 'answers'"))
        if (self.kind == "meerkeuze") != (self.choices is not None):
            raise ValueError(_("'choices' hoort bij kind: meerkeuze, en alleen daar"))
        return self


class Outcome(_WithActions):
    """Where an answer leads: melden, hulp, afsluiten."""

    label: Text
    text: Text
    beslissing: Beslissing = Field(default_factory=Beslissing)
    # Reaching this outcome means there is no suspicion (afweging 1 nee): actions of special
    # forms that presuppose a suspicion are then withheld, with a warning.
    no_suspicion: StrictBool = False


class Norm(_WithActions):
    """A professional norm; with ``when`` it overrules answers (e.g. disclosure)."""

    title: Text
    text: Text
    kind: Literal["professionele_norm", "wettelijke_plicht"] = "professionele_norm"
    when: dict[Id, list[NonEmpty]] | None = None
    overrides: dict[Id, JaNee] = Field(default_factory=dict)
    urgent: StrictBool = False

    @field_validator("when", mode="before")
    @classmethod
    def _when(cls, value):
        """Accept ``{vraag: waarde}`` as shorthand."""
        return listify_condition(value)


class SpecialCase(_Conditional):
    """A form of violence that changes the process (VGV, eergerelateerd geweld …)."""

    title: Text
    text: Text
    urgent: StrictBool = False
    gesprek_warning: Text | None = None
    # The informing exception that applies by rule (e.g. honour-based violence).
    informeren_exception: Id | None = None
    presupposes_suspicion: StrictBool = True
    on_routes: StrictBool = True


class RouteStep(Ruled):
    """One step of a route other than the meldcode (e.g. the meldplicht)."""

    number: int
    title: Text
    text: Text


class Route(_Conditional):
    """A route that replaces the afwegingen when its condition holds."""

    title: Text
    text: Text
    norm: Id | None = None
    steps: dict[Id, RouteStep]
    # Whom not to talk to on this route (the suspected colleague), shown in stap 3.
    gesprek_warning: Caution | None = None


class Check(Ruled):
    """A check asked in stap 1 (kindcheck, mantelzorgverleningscheck)."""

    label: Text
    text: Text


class Duty(Ruled):
    """A consultation duty in a step (e.g. advice from Veilig Thuis before melden)."""

    label: Text
    text: Text


class Step(Ruled):
    """One of the five steps of the meldcode, as this kader lays them out."""

    number: int = Field(ge=1, le=5)
    title: Text
    help: Text
    afwegingen: list[Id] = Field(default_factory=list)
    checks: list[Id] = Field(default_factory=list)
    duties: dict[Id, Duty] = Field(default_factory=dict)


class GesprekRules(Strict):
    """When stap 3 may be skipped: only with one of these reasons."""

    skip_reasons: dict[Id, Reason]


class InformerenRules(Strict):
    """Informing the client before melden, and the exceptions to it."""

    text: Text
    exceptions: dict[Id, Reason]


class Kader(Strict):
    """A resolved afwegingskader."""

    id: KaderId = Field(pattern=r"^[a-z][a-z0-9-]*$", max_length=40)
    version: NonEmpty
    title: Text
    summary: Text
    scope: Text
    valid_from: date
    valid_until: date | None = None
    status: Literal["bevestigd", "onbevestigd", "gedeeltelijk"]
    status_note: Text | None = None
    voluntary_use: Text | None = None
    version_aliases: list[NonEmpty] = Field(default_factory=list)
    step_layout: Literal["basismodel", "knmg"]
    adviesplicht: StrictBool
    adviesplicht_when: Literal["before_melden", "step_2"] = "before_melden"
    sources: dict[Id, SourceDocument]
    contacts: dict[Id, Contact]
    actions: dict[Id, Action]
    checks: dict[Id, Check] = Field(default_factory=dict)
    steps: dict[Id, Step]
    signal_categories: dict[Id, Category]
    start: Id
    questions: dict[Id, Question]
    outcomes: dict[Id, Outcome]
    norms: dict[Id, Norm]
    special_cases: dict[Id, SpecialCase] = Field(default_factory=dict)
    routes: dict[Id, Route] = Field(default_factory=dict)
    gesprek: GesprekRules
    informeren: InformerenRules

    @model_validator(mode="after")
    def _dates(self):
        """Refuse a kader that is replaced before it starts."""
        if self.valid_until is not None and self.valid_until <= self.valid_from:
            raise ValueError(_("valid_until moet na valid_from liggen"))
        return self

    def afwegingen(self) -> list[str]:
        """Return the ids of the afwegingen in their number order."""
        found = [(q.number or 0, qid) for qid, q in self.questions.items() if q.kind == "afweging"]
        return [qid for _, qid in sorted(found)]

    def ordered_steps(self) -> list[tuple[str, Step]]:
        """Return the steps in number order."""
        return sorted(self.steps.items(), key=lambda item: item[1].number)


FIELDS_OWN_TO_EACH_FILE = ("id", "version", "title", "summary", "valid_from")
# Keys a version never passes on to a kader that builds on it.
FIELDS_NOT_INHERITED = ("valid_until", "version_aliases")
