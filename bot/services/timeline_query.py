"""Reading the timeline: filters from user input, event lists and one event's full story.

The command line and the Discord cogs both call these, so a filter typed in either place
means the same thing and fails with the same sentence.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pycountry

from bot.extract.model import EVENT_TYPES, STATUSES
from bot.services.titles import BODY_NAMES, SHORT_NAMES
from storage.db import Database
from storage.models import ArticleRow, EventArticle, EventHistory, EventRow
from storage.repos import events as event_repo
from storage.repos.events import EventSummary, TimelineFilter

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_ALIASES = {name.lower(): code for code, name in SHORT_NAMES.items()} | {
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
    if text.upper() in BODY_NAMES:
        return text.upper()
    if text.lower() in _ALIASES:
        return _ALIASES[text.lower()]
    if len(text) == 2 and (
        pycountry.countries.get(alpha_2=text.upper()) or text.upper() in SHORT_NAMES
    ):
        return text.upper()
    try:
        found = pycountry.countries.lookup(text)
    except LookupError:
        found = None
    if found is None:
        raise ValueError(
            f"unknown country {value!r}: use an ISO code like JP, a name like Japan, "
            f"or a body ({', '.join(sorted(BODY_NAMES))})"
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


@dataclass(frozen=True, slots=True)
class EventDetail:
    """An event with the articles behind it and its history, oldest first."""

    event: EventRow
    sources: list[tuple[EventArticle, ArticleRow]]
    history: list[EventHistory]


class TimelineQueries:
    """Read-only access to the timeline, one short session per call."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def events(self, filters: TimelineFilter) -> list[EventSummary]:
        with self._db.session() as session:
            return event_repo.query_timeline(session, filters)

    def detail(self, event_id: int) -> EventDetail | None:
        with self._db.session() as session:
            event = session.get(EventRow, event_id)
            if event is None:
                return None
            return EventDetail(
                event,
                event_repo.event_sources(session, event_id),
                event_repo.event_history(session, event_id),
            )


def event_json(event: EventRow) -> dict[str, Any]:
    """An event as JSON: the extraction contract's fields plus the timeline's own."""
    return {
        "id": event.id,
        "title": event.title,
        "type": event.type,
        "date": event.date,
        "precision": event.precision,
        "end_date": event.end_date,
        "participants": event.participant_codes,
        "people": list(event.people),
        "location": event.location,
        "status": event.status,
        "confidence": round(event.confidence, 3),
        "sources": event.source_count,
        "first_seen": event.first_seen.isoformat(),
        "last_changed": event.last_changed.isoformat(),
    }


def detail_json(detail: EventDetail) -> dict[str, Any]:
    return {
        **event_json(detail.event),
        "articles": [
            {
                "article_id": article.id,
                "ref": article.ref,
                "title": article.title,
                "source": article.source,
                "url": article.url,
                "published": article.published.isoformat() if article.published else None,
                "said_date": link.date,
                "said_status": link.status,
                "evidence": link.evidence,
            }
            for link, article in detail.sources
        ],
        "history": [
            {
                "at": h.at.isoformat(),
                "field": h.field,
                "old": h.old,
                "new": h.new,
                "article_id": h.article_id,
            }
            for h in detail.history
        ],
    }
