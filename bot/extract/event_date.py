"""Event dates as SPEC.md writes them: parsed once, with their span, compared, shown.

A date keeps what the article said (``2025-02``, ``2025-W06``, ``2025-02-07``,
``2025-02-07T10:00-05:00``) and its precision; ``start`` and ``end`` are the first and last
day it may mean (with ``end_date``, the last day of a stated span), which is what sorting,
range filters, merging and reminders compare. The extractor builds them from TimeML values
(:func:`from_timeml`), the timeline parses stored and extracted text (:func:`parse_event_date`)
and the renderers show them; nobody else reads the format.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Literal

Precision = Literal["month", "week", "day", "time"]
Relation = Literal["same", "finer", "coarser", "retimed", "other"]
PRECISION_RANK: dict[str, int] = {"month": 1, "week": 2, "day": 3, "time": 4}

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}:?\d{2})?$")
_PART_OF_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T(?:MO|AF|EV|NI|DT|MI)$")
_WEEKEND = re.compile(r"^(\d{4}-W\d{2})-WE$")
FORMAT_HELP = "use YYYY-MM, YYYY-Www, YYYY-MM-DD or YYYY-MM-DDTHH:MM"


@dataclass(frozen=True, slots=True)
class EventDate:
    """A date at its precision; invalid text raises ValueError saying what is wrong.

    ``extra`` holds further dates the same mention gives ("on March 3 and 5"), which the
    extractor turns into events of their own.
    """

    value: str
    end_date: str | None = None
    precision: Precision | str = ""
    extra: tuple[EventDate, ...] = ()
    start: date = field(init=False)
    end: date = field(init=False)
    moment: datetime | None = field(init=False)  # the time as written (naive: local time)

    def __post_init__(self) -> None:
        precision, start, end, moment = _span(self.value)
        if self.precision and self.precision != precision:
            raise ValueError(f"{self.value!r} is {precision}-precise, not {self.precision}")
        if self.end_date:
            last = _span(self.end_date)[2]
            if last < start:
                raise ValueError(f"end date {self.end_date!r} is before the date {self.value!r}")
            end = max(end, last)
        object.__setattr__(self, "precision", precision)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "moment", moment)

    @property
    def text(self) -> str:
        return self.value

    @property
    def rank(self) -> int:
        return PRECISION_RANK[self.precision]

    @property
    def start_at(self) -> datetime | None:
        """The UTC instant of a time with a zone; None for days, weeks, months, local times."""
        if self.moment is None or self.moment.tzinfo is None:
            return None
        return self.moment.astimezone(UTC)

    @property
    def day_text(self) -> str:
        """The date without any time part (the form the scorer compares)."""
        return self.value[:10] if self.precision == "time" else self.value

    def contains(self, other: EventDate) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: EventDate) -> bool:
        return self.start <= other.end and other.start <= self.end


def _span(text: str) -> tuple[str, date, date, datetime | None]:
    """(precision, first day, last day, moment) of one SPEC date."""
    try:
        if m := _MONTH.match(text):
            year, month = int(m[1]), int(m[2])
            last = calendar.monthrange(year, month)[1]
            return "month", date(year, month, 1), date(year, month, last), None
        if m := _WEEK.match(text):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return "week", monday, monday + timedelta(days=6), None
        if _DAY.match(text):
            day = date.fromisoformat(text)
            return "day", day, day, None
        if m := _TIME.match(text):
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
            day = date.fromisoformat(m[1])
            return "time", day, day, moment
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"{text!r} is not a valid date ({exc})") from exc
    raise ValueError(f"{text!r} is not an event date: {FORMAT_HELP}")


def parse_event_date(value: str, end_date: str | None = None) -> EventDate:
    """A date (and optional ``end_date`` day) as stored or extracted; ValueError says why not."""
    return EventDate(value.strip(), end_date.strip() if end_date else None)


def from_timeml(value: str) -> EventDate | None:
    """The event date a TimeML value gives, if it is at least month-precise and exists.

    Times get a ``+HH:MM`` zone (``Z`` becomes ``+00:00``); a part of a day ("the morning of")
    is its day, a weekend ("left at the weekend") its week: no form of SPEC's names two days.
    """
    if m := _TIME.match(value):
        day, clock, zone = m.groups()
        if zone == "Z":
            zone = "+00:00"
        elif zone and ":" not in zone:
            zone = f"{zone[:3]}:{zone[3:]}"
        # "at midnight on Friday" is TimeML's Friday T24:00, the day's end: no clock time
        # names it, so the event keeps the day the text gives
        value = day if clock.startswith("24") else f"{day}T{clock}{zone or ''}"
    elif (m := _PART_OF_DAY.match(value)) or (m := _WEEKEND.match(value)):
        value = m[1]
    try:
        found = EventDate(value)
        if found.precision == "week":
            date.fromisocalendar(int(value[:4]), int(value[6:8]), 7)  # the whole week exists
    except ValueError:
        return None
    return found


def relate(new: EventDate, old: EventDate) -> Relation:
    """How a newly reported date relates to a stored one.

    ``same``: the same text; ``finer``: more precise and inside the stored span (it sharpens
    it); ``coarser``: vaguer and containing it (it confirms it); ``retimed``: same day, another
    time of day; ``other``: a different date.
    """
    if new.text == old.text:
        if new.end == old.end:
            return "same"
        return "finer" if new.end > old.end else "coarser"
    if new.precision == "time" and old.precision == "time" and new.start == old.start:
        return "retimed"
    if new.rank > old.rank and old.contains(new):
        return "finer"
    if new.rank < old.rank and new.contains(old):
        return "coarser"
    return "other"


__all__ = [
    "FORMAT_HELP",
    "PRECISION_RANK",
    "EventDate",
    "Precision",
    "Relation",
    "from_timeml",
    "parse_event_date",
    "relate",
]
