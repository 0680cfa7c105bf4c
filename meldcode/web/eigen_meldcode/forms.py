"""The forms of the meldcode editor, one per part, with the same limits as the model."""

from wtforms import FieldList
from wtforms import Form
from wtforms import FormField
from wtforms import RadioField
from wtforms import SelectField
from wtforms import SelectMultipleField
from wtforms import StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired
from wtforms.validators import Optional
from wtforms.validators import Regexp
from wtforms.widgets import CheckboxInput
from wtforms.widgets import ListWidget

from meldcode.kader.i18n import _l
from meldcode.web.fields import text_field
from meldcode.web.fields import too_long
from meldcode.web.forms import BaseForm

PHONE = Regexp(r"^[0-9+()\- ]*$", message=_l("Gebruik alleen cijfers, spaties, +, - en haakjes."))
EMAIL = Regexp(r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l("Vul een geldig e-mailadres in."))
# Limits as our own check (meldcode.web.fields.TooLong), never a maxlength attribute: a
# browser cuts pasted text off at it without a word.
SHORT = too_long(200)


def short_field(label, *checks, hint=None, autocomplete="off") -> StringField:
    """Return a one-line text field of at most 200 characters."""
    return StringField(
        label,
        [Optional(), SHORT, *checks],
        description=hint or "",
        render_kw={"autocomplete": autocomplete},
    )


PHONE_LABEL = _l("Telefoonnummer")


def phone_field(label=PHONE_LABEL) -> StringField:
    """Return a phone number field."""
    return StringField(
        label,
        [Optional(), too_long(40), PHONE],
        render_kw={"autocomplete": "off", "inputmode": "tel"},
    )


class FlatErrors:
    """Error summary entries for nested fields too (a role, a row of a list)."""

    def error_list(self) -> list[tuple[str, str]]:
        """Return (field id, first message) of every field with an error, nested ones too."""
        found = []

        def walk(field):
            if isinstance(field, FieldList | FormField):
                for sub in field:
                    walk(sub)
            elif field.errors:
                found.append((field.id, field.errors[0]))

        for field in self:
            walk(field)
        return found


class KaderForm(FlatErrors, BaseForm):
    """Which sector kaders the organisation adopts, and the code's purpose and scope."""

    kaders = SelectMultipleField(
        _l("Afwegingskader(s) van je sector"),
        description=_l(
            "De vijf stappen en de afwegingen van dit kader worden deel van je "
            "meldcode. Een organisatie met meer beroepsgroepen kiest er meer."
        ),
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    doel_en_reikwijdte = text_field(
        _l("Doel en reikwijdte"), hint=_l("Voor wie geldt de meldcode en waarvoor?")
    )


class RolForm(Form):
    """One role: who holds it and how to reach them."""

    naam = short_field(_l("Naam"), autocomplete="name")
    functie = short_field(_l("Functie"), hint=_l("Bijvoorbeeld intern begeleider of directeur."))
    telefoon = phone_field()
    email = StringField(
        _l("E-mailadres"),
        [Optional(), too_long(254), EMAIL],
        render_kw={"autocomplete": "off"},
    )
    taken = text_field(_l("Taken"), rows=3)


class RollenForm(FlatErrors, BaseForm):
    """The roles the wizard shows at the point of need."""

    aandachtsfunctionaris = FormField(RolForm, _l("Aandachtsfunctionaris"))
    beslisser_melden = FormField(RolForm, _l("Wie beslist over melden (het laatste woord)"))
    bevoegd_gezag = FormField(RolForm, _l("Bevoegd gezag of houder (meldplicht)"))
    vertrouwensinspecteur = FormField(RolForm, _l("Vertrouwensinspecteur"))


class TaakForm(Form):
    """One group of staff and what they do."""

    groep = short_field(_l("Groep medewerkers"))
    taken = text_field(_l("Wat zij doen in de stappen"), rows=3)


class TaakverdelingForm(FlatErrors, BaseForm):
    """Who does what, per group of staff (empty rows are left out)."""

    rijen = FieldList(FormField(TaakForm, _l("Groep")), min_entries=6, max_entries=40)


class StappenForm(FlatErrors, BaseForm):
    """The organisation's own agreements per step, beside the kader's text."""

    stap1 = text_field(_l("Stap 1: signalen in kaart brengen"), rows=3)
    stap2 = text_field(_l("Stap 2: overleggen"), rows=3)
    stap3 = text_field(_l("Stap 3: gesprek met de betrokkene(n)"), rows=3)
    stap4 = text_field(_l("Stap 4: wegen"), rows=3)
    stap5 = text_field(_l("Stap 5: beslissen"), rows=3)


class RelevantForm(Form):
    """An element the law asks for where relevant."""

    van_toepassing = RadioField(
        _l("Van toepassing voor je organisatie?"),
        [Optional()],
        choices=[SelectChoice("ja", _l("Ja")), SelectChoice("nee", _l("Nee"))],
    )
    tekst = text_field(
        _l("Hoe je organisatie dit doet, of waarom het niet van toepassing is"), rows=4
    )


class BijzonderForm(FlatErrors, BaseForm):
    """Art. 2 (c)–(e): special forms of violence, the verwijsindex, the kindcheck."""

    bijzondere_vormen = FormField(RelevantForm, _l("Bijzondere vormen van geweld"))
    verwijsindex = FormField(RelevantForm, _l("Verwijsindex risicojongeren"))
    kindcheck = FormField(RelevantForm, _l("Kindcheck"))


class AfsprakenForm(FlatErrors, BaseForm):
    """Confidentiality, the board's duties, training and evaluation."""

    vertrouwelijkheid = text_field(_l("Omgaan met vertrouwelijke informatie"), rows=5)
    bestuur = text_field(_l("Verantwoordelijkheden van het bestuur"), rows=4)
    scholing_en_evaluatie = text_field(_l("Scholing en evaluatie"), rows=4)


class AdresForm(Form):
    """One entry of the sociale kaart."""

    naam = short_field(_l("Organisatie"))
    telefoon = phone_field()
    aanbod = text_field(_l("Wat zij bieden"), rows=2)


class KaartForm(FlatErrors, BaseForm):
    """The Veilig Thuis region and the local help directory."""

    veilig_thuis_regio = SelectField(
        _l("Veilig Thuis-regio"),
        [Optional()],
        description=_l(
            "Alle regio's zijn bereikbaar via 0800-2000; je wordt doorverbonden met de regio "
            "van de woonplaats die je noemt."
        ),
    )
    adressen = FieldList(FormField(AdresForm, _l("Adres")), min_entries=6, max_entries=60)


class VaststellenForm(BaseForm):
    """Adopting the concept as the next version."""

    vastgesteld_door = StringField(
        _l("Vastgesteld door"),
        [InputRequired(message=_l("Vul in wie de meldcode vaststelt.")), SHORT],
        description=_l(
            "Het orgaan dat de meldcode vaststelt, bijvoorbeeld het college van bestuur."
        ),
        render_kw={"autocomplete": "off"},
    )
