"""What the account pages share: the words a new password must pass, and the user as stored."""

from flask import g
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


def current_user_fresh() -> User:
    """Return the signed-in user as stored now (for pages that change it)."""
    return session().get(User, g.user.id)
