"""/informeren: informing the persons involved before melden, or the kader's exception that applied.

The KNMG asks to record who was informed, how they reacted, whether objections could be
met, and the attempts made to reach someone. Not informing beforehand needs one of the
kader's exception codes and an explanation.
"""

from flask import request
from flask import url_for

from meldcode.casus.records import Informeren
from meldcode.kader.i18n import _l
from meldcode.kader.words import Words
from meldcode.web.access import access
from meldcode.web.casework import decision_of
from meldcode.web.casework import kader_of
from meldcode.web.casework import records
from meldcode.web.casussen.recordpage import RecordPage
from meldcode.web.casussen.recordpage import edit
from meldcode.web.casussen.uitkomst import melden_decided
from meldcode.web.fields import choice
from meldcode.web.fields import date_field
from meldcode.web.fields import ja_nee
from meldcode.web.fields import short_text
from meldcode.web.fields import text_field
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import language
from meldcode.web.routes import Routes

routes = Routes()


class InformerenForm(BaseForm):
    """Informing before melden, or the exception that applied."""

    geinformeerd = ja_nee(_l("Heb je de betrokkene(n) vooraf verteld dat je gaat melden?"))
    datum = date_field(_l("Wanneer?"), required=False)
    wie = short_text(_l("Wie heb je geïnformeerd?"), hint=_l("Een rol, bijvoorbeeld 'moeder'."))
    hoe = short_text(_l("Hoe?"), hint=_l("Bijvoorbeeld in een gesprek of telefonisch."))
    reactie = text_field(_l("Hoe reageerde de betrokkene?"), rows=3)
    bezwaren = text_field(
        _l("Bezwaren, en of je eraan tegemoet kon komen"),
        hint=_l("Je vraagt geen toestemming, maar neemt bezwaren wel serieus."),
        rows=3,
    )
    pogingen = text_field(
        _l("Pogingen om de betrokkene te bereiken"),
        hint=_l("Als je iemand niet bereikte: wanneer en hoe je het probeerde."),
        rows=3,
    )
    uitzondering = choice(
        _l("Waarom heb je niet vooraf geïnformeerd?"),
        [],
        _l("Kies een van de uitzonderingen van het afwegingskader."),
        required=False,
    )
    toelichting = text_field(_l("Toelichting bij de uitzondering"), rows=3)

    def validate(self, extra_validators=None):
        """Check the answers that depend on each other: a date, or an exception explained."""
        valid = super().validate(extra_validators)
        needed = []
        if self.geinformeerd.data == "ja" and self.datum.data is None:
            needed.append((self.datum, _l("Vul in wanneer je de betrokkene hebt geïnformeerd.")))
        if self.geinformeerd.data == "nee":
            if not self.uitzondering.data:
                message = _l("Kies een van de uitzonderingen van het afwegingskader.")
                needed.append((self.uitzondering, message))
            if not (self.toelichting.data or "").strip():
                needed.append((self.toelichting, _l("Licht toe waarom de uitzondering geldt.")))
        for field, message in needed:
            if not field.errors:
                field.errors.append(message)
                valid = False
        return valid


def _exceptions(form, found) -> None:
    """Offer the exception codes of the case's own kader."""
    lang = language()
    exceptions = kader_of(found).model.informeren.exceptions
    form.uitzondering.choices = [(code, ex.label.get(lang)) for code, ex in exceptions.items()]
    applies = decision_of(found).informeren_uitzonderingen()
    if request.method == "GET" and applies and not form.geinformeerd.data:
        # The kader says an exception holds (huwelijksdwang, eergerelateerd geweld): start there.
        form.geinformeerd.data = "nee"
        form.uitzondering.data = form.uitzondering.data or applies[0]


def _informeren_payload(form, _found) -> Informeren:
    """Return the record of informing, or of the exception that applied."""
    informed = form.geinformeerd.data == "ja"
    return Informeren(
        geinformeerd=form.geinformeerd.data,
        datum=form.datum.data,
        wie=form.wie.data or "",
        hoe=form.hoe.data or "",
        reactie=form.reactie.data or "",
        bezwaren=form.bezwaren.data or "",
        pogingen=form.pogingen.data or "",
        # An exception only explains not informing; it is not kept next to a 'ja'.
        uitzondering="" if informed else form.uitzondering.data,
        toelichting="" if informed else form.toelichting.data.strip(),
    )


def _informeren_context(found) -> dict:
    """Return the kader's rules on informing, and whether melden is decided."""
    kader = kader_of(found)
    decision = decision_of(found)
    return {
        "rules": kader.model.informeren,
        "applies": decision.informeren_uitzonderingen(),
        "melden": melden_decided(decision, records(found)),
        "words": Words(kader.model, language()),
    }


INFORMEREN = RecordPage(
    kind="informeren",
    form=InformerenForm,
    title=_l("Betrokkenen informeren over de melding"),
    back=lambda case_id: url_for("casussen.stap5", case_id=case_id),
    to_payload=_informeren_payload,
    template="casussen/informeren.html",
    prepare=_exceptions,
    context=_informeren_context,
)


@routes.route("/<case_id>/informeren", methods=["GET", "POST"])
@access("case")
def informeren(case_id: str):
    """Record informing the persons involved before melden, or the exception."""
    return edit(INFORMEREN, case_id, "")
