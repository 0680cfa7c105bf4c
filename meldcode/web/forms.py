"""Forms of the app: the record's version, an error summary, and text that comes back.

Every form is a FlaskForm (CSRF), validated on the server; the browser's checks are a
convenience only. The fields with our own messages are in meldcode.web.fields.
"""

import gettext
from functools import lru_cache

from flask import request
from flask_wtf import FlaskForm
from wtforms import DateField
from wtforms import HiddenField
from wtforms.i18n import messages_path

from meldcode.kader.i18n import _l
from meldcode.kader.i18n import get_language
from meldcode.web.rescue import restored


class BaseForm(FlaskForm):
    """A form with the version of the record it edits (0: a new record)."""

    versie = HiddenField(default="0")

    class Meta:
        """WTForms' own few messages (a tampered choice …) in the page's language too."""

        def get_translations(self, form):
            """Return WTForms' shipped catalogue for the language of this request."""
            return wtforms_messages(get_language())

    def version(self) -> int:
        """Return the version the form was shown with."""
        try:
            return int(self.versie.data or 0)
        except ValueError:
            return -1  # a tampered version always conflicts; nothing is overwritten

    def error_list(self) -> list[tuple[str, str]]:
        """Return (field id, first message) for the error summary, in form order."""
        return [(field.id, field.errors[0]) for field in self if field.errors]


@lru_cache(maxsize=4)
def wtforms_messages(language: str) -> gettext.NullTranslations:
    """Return the catalogue WTForms ships for its own messages (not ours: those are ours)."""
    return gettext.translation("wtforms", messages_path(), [language], fallback=True)


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
