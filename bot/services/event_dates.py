"""Event dates at their precision (SPEC.md): parsing, spans and how two dates relate.

A date string keeps what the article said (``2025-02``, ``2025-W06``, ``2025-02-07``,
``2025-02-07T10:00-05:00``); its span is the first and last day it may mean, which is what
sorting, range filters and merging compare.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal

Precision = Literal["month", "week", "day", "time"]
PRECISION_RANK: dict[str, int] = {"month": 1, "week": 2, "day": 3, "time": 4}
Relation = Literal["same", "finer", "coarser", "retimed", "other"]

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}:?\d{2})?$")


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A parsed event date: its text, precision, first/last day, and UTC instant when known."""

    text: str
    precision: Precision
    start: date
    end: date
    start_at: datetime | None = None

    @property
    def rank(self) -> int:
        return PRECISION_RANK[self.precision]

    @property
    def day_text(self) -> str:
        """The date without any time part (the form the scorer compares)."""
        return self.text[:10] if self.precision == "time" else self.text

    def contains(self, other: DateSpan) -> bool:
        return self.start <= other.start and other.end <= self.end


def parse_event_date(value: str, end_date: str | None = None) -> DateSpan:
    """Parse a contract date (and optional ``end_date`` day); ValueError says what is wrong."""
    text = value.strip()
    span = _parse(text)
    if end_date:
        last = _parse(end_date.strip())
        if last.end < span.start:
            raise ValueError(f"end date {end_date!r} is before the date {value!r}")
        span = DateSpan(
            span.text, span.precision, span.start, max(span.end, last.end), span.start_at
        )
    return span


def _parse(text: str) -> DateSpan:
    try:
        if m := _MONTH.match(text):
            year, month = int(m[1]), int(m[2])
            last = calendar.monthrange(year, month)[1]
            return DateSpan(text, "month", date(year, month, 1), date(year, month, last))
        if m := _WEEK.match(text):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return DateSpan(text, "week", monday, monday + timedelta(days=6))
        if _DAY.match(text):
            day = date.fromisoformat(text)
            return DateSpan(text, "day", day, day)
        if m := _TIME.match(text):
            day = date.fromisoformat(m[1])
            instant = datetime.fromisoformat(text.replace("Z", "+00:00"))
            start_at = instant.astimezone(UTC) if instant.tzinfo else None
            return DateSpan(text, "time", day, day, start_at)
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a valid date ({exc})") from exc
    raise ValueError(
        f"{text!r} is not an event date: use YYYY-MM, YYYY-Www, YYYY-MM-DD or YYYY-MM-DDTHH:MM"
    )


def relate(new: DateSpan, old: DateSpan) -> Relation:
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


def overlaps(a: DateSpan, b: DateSpan) -> bool:
    return a.start <= b.end and b.start <= a.end
