"""Event dates from temporal expressions: TimeML values cut to what an event date may be.

The date type itself, with its parsing and spans, is :mod:`bot.extract.event_date`.
"""

from __future__ import annotations

import re
from datetime import date

from bot.extract.event_date import EventDate, from_timeml
from bot.extract.model import Timex

__all__ = ["EventDate", "event_date_from_timex", "interval", "normalise_value"]


def normalise_value(value: str) -> tuple[str, str] | None:
    """``(event value, precision)`` for a TimeML value, or None when it is not an event date."""
    found = from_timeml(value)
    return None if found is None else (found.value, found.precision)


# "the end of 1987", "end-1987": a year's last month, the month an expiry or deadline names.
_YEAR_END = re.compile(r"(?:the\s+)?(?:very\s+)?end(?:\s+of|-)\s*(?:the\s+year\s+)?\d{4}", re.I)


def event_date_from_timex(timex: Timex) -> EventDate | None:
    """The event date a temporal expression gives, if it is at least month-precise; a
    weekend ("last weekend", TimeML ``1987-W09-WE``) is its ISO week."""
    if len(timex.value) == 4 and timex.value.isdigit() and _YEAR_END.fullmatch(timex.text):
        return EventDate(f"{timex.value}-12", None, "month")
    found = from_timeml(timex.moment)
    if found is None:
        return None
    if timex.end_value:
        last = from_timeml(timex.end_value)
        if last is not None and last.value[:10] > found.value[:10]:
            return EventDate(found.value, last.value[:10], found.precision)
    return found


def interval(when: EventDate) -> tuple[date, date]:
    """First and last day the date covers."""
    return when.start, when.end
