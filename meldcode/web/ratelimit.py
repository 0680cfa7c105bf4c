"""Rate limits for anonymous actions, counted in the database so every worker shares them.

Each limit names what it counts and over which scopes: the client's address, and everyone
together. A class behind one school address must still get in, so the limits per address
are set for a full class, not for one person; a script on one device meets them within
seconds. (Sign-in has its own, finer rules: meldcode.web.login_guard.)
"""

import datetime
from dataclasses import dataclass

from flask import g

from meldcode.storage import accounts
from meldcode.storage import throttle
from meldcode.web.auditing import origin
from meldcode.web.database import SaveFailed
from meldcode.web.database import session
from meldcode.web.database import write

MINUTE = datetime.timedelta(minutes=1)


@dataclass(frozen=True)
class Limit:
    """At most ``count`` hits per ``window`` for one scope ("address" or "all")."""

    scope: str
    count: int
    window: datetime.timedelta


LIMITS: dict[str, tuple[Limit, ...]] = {
    # Wrong training codes: a class that mistypes now and then stays far below these; a
    # guesser gets 30 tries per address and 600 in all every ten minutes (22**6 codes).
    "code": (Limit("address", 30, 10 * MINUTE), Limit("all", 600, 10 * MINUTE)),
    # Joining one session: a whole class joins in the same minute, often behind one school
    # address (a lecture hall holds 60); one device cannot fill 250 places in seconds.
    # Counted per session and address (the caller adds the session to the name).
    "join": (Limit("address", 60, MINUTE),),
    # "Wachtwoord vergeten": a few requests per address and hour (the mails go to the
    # account's owner, who must not be flooded); per client address as for a class.
    "vergeten": (Limit("address", 20, 10 * MINUTE), Limit("all", 300, 10 * MINUTE)),
    "vergeten_adres": (Limit("all", 3, 60 * MINUTE),),
}


def _key(name: str, limit: Limit) -> str:
    """Return the counter's key for this request's scope."""
    return f"{name}:{origin()}" if limit.scope == "address" else f"{name}:*"


def reached(name: str, kind: str | None = None) -> bool:
    """Tell whether any limit of ``kind`` (default ``name``) is used up for this request."""
    now = accounts.now()
    return any(
        throttle.hits(session(), _key(name, limit), now, limit.window) >= limit.count
        for limit in LIMITS[kind or name]
    )


def count(name: str, kind: str | None = None) -> None:
    """Count one hit against every limit of ``kind`` (default ``name``); never fails a page."""
    now = accounts.now()

    def work(s):
        """Count the hit in every scope."""
        for limit in LIMITS[kind or name]:
            throttle.hit(s, _key(name, limit), now, limit.window)

    try:
        write(work)
    except SaveFailed:
        g.pop("save_failure", None)  # the page's own save, if any, says what happened
        # A limit that misses one count is better than a page that fails.
