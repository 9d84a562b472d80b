"""Event dates in words, at the precision the news gave: never an invented day or hour.

Only a time with a UTC offset becomes a Discord timestamp (``<t:…:F>``), which each member
sees in local time; a day, an ISO week or a month is text.
"""

from __future__ import annotations

from datetime import UTC, date

from bot.extract.event_date import EventDate, parse_event_date
from bot.render.text import escape


def day_text(day: date) -> str:
    """``Fri 7 Feb 2025``."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def span_text(start: date, end: date) -> str:
    """``7–9 Feb 2025``, ``28 Feb – 2 Mar 2025``, ``30 Dec 2025 – 2 Jan 2026``."""
    if start.year != end.year:
        return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"
    if start.month != end.month:
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    return f"{start.day}–{end.day} {end:%b %Y}"


def _parsed(value: str, end_date: str | None) -> EventDate | None:
    for end in (end_date, None):
        try:
            return parse_event_date(value, end)
        except ValueError:
            continue
    return None


def format_date(value: str, end_date: str | None = None, *, timestamps: bool = True) -> str:
    """The date as the news gave it.

    A time with a UTC offset becomes ``<t:unix:F> (<t:unix:R>)`` (each member's local
    time), or a UTC text when ``timestamps`` is off (the terminal). A time without an offset
    stays the place's local time, said so. A day, an ISO week or a month is text.
    """
    when = _parsed(value, end_date)
    if when is None:
        return escape(value) or "date unknown"
    if when.moment is not None:
        if when.moment.tzinfo is None:
            return f"{day_text(when.start)}, {when.moment:%H:%M} local time"
        if timestamps:
            unix = int(when.moment.timestamp())
            return f"<t:{unix}:F> (<t:{unix}:R>)"
        utc = when.moment.astimezone(UTC)
        return f"{day_text(utc.date())}, {utc:%H:%M} UTC"
    if when.precision == "week":
        return f"week of {when.start.day} {when.start:%b %Y}"
    if when.precision == "month":
        return f"{when.start:%B %Y}"
    return span_text(when.start, when.end) if when.end > when.start else day_text(when.start)


__all__ = ["day_text", "format_date", "span_text"]
