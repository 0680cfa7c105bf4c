"""The form of /beslissing: follow the kader's outcome, or depart from it with a motivation.

Following is refused while the kader has not decided melden, and on a route (which has no
Beslissing 1 and 2); departing asks for own choices, but Beslissing 2 may stay open when the
professional reports: it is settled later, with Veilig Thuis.
"""

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.kader.stand import stand as stand_of
from meldcode.kader.words import Words
from meldcode.web.fields import choice
from meldcode.web.fields import date_field
from meldcode.web.fields import ja_nee
from meldcode.web.fields import motivation
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import language

KEUZES = [
    ("volgen", _l("Ik volg de uitkomst van het afwegingskader")),
    ("afwijken", _l("Ik wijk af van de uitkomst")),
]


class BeslissingForm(BaseForm):
    """Confirm the kader's outcome, or depart from it with own choices and a motivation."""

    keuze = choice(_l("Wat is je beslissing?"), KEUZES, _l("Kies of je de uitkomst volgt."))
    melden = ja_nee(
        _l("Beslissing 1: is melden noodzakelijk?"),
        hint=_l("Alleen invullen als je afwijkt."),
        required=False,
    )
    hulp = ja_nee(
        _l("Beslissing 2: is hulp bieden of organiseren (ook) mogelijk?"),
        hint=_l(
            "Alleen invullen als je afwijkt. Meld je, dan mag dit open blijven: je bepaalt "
            "het na de melding samen met Veilig Thuis."
        ),
        required=False,
    )
    motivatie = motivation(
        _l("Motivering"),
        hint=_l("Verplicht als je afwijkt: waarom kom je tot een andere beslissing?"),
        required=False,
    )
    datum = date_field(_l("Datum van de beslissing"))

    decision = None  # the kader's decision, set before validation

    def validate(self, extra_validators=None):
        """Refuse to confirm an unfinished outcome; ask for own choices when departing."""
        valid = super().validate(extra_validators)
        problems = []
        where = stand_of(self.decision) if self.decision is not None else None
        if where is not None and where.route:
            # A route replaces Beslissing 1 and 2: its own steps are recorded instead.
            problems.append(
                (
                    self.keuze,
                    _l(
                        "Op deze route leg je geen Beslissing 1 en 2 vast. Leg de stappen van de "
                        "route vast in stap 5."
                    ),
                )
            )
        elif self.keuze.data == "volgen" and where is not None and not where.can_record:
            problems.append((self.keuze, _unfinished(self.decision)))
        if self.keuze.data == "afwijken":
            if not self.melden.data:
                problems.append((self.melden, _l("Kies of melden noodzakelijk is.")))
            # Who melds decides on help later, with Veilig Thuis: Beslissing 2 may stay open.
            if not self.hulp.data and self.melden.data != "ja":
                problems.append((self.hulp, _l("Kies of hulp bieden of organiseren mogelijk is.")))
            if not (self.motivatie.data or "").strip():
                problems.append((self.motivatie, _l("Schrijf op waarom je afwijkt.")))
        for field, message in problems:
            if not field.errors:
                field.errors.append(message)
                valid = False
        return valid


def _unfinished(decision) -> str:
    """Say which answers the kader still needs before its outcome can be confirmed."""
    words = Words(decision.kader.model, language())
    needed = ", ".join(words.question(q) for q in decision.nog_nodig)
    return _(
        "Het afwegingskader heeft nog een antwoord nodig (%(questions)s). Beantwoord dat "
        "eerst, of wijk af en schrijf op waarom.",
        questions=needed,
    )
