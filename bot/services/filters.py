"""Timeline filters from what a user typed: dates, phrases, countries, types, statuses.

The command line and the Discord cogs both call these, so a filter typed in either place
means the same thing and fails with the same sentence.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date, datetime

import pycountry

from bot.extract.model import EVENT_TYPES, STATUSES
from bot.names import body_names, country_names
from storage.repos.events import TimelineFilter

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_ALIASES = {
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "usa": "US",
    "america": "US",
    "ec": "EU",
    "eec": "EU",
    "european union": "EU",
    "united nations": "UN",
}


MAX_TYPED_DATE = 40  # characters; dateparser is only ever shown a short phrase a user typed


def parse_bound(value: str, *, end: bool, today: date | None = None) -> date:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (a month or year bound covers all its days), or,
    given ``today``, a phrase such as "next friday", "in two weeks" or "march 3" (dateparser)."""
    text = value.strip()
    try:
        if _DAY.match(text):
            return date.fromisoformat(text)
        if _MONTH.match(text):
            year, month = int(text[:4]), int(text[5:7])
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        if _YEAR.match(text):
            return date(int(text), 12, 31) if end else date(int(text), 1, 1)
    except ValueError:
        pass
    # Only phrases go to dateparser: an impossible ISO date ("2025-13-01") stays an error.
    if today is not None and 0 < len(text) <= MAX_TYPED_DATE and any(c.isalpha() for c in text):
        parsed = _typed_date(text, today)
        if parsed is not None:
            return parsed
    raise ValueError(
        f"{value[:MAX_TYPED_DATE]!r} is not a date: use YYYY-MM-DD, YYYY-MM, YYYY"
        + (" or words like 'next friday'" if today is not None else "")
    )


def _typed_date(text: str, today: date) -> date | None:
    """A relative or partial date typed by a user, resolved forward from ``today``."""
    import dateparser  # deferred: only typed phrases need it

    base = datetime(today.year, today.month, today.day, 12)  # noqa: DTZ001 - dateparser wants naive
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "future",
            "STRICT_PARSING": False,
        },
    )
    return parsed.date() if parsed is not None else None


def parse_country(value: str) -> str:
    """A participant code from a code (``JP``), a body (``NATO``) or a country name (``Japan``)."""
    text = value.strip()
    bodies, countries = body_names(), country_names()
    if text.upper() in bodies:
        return text.upper()
    by_name = {name.lower(): code for code, name in countries.items()} | _ALIASES
    if text.lower() in by_name:
        return by_name[text.lower()]
    if len(text) == 2 and text.upper() in countries:
        return text.upper()
    try:
        found = pycountry.countries.lookup(text)
    except LookupError:
        found = None
    if found is None:
        raise ValueError(
            f"unknown country {value!r}: use an ISO code like JP, a name like Japan, "
            f"or a body ({', '.join(sorted(bodies))})"
        )
    return str(found.alpha_2)


def _choices(values: Iterable[str], allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    out = []
    for value in values:
        v = value.strip().lower()
        if v not in allowed:
            raise ValueError(f"unknown {what} {value!r}: choose from {', '.join(allowed)}")
        out.append(v)
    return tuple(dict.fromkeys(out))


def build_filter(
    *,
    start: str | None = None,
    end: str | None = None,
    countries: Iterable[str] = (),
    types: Iterable[str] = (),
    statuses: Iterable[str] = (),
    limit: int | None = 500,
    today: date | None = None,
) -> TimelineFilter:
    """A ``TimelineFilter`` from what a user typed; ValueError says what to fix.

    With ``today``, bounds may also be phrases ("next friday", "in 2 weeks").
    """
    first = parse_bound(start, end=False, today=today) if start else None
    last = parse_bound(end, end=True, today=today) if end else None
    if first and last and last < first:
        raise ValueError(f"the range ends ({last}) before it starts ({first})")
    return TimelineFilter(
        start=first,
        end=last,
        countries=tuple(dict.fromkeys(parse_country(c) for c in _split(countries))),
        types=_choices(_split(types), EVENT_TYPES, "event type"),
        statuses=_choices(_split(statuses), STATUSES, "status"),
        limit=limit,
    )


def _split(values: Iterable[str]) -> list[str]:
    """Accept repeated options and comma-separated lists alike."""
    return [part for value in values for part in value.split(",") if part.strip()]
