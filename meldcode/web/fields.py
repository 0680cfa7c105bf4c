"""Fields of the decision pages whose messages must be Dutch and exact.

WTForms' own choice check answers in English ('Not a valid choice'); these fields refuse a
value outside the allowed ones with our own message, and refuse a blank motivation.
"""

from flask_babel import lazy_gettext as _l
from wtforms import RadioField
from wtforms import SelectField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf
from wtforms.validators import InputRequired
from wtforms.validators import Length
from wtforms.validators import Optional
from wtforms.validators import StopValidation

from meldcode.web.forms import JA_NEE
from meldcode.web.forms import MAX_TEXT

PICK_JA_NEE = _l("Kies ja of nee.")


class NotBlank:
    """Refuse text that is only spaces: a motivation must say something."""

    def __init__(self, message):
        """Remember the message to show."""
        self.message = message
        self.field_flags = {"required": True}

    def __call__(self, form, field):
        """Stop with the message when the text is empty or blank."""
        if not (field.data or "").strip():
            raise StopValidation(self.message)


def options(pairs) -> list[SelectChoice]:
    """Return (value, label) pairs as the choices WTForms expects."""
    return [SelectChoice(value, label) for value, label in pairs]


def ja_nee(label, hint=None, required: bool = True, message=PICK_JA_NEE) -> RadioField:
    """Return a ja/nee question that refuses anything else in Dutch."""
    first = InputRequired(message=message) if required else Optional()
    return RadioField(
        label,
        [first, AnyOf(("ja", "nee"), message=message)],
        choices=options(JA_NEE),
        validate_choice=False,
        description=hint or "",
    )


def choice(label, choices, message, hint=None, required: bool = True, radio: bool = True):
    """Return radios (or a select) whose value must be one of ``choices``, checked in Dutch.

    ``choices`` may be set later (from the kader) with ``field.choices``; the check reads it
    when the form is validated.
    """
    first = InputRequired(message=message) if required else Optional()
    kind = RadioField if radio else SelectField
    return kind(
        label,
        [first, OneOfChoices(message)],
        choices=options(choices),
        validate_choice=False,
        description=hint or "",
    )


class OneOfChoices:
    """Refuse a value that is not one of the field's current choices."""

    def __init__(self, message):
        """Remember the message to show."""
        self.message = message

    def __call__(self, form, field):
        """Stop with the message when the value is not offered."""
        if field.data not in {option.value for option in field.iter_choices()}:
            raise StopValidation(self.message)


def motivation(label, hint=None, message=None, required: bool = True, rows: int = 5):
    """Return a textarea for a motivation: required means more than blank space."""
    first = NotBlank(message or _l("Schrijf op waarom.")) if required else Optional()
    return TextAreaField(
        label,
        [
            first,
            Length(max=MAX_TEXT, message=_l("Gebruik hoogstens %(max)d tekens.", max=MAX_TEXT)),
        ],
        description=hint or "",
        render_kw={"rows": rows, "maxlength": MAX_TEXT},
    )


def short_text(label, hint=None, required: bool = False, message=None) -> StringField:
    """Return a one-line text of at most 200 characters; required means more than blank."""
    first = NotBlank(message or _l("Vul dit veld in.")) if required else Optional()
    return StringField(
        label,
        [first, Length(max=200, message=_l("Gebruik hoogstens %(max)d tekens.", max=200))],
        description=hint or "",
    )
