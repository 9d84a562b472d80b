"""Event dates: TimeML values cut to what an event date may be (day, ISO week, month, time)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from bot.extract.model import Timex

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}:?\d{2})?$")
_PART_OF_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T(?:MO|AF|EV|NI|DT|MI)$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, slots=True)
class EventDate:
    """A date as an event carries it: ``value`` at its precision, ``end`` the last day of a span."""

    value: str
    end: str | None
    precision: str  # "day" | "time" | "week" | "month"
    extra: tuple[EventDate, ...] = ()


def normalise_value(value: str) -> tuple[str, str] | None:
    """``(event value, precision)`` for a TimeML value, or None when it is not an event date."""
    if _DAY.match(value):
        return (value, "day") if _valid_day(value) else None
    match = _TIME.match(value)
    if match:
        day, clock, zone = match.groups()
        if not _valid_day(day):
            return None
        if zone == "Z":
            zone = "+00:00"
        elif zone and ":" not in zone:
            zone = f"{zone[:3]}:{zone[3:]}"
        return f"{day}T{clock}{zone or ''}", "time"
    match = _PART_OF_DAY.match(value)
    if match:
        return (match.group(1), "day") if _valid_day(match.group(1)) else None
    match = _WEEK.match(value)
    if match and _valid_week(int(match.group(1)), int(match.group(2))):
        return value, "week"
    match = _MONTH.match(value)
    # Year 0 comes from "last month" against a DCT in January of year 1 (a feed's null date).
    if match and 1 <= int(match.group(2)) <= 12 and int(match.group(1)) >= 1:
        return value, "month"
    return None


def _valid_week(year: int, week: int) -> bool:
    """Whether the ISO week exists (not every year has a week 53; there is no year 0)."""
    try:
        date.fromisocalendar(year, week, 1)
        date.fromisocalendar(year, week, 7)  # the last week of 9999 ends in year 10000
    except ValueError:
        return False
    return True


def _valid_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def event_date_from_timex(timex: Timex) -> EventDate | None:
    """The event date a temporal expression gives, if it is at least month-precise."""
    normal = normalise_value(timex.value)
    if normal is None:
        return None
    value, precision = normal
    end = None
    if timex.end_value:
        end_normal = normalise_value(timex.end_value)
        if end_normal and end_normal[0][:10] > value[:10]:
            end = end_normal[0][:10]
    return EventDate(value, end, precision)


def interval(when: EventDate) -> tuple[date, date]:
    """First and last day the date covers."""
    value = when.value
    if when.precision in ("day", "time"):
        first = date.fromisoformat(value[:10])
        last = date.fromisoformat(when.end) if when.end else first
        return first, last
    if when.precision == "week":
        year, week = int(value[:4]), int(value[6:8])
        first = date.fromisocalendar(year, week, 1)
        return first, first + timedelta(days=6)
    year, month = int(value[:4]), int(value[5:7])
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
