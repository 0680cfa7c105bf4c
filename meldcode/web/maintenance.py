"""The daily check inside the app: once a day, one request runs the retention purge.

The command ``meldcode purge`` does the same from cron; this check makes retention work
even where nobody set up cron. Only one worker wins the day's claim.
"""

import logging

from flask import Flask
from flask import request

from meldcode.storage import accounts
from meldcode.storage import purge
from meldcode.web.database import SaveFailed
from meldcode.web.database import write

log = logging.getLogger("meldcode.purge")


def init_app(app: Flask) -> None:
    """Check, at most every few minutes per worker, whether today's purge is due."""
    state = {"checked": None}

    @app.before_request
    def _daily_purge():
        """Run the purge once a day, on the first request after the day changed."""
        # The probes must answer without the database (a liveness check that fails while
        # the database is down would make an orchestrator restart healthy processes).
        if request.endpoint in ("static", "ops.healthz", "ops.readyz"):
            return
        if app.testing and not app.config.get("PURGE_IN_TESTS"):
            return
        now = accounts.now()
        if state["checked"] and (now - state["checked"]).total_seconds() < 300:
            return
        state["checked"] = now
        try:
            report = write(lambda s: purge.purge(s, now) if purge.claim_daily(s, now) else None)
        except SaveFailed:
            return
        if report is not None:
            log.info("daily purge: %d case(s), %d session(s)", len(report.cases), report.sessions)
