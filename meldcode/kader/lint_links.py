"""Checks on the links between questions, special forms and actions that lint.py leaves out.

Implied answers, the conditions for asking a question, the informing exception a special
form names, the actions an answer withdraws, and the action an adviesplicht puts first.
"""

from meldcode.kader.i18n import _
from meldcode.kader.model import Kader

ADVIESPLICHT_ACTIONS = {
    "before_melden": "advies_veilig_thuis_voor_melden",
    "step_2": "advies_veilig_thuis_stap_2",
}


def check_links(kader: Kader, issue, condition, check_ref) -> None:
    """Report every broken link; ``condition`` and ``check_ref`` are lint's own checks."""
    for qid, q in kader.questions.items():
        here = ("questions", qid)
        condition(kader, issue, here + ("ask_when",), q.ask_when)
        for target, value in (q.implies or {}).items():
            _implication(kader, issue, here + ("implies", target), qid, target, value)
        for answer, t in (q.answers or {}).items():
            for i, action in enumerate(t.withdraws):
                where = here + ("answers", answer, "withdraws", i)
                check_ref(issue, where, action, kader.actions, _("actie"))
    for sid, case in kader.special_cases.items():
        check_ref(
            issue,
            ("special_cases", sid, "informeren_exception"),
            case.informeren_exception,
            kader.informeren.exceptions,
            _("uitzondering"),
        )
    if kader.adviesplicht:
        needed = ADVIESPLICHT_ACTIONS[kader.adviesplicht_when]
        check_ref(issue, ("adviesplicht_when",), needed, kader.actions, _("actie"))


def _implication(kader: Kader, issue, where: tuple, source: str, target: str, value) -> None:
    """Check one implied answer: a ja/nee question implying an existing, allowed answer."""
    if kader.questions[source].kind != "ja_nee":
        issue(where, _("alleen een ja/nee-vraag kan een ander antwoord met zich meebrengen"))
        return
    found = kader.questions.get(target)
    if found is None or target == source:
        issue(
            where,
            _("vraag '{value}' bestaat niet. Bekend: {known}").format(
                value=target, known=", ".join(sorted(q for q in kader.questions if q != source))
            ),
        )
        return
    allowed = set(found.choices) if found.choices else {"ja", "nee"}
    if found.kind == "afweging" or value not in allowed:
        issue(
            where,
            _("waarde '{value}' past niet bij vraag '{question}'. Toegestaan: {allowed}").format(
                value=value, question=target, allowed=", ".join(sorted(allowed))
            ),
        )
