"""Building blocks of the kader schema: texts in two languages, sources, conditions, actions.

Schema keywords are English; ids and texts are the domain's own Dutch words. Every model
forbids unknown keys, so a typo in a kader is an error and never silently ignored.
"""

import datetime
import re
from typing import Annotated
from typing import Literal

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field
from pydantic import StrictBool
from pydantic import StringConstraints
from pydantic import field_validator

Id = Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
NonEmpty = Annotated[str, StringConstraints(strict=True, min_length=1, max_length=8000)]
Url = Annotated[str, StringConstraints(strict=True, pattern=r"^https?://\S+$", max_length=500)]
Status = Literal["bevestigd", "onbevestigd"]
JaNee = Literal["ja", "nee"]

_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class Strict(BaseModel):
    """Base for every schema model: frozen, no unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in Dutch (normative) and English."""

    nl: NonEmpty
    en: NonEmpty

    def get(self, language: str) -> str:
        """Return the text in ``language``, Dutch when that language is not ``en``."""
        return self.en if language == "en" else self.nl


class SourceDocument(Strict):
    """A document a rule comes from."""

    title: NonEmpty
    publisher: NonEmpty
    date: datetime.date | None = None
    url: Url | None = None
    citation: NonEmpty | None = None
    note: Text | None = None


class SourceRef(Strict):
    """Where in a source document a rule is written."""

    document: Id
    section: NonEmpty
    url: Url | None = None


class Ruled(Strict):
    """Something that carries a source and a confirmation status."""

    source: SourceRef
    status: Status
    status_note: Text | None = None


class ActionRef(Strict):
    """An action to take, optionally only when a condition holds."""

    id: Id
    when: dict[Id, list[NonEmpty]] | None = None
    unless: dict[Id, list[NonEmpty]] | None = None

    @field_validator("when", "unless", mode="before")
    @classmethod
    def _listify(cls, value):
        """Accept ``{vraag: waarde}`` as shorthand for ``{vraag: [waarde]}``."""
        return listify_condition(value)


def listify_condition(value):
    """Normalise a condition so every value is a list of allowed answers."""
    if isinstance(value, dict):
        return {k: (v if isinstance(v, list) else [v]) for k, v in value.items()}
    return value


def listify_actions(value):
    """Accept plain action ids in a list as shorthand for ``{id: ...}``."""
    if isinstance(value, list):
        return [{"id": item} if isinstance(item, str) else item for item in value]
    return value


class Beslissing(Strict):
    """What reaching an outcome or taking a branch contributes to the two decisions."""

    melden: StrictBool | None = None
    hulp: StrictBool | None = None
    afsluiten: StrictBool | None = None


class Transition(Strict):
    """One answer to an afweging: what follows from it."""

    next: Id | None = None
    outcome: Id | None = None
    norm: Id | None = None
    actions: list[ActionRef] = Field(default_factory=list)
    withdraws: list[Id] = Field(default_factory=list)  # earlier actions this answer cancels
    beslissing: Beslissing | None = None
    with_veilig_thuis: StrictBool = False
    note: Text | None = None
    status: Status | None = None

    @field_validator("actions", mode="before")
    @classmethod
    def _actions(cls, value):
        """Accept plain action ids."""
        return listify_actions(value)


class Choice(Strict):
    """One option of a multiple-choice question (e.g. a form of violence)."""

    label: Text
    help: Text | None = None


class Contact(Strict):
    """A phone number the tool points to, with its source."""

    label: Text
    phone: NonEmpty
    text: Text | None = None
    source: SourceRef
    status: Status


class Action(Strict):
    """An action id's meaning, shown to users and printed in the dossier."""

    label: Text
    text: Text | None = None
    contact: Id | None = None


class Reason(Ruled):
    """A coded reason (skipping the conversation, not informing before melden)."""

    label: Text
    text: Text | None = None


class Caution(Ruled):
    """A warning with its own source and status (the conversation on a route)."""

    text: Text


class Category(Strict):
    """A category of signals for stap 1."""

    label: Text
    help: Text | None = None
