"""The parts of the meldcode editor: each a form, how it reads and changes the meldcode."""

from dataclasses import dataclass

from wtforms.fields.choices import SelectChoice

from meldcode.eigen_meldcode import EigenMeldcode
from meldcode.eigen_meldcode.model import ROLLEN
from meldcode.eigen_meldcode.model import STAPPEN
from meldcode.eigen_meldcode.model import Adres
from meldcode.eigen_meldcode.model import Relevant
from meldcode.eigen_meldcode.model import Rol
from meldcode.eigen_meldcode.model import Taak
from meldcode.eigen_meldcode.reference import veilig_thuis
from meldcode.kader.i18n import _l
from meldcode.web.eigen_meldcode import forms
from meldcode.web.i18n import language
from meldcode.web.registry import registry

RELEVANT = ("bijzondere_vormen", "verwijsindex", "kindcheck")
AFSPRAKEN = ("vertrouwelijkheid", "bestuur", "scholing_en_evaluatie")


@dataclass(frozen=True)
class Deel:
    """One part of the editor: its title, hint, form, and the check's elements it fills."""

    id: str
    title: object
    hint: object
    form: type
    elements: tuple[str, ...]


DELEN = [
    Deel(
        "kader",
        _l("Afwegingskader en doel"),
        _l("Het stappenplan en het afwegingskader van je sector, en voor wie de meldcode geldt."),
        forms.KaderForm,
        ("stappenplan", "afwegingskader", "doel_en_reikwijdte"),
    ),
    Deel(
        "rollen",
        _l("Rollen en contactpersonen"),
        _l(
            "Wie de aandachtsfunctionaris is, "
            "wie het laatste woord heeft over melden, en wie bij de meldplicht."
        ),
        forms.RollenForm,
        ("beslisser_melden", "aandachtsfunctionaris"),
    ),
    Deel(
        "taakverdeling",
        _l("Wie doet wat"),
        _l("Per groep medewerkers: wat zij doen in de stappen."),
        forms.TaakverdelingForm,
        ("taakverdeling",),
    ),
    Deel(
        "stappen",
        _l("Eigen afspraken per stap"),
        _l("Wat jullie afspreken naast de tekst van het kader, per stap."),
        forms.StappenForm,
        (),
    ),
    Deel(
        "bijzonder",
        _l("Bijzondere vormen, verwijsindex en kindcheck"),
        _l("Drie onderdelen die de wet vraagt waar ze van toepassing zijn."),
        forms.BijzonderForm,
        ("bijzondere_vormen", "verwijsindex", "kindcheck"),
    ),
    Deel(
        "afspraken",
        _l("Vertrouwelijkheid, bestuur en scholing"),
        _l(
            "Hoe jullie met "
            "vertrouwelijke informatie omgaan, wat het bestuur doet en hoe jullie leren."
        ),
        forms.AfsprakenForm,
        ("vertrouwelijkheid", "bestuur", "scholing_en_evaluatie"),
    ),
    Deel(
        "sociale-kaart",
        _l("Veilig Thuis en sociale kaart"),
        _l("Je Veilig Thuis-regio en de hulp in de buurt."),
        forms.KaartForm,
        ("veilig_thuis_regio", "sociale_kaart"),
    ),
]
BY_ID = {d.id: d for d in DELEN}
ELEMENT_DEEL = {element: d.id for d in DELEN for element in d.elements}


def prepare(form, deel: Deel) -> None:
    """Fill in the choices a form needs (kaders, regions) in the page's language."""
    if deel.id == "kader":
        form.kaders.choices = [
            SelectChoice(k, registry().get(k).model.title.get(language())) for k in registry().ids()
        ]
    if deel.id == "sociale-kaart":
        regions = veilig_thuis().regios
        form.veilig_thuis_regio.choices = [SelectChoice("", _l("Kies je regio"))] + [
            SelectChoice(rid, r.naam) for rid, r in sorted(regions.items(), key=lambda i: i[1].naam)
        ]


def data_of(m: EigenMeldcode, deel: Deel) -> dict:
    """Return the form data of one part from the meldcode."""
    if deel.id == "kader":
        return {"kaders": list(m.kaders), "doel_en_reikwijdte": m.doel_en_reikwijdte}
    if deel.id == "rollen":
        return {r: (m.met_rol(r)[0].model_dump() if m.met_rol(r) else {}) for r in ROLLEN}
    if deel.id == "taakverdeling":
        return {"rijen": [t.model_dump() for t in m.taakverdeling]}
    if deel.id == "stappen":
        return dict(m.stappen)
    if deel.id == "bijzonder":
        return {k: getattr(m, k).model_dump() for k in RELEVANT}
    if deel.id == "afspraken":
        return {k: getattr(m, k) for k in AFSPRAKEN}
    return {
        "veilig_thuis_regio": m.veilig_thuis_regio or "",
        "adressen": [a.model_dump() for a in m.sociale_kaart],
    }


def apply(m: EigenMeldcode, deel: Deel, form) -> EigenMeldcode:
    """Return the meldcode with one part replaced by what the form holds."""
    d = form.data
    if deel.id == "kader":
        change = {
            "kaders": list(dict.fromkeys(d["kaders"] or [])),
            "doel_en_reikwijdte": d["doel_en_reikwijdte"] or "",
        }
    elif deel.id == "rollen":
        slots = [Rol(rol=r, **_clean(d[r])) for r in ROLLEN]
        # Only the first holder of each role is on the form; further ones (from an import)
        # and other roles are kept as they were.
        rest = [r for r in m.rollen if r.rol not in ROLLEN or r is not _first(m, r.rol)]
        change = {"rollen": [r for r in slots if r.genoemd() or r.telefoon] + rest}
    elif deel.id == "taakverdeling":
        rows = [_clean(row) for row in d["rijen"]]
        change = {"taakverdeling": [Taak(**r) for r in rows if r["groep"] or r["taken"]]}
    elif deel.id == "stappen":
        change = {"stappen": {k: d[k].strip() for k in STAPPEN if (d[k] or "").strip()}}
    elif deel.id == "bijzonder":
        change = {
            k: Relevant(
                van_toepassing=d[k]["van_toepassing"] or None, tekst=(d[k]["tekst"] or "").strip()
            )
            for k in RELEVANT
        }
    elif deel.id == "afspraken":
        change = {k: (d[k] or "").strip() for k in AFSPRAKEN}
    else:
        rows = [_clean(row) for row in d["adressen"]]
        change = {
            "veilig_thuis_regio": d["veilig_thuis_regio"] or None,
            "sociale_kaart": [Adres(**r) for r in rows if any(r.values())],
        }
    return m.model_copy(update=change)


def _first(m: EigenMeldcode, rol: str):
    """Return the first entry of a role in the meldcode, or None."""
    return next((r for r in m.rollen if r.rol == rol), None)


def _clean(row: dict) -> dict:
    """Strip the text of a nested form's fields and drop WTForms' own keys."""
    return {k: (v or "").strip() for k, v in row.items() if k != "csrf_token"}
