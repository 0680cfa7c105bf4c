"""A case's own questions of stap 2 and 3 (whom to consult, what to say): words, form, model.

They are not the kader's and never reach the engine, but the pages show, ask, count and
reveal them like the kader's questions: ``CaseWords`` names them, ``own_form`` asks them on
the same fields, and ``model_of`` finds any model answer, the kader's or the case's own.
"""

from wtforms import RadioField
from wtforms import SelectMultipleField
from wtforms.validators import InputRequired
from wtforms.widgets import CheckboxInput
from wtforms.widgets import ListWidget

from meldcode.kader.i18n import _l
from meldcode.kader.words import Words
from meldcode.web.fields import motivation
from meldcode.web.fields import options
from meldcode.web.forms import BaseForm
from meldcode.web.i18n import language


class CaseWords(Words):
    """The kader's words, and the labels of the case's own questions and their options."""

    def __init__(self, kader, language: str, case):
        """Remember the case besides the kader and the language."""
        super().__init__(kader, language)
        self.own = {q.id: q for q in case.step_questions}

    def question(self, qid: str) -> str:
        """Return the label of an own question, else the kader's."""
        own = self.own.get(qid)
        return self.t(own.label) if own is not None else super().question(qid)

    def answer(self, qid: str, value) -> str:
        """Return the chosen options of an own question in words, else the kader's way."""
        own = self.own.get(qid)
        if own is None:
            return super().answer(qid, value)
        chosen = value if isinstance(value, list) else [value]
        return ", ".join(self.t(own.choices[v]) if v in own.choices else str(v) for v in chosen)


def model_of(case, qid: str):
    """Return the model answer of any question of the case (the kader's or its own), or None."""
    own = case.step_question(qid)
    return own.model if own is not None else case.model_answers.get(qid)


def questions_of(case) -> set[str]:
    """Return every question id the trainer may reveal, lock or put on the wall."""
    return set(case.model_answers) | {q.id for q in case.step_questions}


def own_form(question) -> type[BaseForm]:
    """Return the form of an own question: one option or several, and why."""
    lang = language()
    choices = options((cid, text.get(lang)) for cid, text in question.choices.items())
    help_text = question.help.get(lang) if question.help else ""
    if question.kind == "meerkeuze":
        field = SelectMultipleField(
            question.text.get(lang),
            [InputRequired(message=_l("Kies minstens één mogelijkheid."))],
            choices=choices,
            description=help_text or _l("Kies alles wat past."),
            widget=ListWidget(prefix_label=False),
            option_widget=CheckboxInput(),
            invalid_choice_message=_l("Kies alleen uit de genoemde mogelijkheden."),
        )
    else:
        field = RadioField(
            question.text.get(lang),
            [InputRequired(message=_l("Kies een van de mogelijkheden."))],
            choices=choices,
            description=help_text,
            invalid_choice_message=_l("Kies alleen uit de genoemde mogelijkheden."),
        )
    why = motivation(
        _l("Motivering"),
        hint=_l("Waarom kies je dit? Noem de feiten van de casus waarop je het baseert."),
        message=_l("Schrijf op waarom je dit antwoord geeft."),
    )
    return type("EigenVraagForm", (BaseForm,), {question.id: field, "motivatie": why})
