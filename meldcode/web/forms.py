"""Form building blocks: fields with Dutch messages, and forms that come back after a rescue.

Every form is a FlaskForm (CSRF), validated on the server; the browser's checks are a
convenience only. Free text is capped at 20,000 characters, as the dossier expects.
"""

import datetime

from flask import request
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField
from wtforms import HiddenField
from wtforms import RadioField
from wtforms import TextAreaField
from wtforms.validators import InputRequired
from wtforms.validators import Length
from wtforms.validators import Optional
from wtforms.validators import ValidationError

from meldcode.web.rescue import restored

MAX_TEXT = 20000
JA_NEE = [("ja", _l("Ja")), ("nee", _l("Nee"))]


class BaseForm(FlaskForm):
    """A form with the version of the record it edits (0: a new record)."""

    versie = HiddenField(default="0")

    def version(self) -> int:
        """Return the version the form was shown with."""
        try:
            return int(self.versie.data or 0)
        except ValueError:
            return -1  # a tampered version always conflicts; nothing is overwritten

    def error_list(self) -> list[tuple[str, str]]:
        """Return (field id, first message) for the error summary, in form order."""
        return [(field.id, field.errors[0]) for field in self if field.errors]


def build(form_class, data: dict | None = None, **kwargs):
    """Make a form for this request: posted data, else rescued text, else ``data``.

    Returns ``(form, rescued)``; ``rescued`` tells the page to say the text came back.
    """
    if request.method == "POST":
        return form_class(**kwargs), False
    stash = restored()
    if stash is not None:
        return form_class(formdata=stash, **kwargs), True
    return form_class(formdata=None, data=data or {}, **kwargs), False


def text_field(label, required: bool = False, hint=None, rows: int = 5) -> TextAreaField:
    """Return a textarea capped at 20,000 characters."""
    checks = [InputRequired(message=_l("Vul dit veld in."))] if required else [Optional()]
    checks.append(
        Length(max=MAX_TEXT, message=_l("Gebruik hoogstens %(max)d tekens.", max=MAX_TEXT))
    )
    return TextAreaField(
        label, checks, description=hint or "", render_kw={"rows": rows, "maxlength": MAX_TEXT}
    )


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
    return DateField(label, checks, description=hint or "", render_kw={"autocomplete": "off"})


def ja_nee_field(label, hint=None, required: bool = True) -> RadioField:
    """Return a ja/nee question as radio buttons."""
    checks = [InputRequired(message=_l("Kies ja of nee."))] if required else [Optional()]
    return RadioField(label, checks, choices=JA_NEE, description=hint or "")


def localise_date_errors(form: FlaskForm) -> None:
    """Replace WTForms' own message for a date it cannot read with ours, in any language.

    WTForms says 'Not a valid date value.', or in its own Dutch 'Ongeldige datum.'; ours
    shows an example. Its messages are the field's process errors.
    """
    for field in form:
        if isinstance(field, DateField):
            unreadable = {str(e) for e in getattr(field, "process_errors", [])}
            field.errors = [
                _l("Vul een geldige datum in, bijvoorbeeld 14-09-2026.")
                if str(e) in unreadable or "Not a valid" in str(e)
                else e
                for e in field.errors
            ]
