"""The kader's input questions (vormen, disclosure, pleger_medewerker …): order, relevance, forms.

An input question is any question that is not an afweging. Most belong to stap 1; the
question whether Veilig Thuis was asked for advice belongs to stap 2. A few questions only
make sense after another answer (the acute risk of VGV only when VGV is one of the forms).
"""

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from wtforms import RadioField
from wtforms import SelectMultipleField
from wtforms.validators import InputRequired
from wtforms.widgets import CheckboxInput
from wtforms.widgets import ListWidget

from meldcode.kader import ResolvedKader
from meldcode.kader.model import Question
from meldcode.web.fields import options
from meldcode.web.fields import JA_NEE
from meldcode.web.forms import BaseForm
from meldcode.web.fields import text_field
from meldcode.web.i18n import language

# question: (the question it depends on, the answer that makes it relevant)
CONDITIONS = {
    "vgv_acuut": ("vormen", "vgv"),
    "seksueel_misbruik_recent": ("vormen", "seksueel_misbruik"),
    "pleger_houder": ("pleger_medewerker", "ja"),
}
STAP2_QUESTIONS = ("advies_veilig_thuis",)


def step_questions(kader: ResolvedKader, number: int) -> list[str]:
    """Return the input questions of stap 1 or 2, each conditional one after its parent."""
    inputs = [qid for qid, kind in kader.kinds.items() if kind != "afweging"]
    if number == 2:
        return [qid for qid in inputs if qid in STAP2_QUESTIONS]
    if number != 1:
        return []
    ordered = []
    for qid in inputs:
        if qid in STAP2_QUESTIONS or qid in CONDITIONS:
            continue
        ordered.append(qid)
        ordered += [c for c in inputs if CONDITIONS.get(c, ("",))[0] == qid]
    return ordered


def relevant(qid: str, answers: dict) -> bool:
    """Tell whether a question applies given the answers so far."""
    if qid not in CONDITIONS:
        return True
    parent, value = CONDITIONS[qid]
    given = answers.get(parent)
    return value in given if isinstance(given, list) else given == value


def answer_text(question: Question, value) -> str:
    """Return an answer as the page shows it, in the page language."""
    if value is None:
        return ""
    if isinstance(value, list):
        chosen = [question.choices[v].label.get(language()) for v in value if v in question.choices]
        return ", ".join(chosen) or _("niets gekozen")
    return _("Ja") if value == "ja" else _("Nee")


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
