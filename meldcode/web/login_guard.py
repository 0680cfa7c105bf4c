"""Sign-in that cannot be turned against users: throttles by address and account together.

- **Per address**: 100 failed attempts in 10 minutes stop further attempts from that
  address (a class of 200 behind one address still gets in), for ten minutes.
- **Per account**: locks of 1, 2, 4 … minutes after five failures, an hour at most
  (meldcode.storage.accounts). Anyone who knows an address can trigger them, so:
- **Known devices**: a browser this account signed in from before carries a signed cookie
  naming the account (the OWASP "device cookie"). Neither the address limit nor the
  account's lock holds it back, so a correct password from a known device still gets in;
  it has a budget of its own instead: five failures in fifteen minutes, then it is treated
  like any other browser until the window passes.

Every attempt does the same work, whatever the outcome: one password hash check and one
write transaction with one audit row. Failures are counted from the audit trail, which
every worker shares; nothing but the audit row is stored per attempt.
"""

import datetime

from flask import after_this_request
from flask import current_app
from flask import request
from itsdangerous import BadSignature
from itsdangerous import URLSafeTimedSerializer

from meldcode.storage import accounts
from meldcode.storage import audit
from meldcode.storage import login_failures
from meldcode.web.auditing import origin
from meldcode.web.database import session
from meldcode.web.database import write

FAILURES_PER_ADDRESS = 100
ADDRESS_WINDOW = datetime.timedelta(minutes=10)
DEVICE_FAILURES = 5
DEVICE_WINDOW = datetime.timedelta(minutes=15)
DEVICE_DAYS = 180
DEVICE_ACCOUNTS = 5  # a shared computer may know a few accounts
DEVICE_RESULT = "device"  # the audit result of a failure from a known device


def cookie_name() -> str:
    """Return the device cookie's name (host-only and secure behind HTTPS)."""
    return "__Host-apparaat" if current_app.config["HTTPS"] else "apparaat"


def _signer() -> URLSafeTimedSerializer:
    """Return the signer of device cookies (the app's secret key, a salt of its own)."""
    return URLSafeTimedSerializer(current_app.secret_key, salt="meldcode-apparaat")


def known_accounts() -> list[str]:
    """Return the ids of the accounts this browser signed in to before (signed, recent)."""
    value = request.cookies.get(cookie_name())
    if not value or len(value) > 1000:
        return []
    try:
        ids = _signer().loads(value, max_age=DEVICE_DAYS * 86400)
    except BadSignature:
        return []
    return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []


def remember_device(user_id: str) -> None:
    """Mark this browser as a known device of ``user_id`` (on the response of this request)."""
    ids = [user_id] + [i for i in known_accounts() if i != user_id][: DEVICE_ACCOUNTS - 1]

    @after_this_request
    def _set(response):
        """Put the signed list of known accounts in a long-lived, HttpOnly cookie."""
        response.set_cookie(
            cookie_name(),
            _signer().dumps(ids),
            max_age=DEVICE_DAYS * 86400,
            path="/",
            secure=bool(current_app.config["HTTPS"]),
            httponly=True,
            samesite="Lax",
        )
        return response


def trusted(user_id: str | None) -> bool:
    """Tell whether this browser is a known device of the account, within its own budget."""
    if user_id is None or user_id not in known_accounts():
        return False
    since = accounts.now() - DEVICE_WINDOW
    return login_failures.of_account(session(), user_id, DEVICE_RESULT, since) < DEVICE_FAILURES


def _account_of(email: str | None) -> str | None:
    """Return the id of the account with this address, if this browser knows any account."""
    if not email or not known_accounts():
        return None  # no lookup at all for browsers without a device cookie
    found = accounts.find_by_email(session(), email)
    return found.id if found is not None else None


def address_blocked(email: str | None = None) -> bool:
    """Tell whether this address had too many failures, unless the device knows the account."""
    if trusted(_account_of(email)):
        return False
    since = accounts.now() - ADDRESS_WINDOW
    return login_failures.from_address(session(), origin(), since) >= FAILURES_PER_ADDRESS


def check(email: str, password: str):
    """Check the credentials; return ``(user or None, known user or None, reason)``.

    One write, whatever happens: the failure count and the audit row of a failure go in
    the same transaction, so every failed path costs the same.
    """
    now = accounts.now()
    device = trusted(_account_of(email))

    def work(s):
        """Check the password; record a failure with its audit row, in one transaction."""
        try:
            user = accounts.authenticate(s, email, password, now, known_device=device)
        except accounts.LoginFailed as failed:
            reason = DEVICE_RESULT if device and failed.reason == "bad_password" else failed.reason
            known = failed.user
            audit.record(
                s, known, "login_failed", "user", known.id if known else "", reason, origin()
            )
            return None, known, failed.reason
        return user, user, "ok"

    return write(work)
