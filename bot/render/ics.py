"""iCalendar export of timeline events (built with the icalendar library, never by hand).

Dates are exported exactly as precise as the news made them, and no time is ever invented:

- day (and day spans): an all-day event, ``DTSTART;VALUE=DATE`` with an exclusive ``DTEND``;
- a time with a zone: a UTC ``DTSTART``; a time without a zone: a floating local time, as said;
  neither gets a ``DTEND``, because no article gives a duration;
- week and month precision (``vague="span"``, the default): an all-day event spanning the week
  or the month, marked free (``TRANSP:TRANSPARENT``) and titled "(date not fixed)", so it shows
  without blocking the calendar; ``vague="skip"`` leaves them out.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Literal

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from bot.extract.event_date import parse_event_date
from bot.titles import title_of
from storage.models import EventRow

PRODID = "-//diplobot//diplomatic event timeline//EN"
VagueMode = Literal["span", "skip"]
_ICAL_STATUS = {
    "scheduled": "CONFIRMED",
    "occurred": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}


def build_calendar(
    events: Iterable[EventRow], *, vague: VagueMode = "span", name: str = "Diplomatic events"
) -> Calendar:
    """A VCALENDAR with one VEVENT per event (week/month ones per ``vague``)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in events:
        if event.precision in ("week", "month") and vague == "skip":
            continue
        calendar.add_component(_vevent(event))
    return calendar


def to_ics(events: Iterable[EventRow], *, vague: VagueMode = "span") -> bytes:
    return build_calendar(events, vague=vague).to_ical()


def _vevent(event: EventRow) -> CalendarEvent:
    item = CalendarEvent()
    item.add("uid", f"event-{event.id}@diplobot")
    item.add("dtstamp", event.last_changed)
    item.add("last-modified", event.last_changed)
    item.add("created", event.first_seen)
    item.add("sequence", event.revision or 0)
    summary = title_of(event)
    if event.status in ("postponed", "cancelled"):
        summary = f"{summary} ({event.status})"
    if event.precision == "time":
        item.add("dtstart", _time_start(event))
    else:
        item.add("dtstart", event.start_day)
        item.add("dtend", event.end_day + timedelta(days=1))
        if event.precision in ("week", "month"):
            summary = f"{summary} (date not fixed: {event.date})"
            item.add("transp", "TRANSPARENT")
    item.add("summary", summary)
    item.add("status", _ICAL_STATUS.get(event.status, "CONFIRMED"))
    item.add("categories", [event.type])
    if event.location:
        item.add("location", event.location)
    item.add("description", _description(event))
    return item


def _time_start(event: EventRow) -> datetime:
    """The start as the article gave it: UTC when it named a zone, else a floating local time."""
    if event.start_at is not None:
        return event.start_at
    moment = parse_event_date(event.date).moment
    assert moment is not None  # a time-precise date always has one
    return moment


def _description(event: EventRow) -> str:
    lines = [
        f"Type: {event.type}",
        f"Date: {event.date}" + (f" to {event.end_date}" if event.end_date else ""),
        f"Status: {event.status}",
        f"Participants: {event.participants or 'none named'}",
    ]
    if event.people:
        lines.append(f"People: {', '.join(event.people)}")
    lines.append(f"Sources: {event.source_count} (confidence {event.confidence:.2f})")
    lines.append(f"diplobot event {event.id}")
    return "\n".join(lines)
