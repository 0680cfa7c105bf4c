"""The decision's warnings as sentences in the asked language.

The engine records each warning as a code with its parameters; this module words them,
using the kader's own labels so no internal id reaches a reader. ``decision`` is a
:class:`meldcode.kader.decision.Decision`, which calls this module (not the other way round).
"""

from meldcode.kader.i18n import _
from meldcode.kader.i18n import using


def _label(decision, question: str, language: str) -> str:
    """Return a question's label, or its id when the kader has no such question."""
    found = decision.kader.model.questions.get(question)
    return found.label.get(language) if found else question


def _value(decision, question: str, value, language: str) -> str:
    """Return an answer as words: a choice's label, or ja/nee."""
    found = decision.kader.model.questions.get(question)
    if found is not None and found.choices and value in found.choices:
        return found.choices[value].label.get(language)
    return {"ja": _("ja"), "nee": _("nee")}.get(value, str(value))


def warning_texts(decision, language: str) -> list[str]:
    """Return the warnings of a decision as sentences in ``language``."""
    model = decision.kader.model
    with using(language):
        out = []
        for step in decision.pad:
            if step.overruled_by:
                norm = model.norms[step.overruled_by].title.get(language)
                words = {
                    "question": _label(decision, step.vraag, language),
                    "answer": _value(decision, step.vraag, step.antwoord, language),
                    "norm": norm,
                }
                if step.gegeven:
                    text = _(
                        "Afweging '{question}' telt als '{answer}' door de norm '{norm}' "
                        "(gegeven antwoord: {given})."
                    ).format(given=_value(decision, step.vraag, step.gegeven, language), **words)
                else:  # nothing to overrule: the norm answers it, the professional need not
                    text = _(
                        "Afweging '{question}' telt als '{answer}' door de norm '{norm}'; je "
                        "hoeft die afweging niet zelf te beantwoorden."
                    ).format(**words)
                out.append(text)
        unused = decision.ongebruikt()
        if unused:
            out.append(
                _(
                    "Niet gebruikt voor de beslissing: {questions}. Twijfel je? Vraag advies "
                    "aan Veilig Thuis."
                ).format(questions=", ".join(_label(decision, q, language) for q in unused))
            )
        for code, params in decision.waarschuwingen:
            text = _coded(decision, code, params, language)
            if text:
                out.append(text)
        return out


def _coded(decision, code: str, params: dict, language: str) -> str:
    """Word one coded warning; an unknown code gives no text."""
    model = decision.kader.model
    if code == "norm_buiten_route":
        norm = model.norms[params["norm"]].title.get(language)
        return _(
            "De norm '{norm}' hoort bij de meldcode en telt niet op deze route. Gaat het "
            "vermoeden (ook) over de thuissituatie, doorloop dan ook de meldcode."
        ).format(norm=norm)
    if code == "adviesplicht":
        return _(
            "Dit afwegingskader vraagt eerst advies aan Veilig Thuis voordat je meldt "
            "(adviesplicht)."
        )
    if code == "adviesplicht_stap_2":
        return _(
            "Dit afwegingskader vraagt in stap 2 altijd advies aan Veilig Thuis, voordat je "
            "afweegt (adviesplicht)."
        )
    if code == "afgeleid":
        return _("'{question}' telt als '{value}', omdat je bij '{source}' ja antwoordde.").format(
            question=_label(decision, params["question"], language),
            value=_value(decision, params["question"], params["value"], language),
            source=_label(decision, params["from"], language),
        )
    if code == "route_open":
        route = model.routes[params["route"]].title.get(language)
        return _("Misschien geldt de route '{route}'. Beantwoord eerst: {questions}.").format(
            route=route,
            questions=", ".join(_label(decision, q, language) for q in params["questions"]),
        )
    if code == "bijzonder_zonder_vermoeden":
        titles = ", ".join(model.special_cases[c].title.get(language) for c in params["cases"])
        return _(
            "Je noemde {forms}, maar afweging 1 is 'nee': de stappen die daarbij horen, gelden "
            "alleen bij een vermoeden. Twijfel je? Vraag (anoniem) advies aan Veilig Thuis."
        ).format(forms=titles)
    return ""
