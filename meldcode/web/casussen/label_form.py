"""The form of a case's pseudonymous label, warned when it looks like personal data.

Shared by starting a case (meldcode.web.casussen.nieuw) and its settings (instellingen).
"""

from wtforms import BooleanField
from wtforms import StringField
from wtforms.validators import InputRequired
from wtforms.validators import Length
from wtforms.validators import ValidationError

from meldcode.casus.pseudonym import in_words
from meldcode.casus.pseudonym import looks_personal
from meldcode.kader.i18n import _l
from meldcode.web.forms import BaseForm


class LabelForm(BaseForm):
    """A pseudonymous case label, warned when it looks like personal data."""

    label = StringField(
        _l("Label van de casus"),
        [
            InputRequired(message=_l("Geef de casus een label.")),
            Length(max=60, message=_l("Gebruik hoogstens 60 tekens.")),
        ],
        description=_l(
            "Alleen initialen en geboortejaar of leeftijd, bijvoorbeeld 'J.B., 2016'. "
            "Geen naam, geen BSN, geen adres."
        ),
    )
    toch_opslaan = BooleanField(_l("Dit is geen persoonsgegeven; toch zo opslaan"))
    personal = False  # the label looked personal: the page offers "toch opslaan" only then

    def validate_label(self, field):
        """Warn when the label looks like a name, address, date of birth or other identifier."""
        found = looks_personal(field.data or "")
        self.personal = bool(found)
        if found and not self.toch_opslaan.data:
            what = in_words(found)
            raise ValidationError(
                _l(
                    "Dit lijkt op %(what)s. Gebruik alleen initialen en geboortejaar of "
                    "leeftijd, of vink hieronder aan dat het geen persoonsgegeven is.",
                    what=what,
                )
            )
