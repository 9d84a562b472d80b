"""Reminder offsets ("1d", "1h", "30m"): read as typed, stored as text, shown as text.

Members type them in ``/subscribe``; subscriptions store them in the short form
:func:`format_offset` writes, which :func:`parse_offset` reads back; reminder plans use the
same form as their labels. It sits in ``config`` because the default offsets are a setting
(``default_reminder_offsets``) checked with the same grammar when the settings load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import timedelta

MAX_OFFSETS = 5
MAX_OFFSET = timedelta(days=30)
_OFFSET = re.compile(r"^\s*(\d{1,4})\s*(m|min|mins|minutes?|h|hours?|d|days?|w|weeks?)\s*$", re.I)
_SPLIT = re.compile(r"[,;]+")
_UNITS = (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60))
_SECONDS = dict(_UNITS)


def parse_offset(text: str) -> timedelta | None:
    """``"1d"`` (or ``"1 day"``) -> one day; None when it is not an offset."""
    match = _OFFSET.match(text or "")
    if not match:
        return None
    return timedelta(seconds=int(match[1]) * _SECONDS[match[2][0].lower()])


def parse_offsets(text: str | None) -> list[timedelta]:
    """``"1d, 1h, 30m"`` -> offsets before an event, largest first; ValueError says what to type."""
    offsets: set[timedelta] = set()
    for part in (p.strip() for p in _SPLIT.split(text or "")):
        if not part:
            continue
        offset = parse_offset(part)
        if offset is None:
            raise ValueError(
                f"{part!r} is not a reminder offset. Use numbers with m, h, d or w, "
                "separated by commas: 1d, 1h, 30m"
            )
        if offset <= timedelta(0) or offset > MAX_OFFSET:
            raise ValueError("reminder offsets must be between 1 minute and 30 days")
        offsets.add(offset)
    if len(offsets) > MAX_OFFSETS:
        raise ValueError(f"give at most {MAX_OFFSETS} reminder offsets")
    return sorted(offsets, reverse=True)


def format_offset(offset: timedelta) -> str:
    """The short form: the largest unit that divides the offset (``1w``, ``36h``, ``90m``)."""
    seconds = int(offset.total_seconds())
    for unit, size in _UNITS:
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def stored_offsets(texts: Iterable[str]) -> tuple[timedelta, ...]:
    """A subscription's stored offsets, largest first; unreadable or non-positive ones dropped."""
    found = {parse_offset(t) for t in texts}
    return tuple(sorted((o for o in found if o and o > timedelta(0)), reverse=True))


__all__ = [
    "MAX_OFFSET",
    "MAX_OFFSETS",
    "format_offset",
    "parse_offset",
    "parse_offsets",
    "stored_offsets",
]
