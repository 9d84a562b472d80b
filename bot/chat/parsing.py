"""Parsing what members type into slash-command options (pure; errors are sentences).

Each parser raises :class:`UserInputError` with a sentence that says what to type
instead, which the command tree's error handler shows ephemerally. Reminder offsets are
read by :mod:`config.offsets` (through the subscription service).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import pycountry

from bot.extract.model import EVENT_TYPES
from bot.names import body_names, country_names, participant_name
from bot.services.errors import Refused
from bot.services.filters import parse_country

MAX_KEYWORDS = 10
MAX_KEYWORD_LENGTH = 60
_SPLIT = re.compile(r"[,;]+")


class UserInputError(Refused):
    """Something a member typed that we cannot use; the message says what to do."""


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
    choices = [CountryChoice(code, name) for code, name in body_names().items()]
    known = country_names()
    for country in pycountry.countries:
        choices.append(CountryChoice(country.alpha_2, known.get(country.alpha_2, country.name)))
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


# --------------------------------------------------------------------------- times
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
