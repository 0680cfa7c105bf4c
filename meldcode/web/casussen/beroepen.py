"""The profession picker of a new case: the registry's professions list chooses the kader.

A setting such as the GGZ or the JGZ is not a framework; the page explains whom it serves.
"""

from meldcode.kader.i18n import _
from meldcode.web.i18n import language
from meldcode.web.registry import registry


def profession_choices(lang: str) -> list:
    """Return the professions as grouped choices (optgroups), with an empty first choice."""
    found = registry().professions
    none = ("", _("Geen beroep gekozen: ik kies het afwegingskader zelf"))
    choices: dict = {_("Geen keuze"): [none]}
    if found is None:
        return [none]
    for gid, group in found.groups.items():
        members = [(pid, p.label.get(lang)) for pid, p in found.in_group(gid)]
        if members:
            choices[group.label.get(lang)] = members
    return choices


def chosen_kader(form) -> str:
    """Return the kader of the chosen profession, else the kader chosen in the list."""
    found = registry().professions
    if form.beroep.data and found is not None and form.beroep.data in found.professions:
        return found.professions[form.beroep.data].kader
    return form.kader.data


def profession_settings() -> list[tuple[str, str]]:
    """Return (label, text) of the settings (GGZ, JGZ) that are no framework of their own."""
    found = registry().professions
    if found is None:
        return []
    lang = language()
    return [(s.label.get(lang), s.text.get(lang)) for s in found.settings.values()]
