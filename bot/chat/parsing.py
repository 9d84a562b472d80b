"""Parsing what members type into slash-command options (pure; errors are sentences).

Each parser raises :class:`UserInputError` with a sentence that says what to type
instead, which the command tree's error handler shows ephemerally.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import pycountry

from bot.extract.model import EVENT_TYPES
from bot.services.timeline_query import parse_country
from bot.services.titles import BODY_NAMES, participant_name

MAX_KEYWORDS = 10
MAX_KEYWORD_LENGTH = 60
MAX_OFFSETS = 5
MAX_OFFSET = timedelta(days=30)
_OFFSET = re.compile(r"^(\d{1,4})\s*(m|min|mins|minutes?|h|hours?|d|days?|w|weeks?)$", re.I)
_UNIT_SECONDS = {"m": 60, "h": 3600, "d": 86400, "w": 604800}
_SPLIT = re.compile(r"[,;]+")


class UserInputError(Exception):
    """Something a member typed that we cannot use; the message says what to do."""


def sentence(text: str) -> str:
    """A service's lower-case reason as a sentence: capital first letter, one full stop."""
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "."


@dataclass(frozen=True, slots=True)
class CountryChoice:
    code: str
    name: str


def _split(value: str | None) -> list[str]:
    if not value:
        return []
    return [part.strip() for part in _SPLIT.split(value) if part.strip()]


# --------------------------------------------------------------------------- countries
@lru_cache(maxsize=1)
def _country_index() -> tuple[CountryChoice, ...]:
    choices = [CountryChoice(code, name) for code, name in BODY_NAMES.items()]
    for country in pycountry.countries:
        choices.append(CountryChoice(country.alpha_2, participant_name(country.alpha_2)))
    return tuple(choices)


def _gazetteer_lookup() -> Callable[[str], list[tuple[str, str]]] | None:
    """The extraction gazetteer's lookup when it is installed (names, aliases, leaders)."""
    try:
        from bot.extract.gazetteer import default_gazetteer  # type: ignore[import-not-found]
    except ImportError:
        return None
    try:
        return default_gazetteer().lookup_country  # type: ignore[no-any-return]
    except Exception:  # a broken data file must not break the chat layer
        return None


def lookup_countries(query: str, limit: int = 25) -> list[CountryChoice]:
    """Countries and bodies whose code or name matches ``query`` (codes first, then prefixes)."""
    text = query.strip().casefold()
    found: dict[str, CountryChoice] = {}
    gazetteer = _gazetteer_lookup()
    if gazetteer is not None and text:
        try:
            for code, name in gazetteer(query.strip()):
                found.setdefault(code, CountryChoice(code, name))
        except Exception:
            found.clear()
    index = _country_index()
    exact = [c for c in index if c.code.casefold() == text or c.name.casefold() == text]
    alpha3 = pycountry.countries.get(alpha_3=query.strip().upper()) if len(text) == 3 else None
    prefix = [c for c in index if c.name.casefold().startswith(text)]
    inner = [c for c in index if text in c.name.casefold()]
    ordered = [*exact]
    if alpha3 is not None:
        ordered.append(CountryChoice(alpha3.alpha_2, participant_name(alpha3.alpha_2)))
    ordered += [*found.values(), *prefix, *inner]
    result: dict[str, CountryChoice] = {}
    for choice in ordered if text else index:
        result.setdefault(choice.code, choice)
        if len(result) >= limit:
            break
    return list(result.values())


def parse_countries(value: str | None) -> list[str]:
    """``"JP, united states, EU"`` -> ``["EU", "JP", "US"]`` (the command line's rules)."""
    codes: set[str] = set()
    for part in _split(value):
        try:
            codes.add(parse_country(part))
        except ValueError:
            raise UserInputError(
                f"I don't know the country {part!r}. Use a two-letter code (JP, US), "
                "a body (EU, NATO) or pick a name from the suggestions."
            ) from None
    return sorted(codes)


# --------------------------------------------------------------------------- types, status
def parse_types(value: str | None) -> list[str]:
    types: set[str] = set()
    for part in _split(value):
        kind = part.casefold()
        if kind not in EVENT_TYPES:
            raise UserInputError(
                f"{part!r} is not an event type. Choose from: {', '.join(EVENT_TYPES)}."
            )
        types.add(kind)
    return sorted(types)


def parse_keywords(value: str | None) -> list[str]:
    keywords = [k for k in _split(value)]
    if len(keywords) > MAX_KEYWORDS:
        raise UserInputError(f"Give at most {MAX_KEYWORDS} keywords, separated by commas.")
    for keyword in keywords:
        if len(keyword) > MAX_KEYWORD_LENGTH:
            raise UserInputError(f"Keep each keyword under {MAX_KEYWORD_LENGTH} characters.")
    return sorted({k.casefold() for k in keywords})


# --------------------------------------------------------------------------- dates and times
def parse_offsets(value: str | None) -> list[timedelta]:
    """``"1d, 1h, 30m"`` -> reminder offsets before an event, largest first."""
    offsets: set[timedelta] = set()
    for part in _split(value):
        match = _OFFSET.match(part)
        if not match:
            raise UserInputError(
                f"{part!r} is not a reminder offset. Use numbers with m, h, d or w, "
                "separated by commas: 1d, 1h, 30m."
            )
        seconds = int(match[1]) * _UNIT_SECONDS[match[2][0].lower()]
        offset = timedelta(seconds=seconds)
        if offset <= timedelta(0) or offset > MAX_OFFSET:
            raise UserInputError("Reminder offsets must be between 1 minute and 30 days.")
        offsets.add(offset)
    if len(offsets) > MAX_OFFSETS:
        raise UserInputError(f"Give at most {MAX_OFFSETS} reminder offsets.")
    return sorted(offsets, reverse=True)


def format_offset(offset: timedelta) -> str:
    seconds = int(offset.total_seconds())
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds // 60}m"


def parse_time_of_day(value: str) -> time:
    """``08:00`` or ``8:30`` (24-hour clock)."""
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", value or "")
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise UserInputError(
            f"{value!r} is not a time of day. Use the 24-hour clock, like 08:00 or 18:30."
        )
    return time(int(match[1]), int(match[2]))


@lru_cache(maxsize=1)
def _zones() -> tuple[str, ...]:
    return tuple(sorted(available_timezones()))


def parse_timezone(value: str) -> str:
    """An IANA time zone name (``Europe/Paris``); ``UTC`` is fine too."""
    name = (value or "").strip()
    if name.upper() == "UTC":
        return "UTC"
    try:
        if "/" not in name or ".." in name:
            raise ZoneInfoNotFoundError(name)
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserInputError(
            f"{value!r} is not a time zone I know. Use an IANA name such as "
            "Europe/Paris, America/New_York or Asia/Tokyo."
        ) from None
    return name


def lookup_timezones(query: str, limit: int = 25) -> list[str]:
    text = query.strip().casefold().replace(" ", "_")
    zones = [z for z in _zones() if "/" in z or z == "UTC"]
    if not text:
        return ["UTC", "Europe/London", "Europe/Paris", "America/New_York", "Asia/Tokyo"][:limit]
    prefix = [z for z in zones if z.casefold().startswith(text)]
    inner = [z for z in zones if text in z.casefold() and z not in prefix]
    return (prefix + inner)[:limit]
