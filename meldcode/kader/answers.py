"""Check answers against the vocabulary a kader accepts, before the engine sees them."""

from meldcode.kader.errors import AnswerError
from meldcode.kader.errors import shown
from meldcode.kader.i18n import _
from meldcode.kader.resolved import ResolvedKader

JA_NEE = ("ja", "nee")


def check_answers(kader: ResolvedKader, answers: dict) -> dict:
    """Return the answers without empty ones; raise AnswerError naming what is allowed."""
    if not isinstance(answers, dict):
        raise AnswerError(_("antwoorden moeten een mapping van vraag naar antwoord zijn"))
    checked = {}
    for question, value in answers.items():
        kind = kader.kinds.get(question)
        if kind is None:
            raise AnswerError(
                _("onbekende vraag '{question}'. Toegestaan: {allowed}").format(
                    question=shown(question), allowed=", ".join(sorted(kader.kinds))
                ),
                question,
            )
        if value is None:
            continue
        if kind == "meerkeuze":
            allowed = kader.choices[question]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise AnswerError(
                    _("vraag '{question}' verwacht een lijst met waarden uit: {allowed}").format(
                        question=question, allowed=", ".join(sorted(allowed))
                    ),
                    question,
                )
            wrong = [v for v in value if v not in allowed]
            if wrong:
                raise AnswerError(
                    _(
                        "vraag '{question}': waarde '{value}' is niet toegestaan. "
                        "Toegestaan: {allowed}"
                    ).format(
                        question=question, value=shown(wrong[0]), allowed=", ".join(sorted(allowed))
                    ),
                    question,
                )
            checked[question] = list(dict.fromkeys(value))
        else:
            if value not in JA_NEE:
                raise AnswerError(
                    _(
                        "vraag '{question}': waarde '{value}' is niet toegestaan. "
                        "Toegestaan: {allowed}"
                    ).format(question=question, value=shown(value), allowed="ja, nee"),
                    question,
                )
            checked[question] = value
    return checked


def counted(kader: ResolvedKader, answers: dict) -> dict:
    """Return the answers that count: those to questions this kader version asks.

    A stored case may hold an answer to a question its kader no longer asks (a file from
    elsewhere, a question since removed); it is kept, shown, and left out of the decision.
    The web pages, the dossier and the training walk decide on these answers alike.
    """
    return {question: value for question, value in answers.items() if question in kader.kinds}
