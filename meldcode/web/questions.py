"""Forms for a kader's questions, shared by the case wizard and training mode.

An input question (vormen, disclosure, pleger_medewerker …) is ja/nee or a choice of
several; an afweging is ja/nee with a required motivation. A participant in training
answers on the same fields, with the same messages, as a professional on a real case.
"""

from wtforms import RadioField
from wtforms import SelectMultipleField
from wtforms.validators import InputRequired
from wtforms.widgets import CheckboxInput
from wtforms.widgets import ListWidget

from meldcode.kader.i18n import _l
from meldcode.kader.model import Question
from meldcode.web.fields import JA_NEE
from meldcode.web.fields import ja_nee
from meldcode.web.fields import motivation
from meldcode.web.fields import options
from meldcode.web.fields import text_field
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import language


def answer_form(qid: str, question: Question) -> type[BaseForm]:
    """Return a form class for one question: the answer (named after the question) and why."""
    lang = language()
    help_text = question.help.get(lang) if question.help else ""
    if question.kind == "meerkeuze":
        field = SelectMultipleField(
            question.text.get(lang),
            choices=options((cid, c.label.get(lang)) for cid, c in question.choices.items()),
            description=help_text
            or _l("Kies alles wat past. Weet je het nog niet, laat dan alles leeg."),
            widget=ListWidget(prefix_label=False),
            option_widget=CheckboxInput(),
            invalid_choice_message=_l("Kies alleen uit de genoemde mogelijkheden."),
        )
    else:
        field = RadioField(
            question.text.get(lang),
            [InputRequired(message=_l("Kies ja of nee."))],
            choices=options(JA_NEE),
            description=help_text,
            invalid_choice_message=_l("Kies ja of nee."),
        )
    if qid == "disclosure":
        hint = _l(
            "Schrijf letterlijk op wat er gezegd is, in de woorden van het kind of de "
            "volwassene zelf, met wanneer en tegen wie."
        )
    else:
        hint = _l("Waarop baseer je dit antwoord? Beschrijf feiten; gebruik geen namen.")
    motivatie = text_field(_l("Toelichting"), hint=hint, rows=4)
    return type("AntwoordForm", (BaseForm,), {qid: field, "motivatie": motivatie})


def form_value(form, qid: str, question: Question):
    """Return the posted answer in the decision-contract vocabulary."""
    value = form[qid].data
    if question.kind == "meerkeuze":
        return list(dict.fromkeys(value or []))
    return value


def afweging_form(qid: str, question: Question) -> type[BaseForm]:
    """Return a form class whose radios are named after the question id (``vermoeden`` …)."""
    lang = language()
    fields = {
        qid: ja_nee(
            question.text.get(lang), hint=question.help.get(lang) if question.help else None
        ),
        "motivatie": motivation(
            _l("Motivering"),
            hint=_l(
                "Waarop baseer je dit antwoord? Noem de signalen, het overleg en het gesprek "
                "waarop je je afweging baseert."
            ),
            message=_l("Schrijf op waarom je dit antwoord geeft."),
        ),
    }
    return type("AfwegingForm", (BaseForm,), fields)


def question_form(item_qid: str, question: Question) -> type[BaseForm]:
    """Return the form for any question: an afweging's, else an input question's."""
    if question.kind == "afweging":
        return afweging_form(item_qid, question)
    return answer_form(item_qid, question)
