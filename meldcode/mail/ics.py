"""A calendar item for a reminder: the date, a general title and the link; nothing else."""

import datetime
import hashlib

from icalendar import Calendar
from icalendar import Event


def calendar_item(event_key: str, date: datetime.date, title: str, link: str) -> str:
    """Return an iCalendar text with one all-day event on ``date`` pointing at ``link``."""
    calendar = Calendar()
    calendar.add("prodid", "-//meldcode//meldcode//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    # The same event always gets the same UID, so a calendar updates instead of doubling.
    event.add("uid", hashlib.sha256(event_key.encode()).hexdigest()[:40] + "@meldcode")
    event.add("dtstamp", datetime.datetime.now(datetime.UTC))
    event.add("dtstart", date)
    event.add("dtend", date + datetime.timedelta(days=1))
    event.add("summary", title)
    event.add("url", link)
    event.add("description", link)
    event.add("transp", "TRANSPARENT")
    calendar.add_component(event)
    return calendar.to_ical().decode()
