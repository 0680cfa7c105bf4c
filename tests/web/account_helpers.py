"""Helpers for the account, session and beheer tests: the database, cookies, TOTP codes."""

import datetime
import re

import pyotp
from sqlalchemy import select

from meldcode.storage.models import AuditEntry
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from tests.web.helpers import parse
from tests.web.wizard import Visitor

T0 = datetime.datetime(2026, 9, 14, 10, 0, 5)  # five seconds into a 30-second TOTP step
RECOVERY = re.compile(r"<li><code>([a-z2-9]{4}(?:-[a-z2-9]{4}){3})</code></li>")
SECRET = re.compile(r'<p class="hash"[^>]*><strong>([A-Z2-7 ]+)</strong>')


def database(app):
    """Return the app's database."""
    return app.extensions["meldcode_db"]


def user_row(app, user_id: str) -> User:
    """Return a user as stored now."""
    with database(app).reader() as s:
        return s.get(User, user_id)


def change_user(app, user_id: str, **values) -> None:
    """Set columns of a user directly in the database."""

    def work(s):
        user = s.get(User, user_id)
        for name, value in values.items():
            setattr(user, name, value)

    database(app).run_write(work)


def require_two_factor(app, organisation_id: str) -> None:
    """Make an organisation require two-factor login (as its beheerder could)."""
    from meldcode.web.auth import forget_org_settings

    def work(s):
        s.get(Organisation, organisation_id).require_totp = True

    database(app).run_write(work)
    forget_org_settings(organisation_id)  # the running app caches the rule briefly


def audit_rows(app, action: str | None = None) -> list[AuditEntry]:
    """Return the audit rows, oldest first (only one action when given)."""
    query = select(AuditEntry).order_by(AuditEntry.id)
    if action:
        query = query.where(AuditEntry.action == action)
    with database(app).reader() as s:
        return list(s.scalars(query))


def cookie_name(app) -> str:
    """Return the session cookie's name for this app's config."""
    return app.config["SESSION_COOKIE_NAME"]


def cookie_value(person: Visitor) -> str | None:
    """Return the raw session cookie value a visitor's browser holds."""
    found = person.client.get_cookie(cookie_name(person.app))
    return found.value if found else None


def cookie_contents(app, value: str) -> dict:
    """Decode a session cookie (signed, not encrypted: anyone can read it)."""
    return app.session_interface.get_signing_serializer(app).loads(value)


def submit(person: Visitor, url: str, html: str, data: dict):
    """Post the form of ``html`` (its CSRF token and hidden fields) with ``data`` added."""
    payload = {
        attrs["name"]: attrs.get("value", "")
        for tag, attrs in parse(html).tags
        if tag == "input" and attrs.get("type") == "hidden" and attrs.get("name")
    }
    payload.update(data)
    return person.client.post(url, data=payload)


def code_at(secret: str, when: datetime.datetime) -> str:
    """Return the TOTP code an authenticator app shows at ``when`` (naive UTC)."""
    return pyotp.TOTP(secret).at(when.replace(tzinfo=datetime.UTC))


def wrong_code(secret: str, when: datetime.datetime) -> str:
    """Return a code that is valid in no step the server accepts at ``when``."""
    valid = {code_at(secret, when + datetime.timedelta(seconds=s)) for s in (-30, 0, 30)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in valid)


def enable_totp(person: Visitor, when: datetime.datetime) -> str:
    """Switch two-factor login on from the account page; return the secret."""
    html = person.page("/account/tweestaps")
    secret = SECRET.search(html).group(1).replace(" ", "")
    response = submit(person, "/account/tweestaps", html, {"code": code_at(secret, when)})
    # The answer shows the recovery codes, once (no redirect: they are never stored readable).
    assert response.status_code == 200, response.get_data(as_text=True)[:3000]
    assert RECOVERY.findall(response.get_data(as_text=True))
    person.last_codes = RECOVERY.findall(response.get_data(as_text=True))
    return secret


def logout(person: Visitor):
    """Press the logout button."""
    html = person.page("/account")
    return submit(person, "/uitloggen", html, {})


def signed_in(person: Visitor) -> bool:
    """Tell whether the visitor can open a signed-in page."""
    response = person.get("/account")
    if response.status_code == 200:
        return True
    assert response.status_code == 302, response.status_code
    return False


def field_error(page: str, field_id: str) -> str:
    """Return the message shown at a field (empty when there is none)."""
    found = re.search(rf'<p class="field-error" id="{field_id}-error">(.*?)</p>', page, re.S)
    return re.sub(r"<[^>]+>", "", found.group(1)).replace("Fout:", "").strip() if found else ""
