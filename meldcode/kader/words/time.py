"""Dates and times as readers see them: day first, in the reader's language, in Dutch time.

Every time is stored in UTC; a reader of this tool is in the Netherlands, so a time is
shown in Europe/Amsterdam, summer time included. A time without a zone is taken as UTC.
"""

import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date
from babel.dates import format_datetime

from meldcode.kader.i18n import get_language

LOCAL_TIME = ZoneInfo("Europe/Amsterdam")
MOMENT = "d MMMM y, HH:mm"
MOMENT_EXACT = "d MMM y HH:mm:ss"  # the audit log, where seconds tell rows apart


def day(value: datetime.date | None, language: str | None = None) -> str:
    """Return a date as ``14 september 2026`` (day first in every language); empty for none."""
    # Babel's long English format is American (September 14, 2026); readers of a Dutch
    # tool expect the day first in either language.
    if value is None:
        return ""
    return format_date(value, "d MMMM y", locale=language or get_language())


def moment(value: datetime.datetime, language: str | None = None, pattern: str = MOMENT) -> str:
    """Return a stored time in Dutch local time, e.g. ``14 september 2026, 09:30``."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    return format_datetime(value, pattern, tzinfo=LOCAL_TIME, locale=language or get_language())
