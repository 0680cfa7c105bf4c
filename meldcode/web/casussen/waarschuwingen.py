"""What the answers set in motion (routes, norms, special cases), told where one works.

The engine decides; these helpers only put its conclusions (another route, an overruling
norm such as disclosure, a special form of violence) into words with the kader's own texts.
"""

from dataclasses import dataclass
from dataclasses import field

from meldcode.kader import Decision
from meldcode.kader.i18n import _
from meldcode.kader.words import Words
from meldcode.web.i18n import language


@dataclass
class Alert:
    """One warning: a title, the kader's text, and the actions with whom to call."""

    title: str
    text: str
    urgent: bool = False
    note: str = ""
    actions: list = field(default_factory=list)


def _actions(decision: Decision, ids) -> list:
    """Return the actions as the page shows them: label, text, whom to call and the number."""
    return Words(decision.kader.model, language()).action_lines(ids)


def alerts(decision: Decision) -> list[Alert]:
    """Return the warnings that follow from the answers: route, norms, special cases."""
    model = decision.kader.model
    lang = language()
    found = []
    if decision.route != "meldcode":
        route = model.routes[decision.route]
        found.append(
            Alert(
                _("Er geldt een andere route: %(route)s", route=route.title.get(lang)),
                route.text.get(lang),
                urgent=True,
                note=_("Deze route vervangt de afwegingen van de meldcode."),
                actions=_actions(decision, decision.acties),
            )
        )
    outside = [p["norm"] for code, p in decision.waarschuwingen if code == "norm_buiten_route"]
    for norm_id in list(decision.normen) + outside:
        norm = model.norms.get(norm_id)
        if norm is None or norm.when is None:
            continue  # only norms that answers of stap 1 set off (disclosure) belong here
        note = ""
        if norm_id in outside:
            note = _(
                "Deze norm hoort bij de meldcode en telt niet op de route hierboven. Gaat het "
                "vermoeden ook over de thuissituatie, doorloop dan ook de meldcode."
            )
        found.append(
            Alert(
                norm.title.get(lang),
                norm.text.get(lang),
                note=note,
                actions=_actions(decision, [a.id for a in norm.actions]),
            )
        )
    for case_id in decision.bijzondere_situaties:
        case = model.special_cases[case_id]
        ids = [a.id for a in case.actions if a.id in decision.acties]
        found.append(
            Alert(
                case.title.get(lang),
                case.text.get(lang),
                urgent=case.urgent,
                actions=_actions(decision, ids),
            )
        )
    return found


def gesprek_warnings(decision: Decision) -> list[tuple[str, str]]:
    """Return (title, warning) for each special case that changes the conversation of stap 3."""
    model = decision.kader.model
    lang = language()
    found = []
    route = model.routes.get(decision.route)
    if route is not None and route.gesprek_warning is not None:
        # On a route the suspected colleague and the family are not talked to first.
        caution = route.gesprek_warning
        text = caution.text.get(lang)
        if caution.status == "onbevestigd" and caution.status_note:
            text += " " + _(
                "Niet in een bron bevestigd: %(note)s", note=caution.status_note.get(lang)
            )
        found.append((route.title.get(lang), text))
    found += [
        (model.special_cases[s].title.get(lang), model.special_cases[s].gesprek_warning.get(lang))
        for s in decision.bijzondere_situaties
        if model.special_cases[s].gesprek_warning is not None
    ]
    return found
