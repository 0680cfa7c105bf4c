"""Who to call at each step of a case, from the organisation's own meldcode.

The case pages (stap 1, 2, 5 and the meldplicht route) and the dossier call
:func:`contacts_for_step`; without an adopted meldcode it still gives Veilig Thuis
0800-2000, so the point of need never shows an empty box.
"""

from dataclasses import dataclass

from meldcode.eigen_meldcode.model import EigenMeldcode
from meldcode.eigen_meldcode.model import Rol
from meldcode.eigen_meldcode.reference import veilig_thuis
from meldcode.kader.i18n import _

# Which roles a step shows, in order: the aandachtsfunctionaris is who you consult in
# stap 1–2, the final say on melden sits in stap 5, the meldplicht route needs the
# bevoegd gezag (school board) or houder, and the vertrouwensinspecteur.
STEP_ROLES = {
    1: ("aandachtsfunctionaris",),
    2: ("aandachtsfunctionaris",),
    3: ("aandachtsfunctionaris",),
    4: ("aandachtsfunctionaris",),
    5: ("beslisser_melden", "aandachtsfunctionaris"),
    "meldplicht": ("bevoegd_gezag", "vertrouwensinspecteur"),
}
STEPS_WITH_VEILIG_THUIS = {2, 4, 5}
STEPS_WITH_SOCIALE_KAART = {2, 5}


@dataclass(frozen=True)
class Contact:
    """One contact to show: a role and who holds it, or an organisation with its number."""

    soort: str  # a role id, "veilig_thuis" or "sociale_kaart"
    wie: str  # a person's name and function, or an organisation's name
    telefoon: str
    email: str = ""
    toelichting: str = ""


def rol_label(rol: str) -> str:
    """Return the Dutch label of a role id (translated by the caller's language)."""
    labels = {
        "aandachtsfunctionaris": _("Aandachtsfunctionaris"),
        "beslisser_melden": _("Beslist over melden"),
        "bevoegd_gezag": _("Bevoegd gezag of houder"),
        "vertrouwensinspecteur": _("Vertrouwensinspecteur"),
        "anders": _("Andere rol"),
        "veilig_thuis": _("Veilig Thuis"),
        "sociale_kaart": _("Sociale kaart"),
    }
    return labels.get(rol, rol)


def _who(rol: Rol) -> str:
    """Return a person's name with their function, or the function alone."""
    if rol.naam and rol.functie:
        return f"{rol.naam} ({rol.functie})"
    return rol.naam or rol.functie


def veilig_thuis_contact(meldcode: EigenMeldcode | None) -> Contact:
    """Return the organisation's Veilig Thuis region and its number (0800-2000 by default)."""
    data = veilig_thuis()
    regio_id = meldcode.veilig_thuis_regio if meldcode else None
    regio = data.regios.get(regio_id or "")
    return Contact(
        soort="veilig_thuis",
        wie=regio.naam if regio else _("Veilig Thuis"),
        telefoon=data.telefoon(regio_id),
        toelichting=_(
            "Gratis en dag en nacht bereikbaar; noem de woonplaats, dan word je "
            "doorverbonden met de regio."
        ),
    )


def contacts_for_step(meldcode: EigenMeldcode | None, step: int | str) -> list[Contact]:
    """Return the contacts a case shows at ``step`` (1–5 or ``"meldplicht"``), in order."""
    found: list[Contact] = []
    if meldcode is not None:
        for rol_id in STEP_ROLES.get(step, ()):
            for rol in meldcode.met_rol(rol_id):
                found.append(Contact(rol_id, _who(rol), rol.telefoon, rol.email, rol.taken))
    if step in STEPS_WITH_VEILIG_THUIS or meldcode is None:
        found.append(veilig_thuis_contact(meldcode))
    if meldcode is not None and step in STEPS_WITH_SOCIALE_KAART:
        for adres in meldcode.sociale_kaart:
            found.append(Contact("sociale_kaart", adres.naam, adres.telefoon, "", adres.aanbod))
    return found


def contacts_used(meldcode: EigenMeldcode) -> list[Contact]:
    """Return every distinct contact a case under this meldcode may have been shown."""
    seen: dict[tuple, Contact] = {}
    for step in (1, 2, 3, 4, 5, "meldplicht"):
        for contact in contacts_for_step(meldcode, step):
            seen.setdefault((contact.soort, contact.wie, contact.telefoon), contact)
    return list(seen.values())
