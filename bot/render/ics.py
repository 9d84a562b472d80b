"""iCalendar export of timeline events (built with the icalendar library, never by hand).

Dates are exported exactly as precise as the news made them, and no time is ever invented:

- day (and day spans): an all-day event, ``DTSTART;VALUE=DATE`` with an exclusive ``DTEND``;
- a time with a zone: a UTC ``DTSTART``; a time without a zone: a floating local time, as said;
  neither gets a ``DTEND``, because no article gives a duration;
- week and month precision (``vague="span"``, the default): an all-day event spanning the week
  or the month, marked free (``TRANSP:TRANSPARENT``) and titled "(date not fixed)", so it shows
  without blocking the calendar; ``vague="skip"`` leaves them out.

Subscribed calendars (``/calendar``) need more than a one-off file: every UID carries the
installation's random id (two installations never share one, and a calendar app keeps each
event as itself across refreshes), ``SEQUENCE`` is the event's revision and
``LAST-MODIFIED`` its last change (both move on every recorded change), and each event's
sources are listed with their links (the first one also as ``URL``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal, Protocol

from icalendar import Calendar, vDuration
from icalendar import Event as CalendarEvent

from bot.extract.event_date import parse_event_date
from bot.names import participants_text
from bot.render.views import StoredEvent
from bot.titles import title_of

PRODID = "-//diplobot//diplomatic event timeline//EN"
VagueMode = Literal["span", "skip"]
_ICAL_STATUS = {
    "scheduled": "CONFIRMED",
    "occurred": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}


MAX_SOURCES = 10  # per event in DESCRIPTION; the rest are counted


class CalendarEventRow(StoredEvent, Protocol):
    """What a VEVENT is made from: an ``EventRow`` or an ``EventSummary``."""

    precision: str
    start_day: date
    end_day: date
    start_at: datetime | None
    participants: str
    source_count: int
    revision: int
    first_seen: datetime
    last_changed: datetime


@dataclass(frozen=True, slots=True)
class SourceLink:
    """One article behind an event, as a calendar lists it."""

    outlet: str
    title: str
    url: str | None = None

    @property
    def link(self) -> str | None:
        """The URL when it is a web address (never ``javascript:`` or a file path)."""
        url = (self.url or "").strip()
        return url if url.lower().startswith(("https://", "http://")) else None

    def line(self) -> str:
        said = " — ".join(p for p in (self.outlet, self.title) if p) or "an article"
        return f"{said}: {self.link}" if self.link else said


def event_uid(event_id: int | None, installation: str | None) -> str:
    """Stable for the event, unique across installations when ``installation`` is given."""
    if installation:
        return f"event-{event_id}.{installation}@diplobot"
    return f"event-{event_id}@diplobot"


def build_calendar(
    events: Iterable[CalendarEventRow],
    *,
    vague: VagueMode = "span",
    name: str = "Diplomatic events",
    installation: str | None = None,
    sources: Mapping[int, Sequence[SourceLink]] | None = None,
    refresh: timedelta | None = None,
) -> Calendar:
    """A VCALENDAR with one VEVENT per event (week/month ones per ``vague``). ``refresh``
    tells subscribing apps how often to look again."""
    calendar = _calendar(name, refresh)
    for event in events:
        if event.precision in ("week", "month") and vague == "skip":
            continue
        links = (sources or {}).get(int(event.id or 0), ())
        calendar.add_component(_vevent(event, installation, links))
    return calendar


def _calendar(name: str, refresh: timedelta | None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    if refresh is not None:
        calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(refresh))
    return calendar


_END = b"END:VCALENDAR\r\n"


def vevent_bytes(
    event: CalendarEventRow, installation: str | None, sources: Sequence[SourceLink] = ()
) -> bytes:
    """One event's VEVENT as it appears in a calendar file (what a cache of events keeps)."""
    return _vevent(event, installation, sources).to_ical()


def assemble(
    chunks: Iterable[bytes], *, name: str = "Diplomatic events", refresh: timedelta | None = None
) -> bytes:
    """A calendar file from VEVENTs made by :func:`vevent_bytes`: the same bytes
    :func:`to_ics` writes for the same events, without drawing each event again."""
    head = _calendar(name, refresh).to_ical()
    assert head.endswith(_END)
    return head[: -len(_END)] + b"".join(chunks) + _END


def to_ics(
    events: Iterable[CalendarEventRow],
    *,
    vague: VagueMode = "span",
    installation: str | None = None,
    sources: Mapping[int, Sequence[SourceLink]] | None = None,
    name: str = "Diplomatic events",
    refresh: timedelta | None = None,
) -> bytes:
    return build_calendar(
        events,
        vague=vague,
        installation=installation,
        sources=sources,
        name=name,
        refresh=refresh,
    ).to_ical()


def _vevent(
    event: CalendarEventRow, installation: str | None, sources: Sequence[SourceLink]
) -> CalendarEvent:
    item = CalendarEvent()
    item.add("uid", event_uid(event.id, installation))
    item.add("dtstamp", event.last_changed)
    item.add("last-modified", event.last_changed)
    item.add("created", event.first_seen)
    item.add("sequence", event.revision or 0)
    summary = title_of(event)
    if event.status in ("postponed", "cancelled"):
        summary = f"{summary} ({event.status.upper()})"
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
    item.add("description", _description(event, sources))
    first_url = next((s.link for s in sources if s.link), None)
    if first_url:
        item.add("url", first_url)
    return item


def _time_start(event: CalendarEventRow) -> datetime:
    """The start as the article gave it: UTC when it named a zone, else a floating local time."""
    if event.start_at is not None:
        return event.start_at
    moment = parse_event_date(event.date).moment
    assert moment is not None  # a time-precise date always has one
    return moment


def _description(event: CalendarEventRow, sources: Sequence[SourceLink] = ()) -> str:
    lines = []
    if event.status == "postponed":
        lines.append("POSTPONED: the date below is the latest reported; it may move again.")
    elif event.status == "cancelled":
        lines.append("CANCELLED.")
    lines += [
        f"Type: {event.type}",
        f"Date: {event.date}" + (f" to {event.end_date}" if event.end_date else ""),
        f"Status: {event.status}",
        "Participants: "
        + (participants_text(event.participant_codes) if event.participants else "none named"),
    ]
    if event.people:
        lines.append(f"People: {', '.join(event.people)}")
    lines.append(f"Sources: {event.source_count} (confidence {event.confidence:.2f})")
    lines += [f"- {source.line()}" for source in sources[:MAX_SOURCES]]
    if len(sources) > MAX_SOURCES:
        lines.append(f"- and {len(sources) - MAX_SOURCES} more")
    lines.append(f"diplobot event {event.id}")
    return "\n".join(lines)
