"""Form fields whose messages are ours and exact: text, dates, ja/nee, choices, motivations.

WTForms' own checks answer in English ('Not a valid choice'); these fields refuse a value
outside the allowed ones, a blank motivation or an impossible date with our own message.
Free text is capped at 20,000 characters, as the dossier expects: the page says so (a hint,
and a counter near the limit where JavaScript runs), and the server refuses more with the
text kept in the form, never cut. Case pages, beheer and training share them.
"""

import datetime

from wtforms import DateField
from wtforms import RadioField
from wtforms import SelectField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf
from wtforms.validators import InputRequired
from wtforms.validators import Optional
from wtforms.validators import StopValidation
from wtforms.validators import ValidationError

from meldcode.kader.i18n import _
from meldcode.kader.i18n import _l
from meldcode.kader.i18n import _n
from meldcode.web.i18n import number

MAX_TEXT = 20000
JA_NEE = [("ja", _l("Ja")), ("nee", _l("Nee"))]
PICK_JA_NEE = _l("Kies ja of nee.")


def options(pairs) -> list[SelectChoice]:
    """Return (value, label) pairs as WTForms choices (plain tuples are deprecated there)."""
    return [SelectChoice(value, label) for value, label in pairs]


class TooLong:
    """Refuse text over the limit, saying how much too long it is; the text stays in the form.

    Counted as the page's counter counts: characters, a line break as one. Unlike WTForms'
    ``Length`` it sets no ``maxlength`` flag, which WTForms would render as the attribute
    that makes a browser cut pasted text off without a word; the flag ``limit`` lets the
    forms macro show the limit instead.
    """

    def __init__(self, limit: int):
        """Remember the limit."""
        self.max = limit
        self.field_flags = {"limit": limit}

    def __call__(self, form, field):
        """Stop with our message when the text is longer than the limit."""
        length = len(field.data or "")
        if length > self.max:
            raise ValidationError(too_long_message(self.max, length))


def too_long_message(limit: int, length: int) -> str:
    """Return what a field says of text over its limit: the limit and how much too long."""
    over = length - limit
    return (
        _("Gebruik hoogstens %(max)s tekens.", max=number(limit))
        + " "
        + _n(
            "Je tekst is %(n)s teken te lang.",
            "Je tekst is %(n)s tekens te lang.",
            over,
            n=number(over),
        )
    )


def too_long(limit: int) -> TooLong:
    """Return the length check with our own message."""
    return TooLong(limit)


def one_kind_of_newline(value):
    """Return typed text with every line break as one character, as the browser counts it.

    A browser sends a textarea's line breaks as two characters (CR LF) but counts them as one
    in the page; stored text uses one, so the limit means the same on both sides.
    """
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


def long_text(label, checks, hint, rows: int) -> TextAreaField:
    """Return a textarea with a limit the page shows, and no attribute that cuts text off."""
    # No maxlength attribute: a browser silently cuts pasted text at it. The limit is shown
    # (meldcode forms macro) and checked by the server, which keeps the whole text.
    return TextAreaField(
        label,
        checks,
        filters=[one_kind_of_newline],
        description=hint or "",
        render_kw={"rows": rows},
    )


def text_field(label, required: bool = False, hint=None, rows: int = 5) -> TextAreaField:
    """Return a textarea capped at 20,000 characters."""
    checks = [InputRequired(message=_l("Vul dit veld in."))] if required else [Optional()]
    checks.append(too_long(MAX_TEXT))
    return long_text(label, checks, hint, rows)


class NotInFuture:
    """A date may not lie after today (an observation cannot come from the future)."""

    def __call__(self, form, field):
        """Refuse a date after today."""
        if field.data and field.data > datetime.date.today():
            raise ValidationError(_l("De datum mag niet in de toekomst liggen."))


class NotTooOld:
    """A date before 1990 is almost certainly a typing error."""

    def __call__(self, form, field):
        """Refuse a date before 1990."""
        if field.data and field.data < datetime.date(1990, 1, 1):
            raise ValidationError(_l("Controleer het jaartal: de datum ligt voor 1990."))


def date_field(label, required: bool = True, past_only: bool = True, hint=None) -> DateField:
    """Return a date field (an HTML date input) with clear messages."""
    checks = [InputRequired(message=_l("Vul een datum in."))] if required else [Optional()]
    checks.append(NotTooOld())
    if past_only:
        checks.append(NotInFuture())
    # No autocomplete="off": with it, Chromium does not put the date back after Back.
    return DateField(label, checks, description=hint or "")


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


class OneOfChoices:
    """Refuse a value that is not one of the field's current choices."""

    def __init__(self, message):
        """Remember the message to show."""
        self.message = message

    def __call__(self, form, field):
        """Stop with the message when the value is not offered."""
        if field.data not in {option.value for option in field.iter_choices()}:
            raise StopValidation(self.message)


def ja_nee(label, hint=None, required: bool = True, message=PICK_JA_NEE) -> RadioField:
    """Return a ja/nee question that refuses anything else in our words."""
    first = InputRequired(message=message) if required else Optional()
    return RadioField(
        label,
        [first, AnyOf(("ja", "nee"), message=message)],
        choices=options(JA_NEE),
        validate_choice=False,
        description=hint or "",
    )


def choice(label, choices, message, hint=None, required: bool = True, radio: bool = True):
    """Return radios (or a select) whose value must be one of ``choices``, checked in our words.

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


def motivation(label, hint=None, message=None, required: bool = True, rows: int = 5):
    """Return a textarea for a motivation: required means more than blank space."""
    first = NotBlank(message or _l("Schrijf op waarom.")) if required else Optional()
    return long_text(label, [first, too_long(MAX_TEXT)], hint, rows)


def short_text(label, hint=None, required: bool = False, message=None) -> StringField:
    """Return a one-line text of at most 200 characters; required means more than blank."""
    first = NotBlank(message or _l("Vul dit veld in.")) if required else Optional()
    return StringField(label, [first, too_long(200)], description=hint or "")
