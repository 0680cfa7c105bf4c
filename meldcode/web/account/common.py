"""What the account pages share: the words a new password must pass, and the user as stored."""

from flask import g
from wtforms import PasswordField
from wtforms.validators import EqualTo
from wtforms.validators import InputRequired
from wtforms.validators import Optional
from wtforms.validators import ValidationError

from meldcode.kader.i18n import _l
from meldcode.storage import passwords
from meldcode.storage.models import User
from meldcode.web.database import session

# One message for every failed login: no hint whether the address exists, or is locked.
LOGIN_FAILED = _l(
    "Dat e-mailadres en wachtwoord horen niet bij elkaar, of het account is na te veel "
    "pogingen even geblokkeerd (hoogstens een uur). Probeer het later opnieuw of vraag je "
    "beheerder het account te ontgrendelen."
)
PASSWORD_MESSAGES = {
    "te_kort": _l("Kies een wachtwoord van minstens %(n)d tekens.", n=passwords.MIN_PASSWORD),
    "te_lang": _l("Kies een wachtwoord van hoogstens %(n)d tekens.", n=passwords.MAX_PASSWORD),
    "te_bekend": _l("Dit wachtwoord is te bekend; kies een ander."),
    "bevat_context": _l("Gebruik niet je naam, je organisatie of 'meldcode' in je wachtwoord."),
}


def check_new_password(form, field, context: list[str]) -> None:
    """Add a field error for each problem with a new password."""
    for code in passwords.password_problems(field.data or "", context):
        raise ValidationError(PASSWORD_MESSAGES[code])


def new_password_fields(label, again_label) -> tuple[PasswordField, PasswordField]:
    """Return the fields of a new password: the password, and the same again (optional).

    Made by a call inside each form's class body, so they stand where the form puts them.
    """
    return (
        PasswordField(
            label,
            [InputRequired(message=_l("Kies een wachtwoord."))],
            description=_l(
                "Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden."
            ),
            render_kw={"autocomplete": "new-password"},
        ),
        PasswordField(
            again_label,
            # Optional, as the label says: left empty it is not compared; typed, it must match.
            [Optional(), EqualTo("password", message=_l("De wachtwoorden zijn niet gelijk."))],
            render_kw={"autocomplete": "new-password"},
        ),
    )


def current_user_fresh() -> User:
    """Return the signed-in user as stored now (for pages that change it)."""
    return session().get(User, g.user.id)
