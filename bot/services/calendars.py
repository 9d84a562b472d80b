"""Calendar links: a channel's filtered timeline as a calendar apps subscribe to, and a page.

``/calendar`` and ``diplobot calendar`` make, list and revoke links through this service;
the web server (:mod:`bot.web`) asks it for a link's feed. A link is a random token of 192
bits; only its SHA-256 is stored, so the link is shown once, when it is made. Every request
hashes what it was given and looks the hash up, the same work whether the link is valid,
revoked or unknown. The filters are those of ``/subscribe`` and match the same way
(:class:`bot.alerts.matching.Rule`).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from bot.alerts.matching import Rule
from bot.clock import Clock
from bot.render.html import timeline_page
from bot.render.ics import SourceLink, assemble, vevent_bytes
from bot.services.calendar_cache import FeedCache, VeventCache
from bot.services.errors import Refused
from storage.db import Database
from storage.models import CalendarToken
from storage.repos import calendars as calendar_repo
from storage.repos import events as event_repo
from storage.repos.events import EventSummary, TimelineFilter
from storage.repos.guild_rows import MAX_ID

TOKEN_BYTES = 24  # 192 random bits, 32 URL-safe characters
MAX_PER_GUILD = 25  # links not revoked, per server
LOOKBACK = timedelta(days=30)  # a calendar starts this far back
MAX_EVENTS = 1000  # per calendar, the earliest first
_SCAN = 3 * MAX_EVENTS  # rows read (the nearest first) before keywords are matched
CHANGED_LIMIT = 200  # more events changed than this since a link was read: read it again
REFRESH = timedelta(hours=1)  # what calendar apps are told about polling
RENDER_VERSION = "1"  # part of every ETag: a new rendering makes every calendar new


def hash_token(token: str) -> str:
    """The stored form of a token (what the database holds, never the token)."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


@dataclass(frozen=True, slots=True)
class NewCalendar:
    """A link just made: the only time its token is known."""

    calendar: CalendarToken
    token: str
    ics_url: str
    page_url: str


@dataclass(frozen=True, slots=True)
class CalendarFeed:
    """The events a link shows today, and the ETag of what they render to."""

    calendar_id: int
    name: str
    today: date
    installation: str
    events: list[EventSummary]
    version: str = ""  # a digest of the events' versions, made once (:func:`make_feed`)
    ids: frozenset[int] = frozenset()

    def etag(self, kind: str) -> str:
        """Changes when an event of the calendar changes, appears or leaves, and each day
        (the window moves); ``kind`` keeps the page's and the file's apart."""
        head = f"{RENDER_VERSION}|{kind}|{self.calendar_id}|{self.today}|{self.version}"
        return f'"{hashlib.sha256(head.encode()).hexdigest()[:40]}"'


def make_feed(
    calendar_id: int, name: str, today: date, installation: str, events: list[EventSummary]
) -> CalendarFeed:
    """A feed with the digest of what its events are now (id, revision, change, status,
    sources, date, title)."""
    digest = hashlib.sha256(installation.encode())
    for e in events:
        line = (
            f"\n{e.id}|{e.revision}|{e.last_changed.isoformat()}|{e.status}|"
            f"{e.source_count}|{e.date}|{e.end_date}|{e.title}"
        )
        digest.update(line.encode("utf-8", "replace"))
    ids = frozenset(e.id for e in events)
    return CalendarFeed(calendar_id, name, today, installation, events, digest.hexdigest(), ids)


def _version(event: EventSummary, installation: str) -> tuple[object, ...]:
    """What an event's VEVENT depends on: any recorded change moves ``revision`` or
    ``last_changed``; a new source moves ``source_count``."""
    return (
        event.id, event.revision, event.last_changed, event.status, event.source_count,
        event.date, event.end_date, event.title, installation,
    )  # fmt: skip


def _rule(row: CalendarToken) -> Rule:
    """A link's filters as the subscription matcher reads them."""
    return Rule(
        id=int(row.id or 0),
        guild_id=row.guild_id,
        channel_id=row.channel_id,
        countries=frozenset(c.upper() for c in row.countries),
        types=frozenset(t.lower() for t in row.types),
        keywords=tuple(row.keywords),
        offsets=(),
    )


def _touches(event: EventSummary, rule: Rule, feed: CalendarFeed) -> bool:
    """Whether a changed event is, was or may now be in the feed."""
    if event.id in feed.ids:
        return True
    in_window = event.end_day >= feed.today - LOOKBACK
    return in_window and rule.matches(event)  # type: ignore[arg-type]


def describe_filters(cal: CalendarToken) -> str:
    parts = []
    if cal.countries:
        parts.append("countries " + ", ".join(cal.countries))
    if cal.types:
        parts.append("types " + ", ".join(cal.types))
    if cal.keywords:
        parts.append("keywords " + ", ".join(cal.keywords))
    return "; ".join(parts) or "every event"


class CalendarService:
    """Make, list, revoke and read calendar links; one short transaction per call.

    ``base_url`` is what links start with: the admin's ``DIPLOBOT_WEB_BASE_URL``, else the
    web server's address once it listens; None when no link can be given (web server off).
    """

    def __init__(self, db: Database, clock: Clock, base_url: str | None) -> None:
        self._db = db
        self._clock = clock
        self.base_url = base_url.rstrip("/") if base_url else None
        self._chunks = VeventCache()
        self._feeds: FeedCache[CalendarFeed] = FeedCache()

    # -- links ---------------------------------------------------------------------
    def links(self, token: str) -> tuple[str, str]:
        """The calendar file's and the page's address for ``token``."""
        if not self.base_url:
            raise Refused(
                "calendars are switched off on this installation (DIPLOBOT_WEB_BIND is off); "
                "ask the bot's admin to switch the web server on"
            )
        page = f"{self.base_url}/cal/{token}"
        return f"{page}.ics", page

    def create(
        self,
        *,
        guild_id: int,
        channel_id: int,
        countries: Sequence[str] = (),
        types: Sequence[str] = (),
        keywords: Sequence[str] = (),
        created_by: int | None = None,
    ) -> NewCalendar:
        """A new link with these filters (the token is returned here and never again)."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        ics_url, page_url = self.links(token)
        with self._db.session() as session:
            if calendar_repo.count_active(session, guild_id) >= MAX_PER_GUILD:
                raise Refused(
                    f"this server already has {MAX_PER_GUILD} calendar links; revoke one first "
                    "(/calendar list shows them)"
                )
            row = CalendarToken(
                token_hash=hash_token(token),
                guild_id=guild_id,
                channel_id=channel_id,
                countries=sorted(set(countries)),
                types=sorted(set(types)),
                keywords=sorted({k.strip().lower() for k in keywords if k.strip()}),
                created_by=created_by,
                created_at=self._clock(),
            )
            session.add(row)
            session.flush()
            calendar_repo.installation_uid(session, self._clock())
            return NewCalendar(row, token, ics_url, page_url)

    def for_guild(self, guild_id: int) -> list[CalendarToken]:
        with self._db.session() as session:
            return calendar_repo.for_guild(session, guild_id)

    def revoke(self, guild_id: int, calendar_id: int) -> CalendarToken:
        """Revoke the server's link number ``calendar_id``; its address answers 404 at once."""
        with self._db.session() as session:
            row = session.get(CalendarToken, calendar_id) if 0 < calendar_id <= MAX_ID else None
            if row is None or row.guild_id != guild_id:
                raise Refused(
                    f"this server has no calendar link #{calendar_id}; /calendar list shows "
                    "their numbers"
                )
            if row.revoked_at is None:
                row.revoked_at = self._clock()
            return row

    # -- reading -------------------------------------------------------------------
    def feed(self, token: str) -> CalendarFeed | None:
        """What the link ``token`` shows now; None when it is unknown or revoked (the same
        look-up either way). A link's events are read again only when an event it shows or
        would show changed, the day turned, or its feed is older than ``FEED_TTL_S``."""
        token_hash = hash_token(token)
        today = self._clock().date()
        with self._db.session() as session:
            row = calendar_repo.by_hash(session, token_hash)
            found = row is not None and secrets.compare_digest(row.token_hash, token_hash)
            if row is None or not found or row.revoked_at is not None:
                return None
            calendar_id, rule = int(row.id or 0), _rule(row)
            marker = calendar_repo.timeline_marker(session)
            held = self._feeds.get(calendar_id)
            if held is not None and held.feed.today == today:
                if held.marker == marker:
                    return held.feed
                changed = calendar_repo.changed_since(session, held.marker, CHANGED_LIMIT)
                if changed is not None and not any(_touches(e, rule, held.feed) for e in changed):
                    self._feeds.still(calendar_id, held, marker)
                    return held.feed
            feed = self._read(session, row, rule, today)
        self._feeds.put(calendar_id, feed, marker)
        return feed

    def _read(self, session: Session, row: CalendarToken, rule: Rule, today: date) -> CalendarFeed:
        filters = TimelineFilter(
            start=today - LOOKBACK,
            countries=tuple(sorted(rule.countries)),
            types=tuple(sorted(rule.types)),
            limit=_SCAN if rule.keywords else MAX_EVENTS,
        )
        if rule.keywords:  # match on a few columns, then load the events that match
            fields = calendar_repo.match_fields(session, filters)
            ids = [f.id for f in fields if rule.matches(f)][:MAX_EVENTS]  # type: ignore[arg-type]
            chosen = TimelineFilter(ids=tuple(ids), limit=None)
            events = event_repo.query_timeline(session, chosen) if ids else []
        else:
            events = event_repo.query_timeline(session, filters)
        installation = calendar_repo.installation_uid(session, self._clock())
        name = f"Diplomatic events ({describe_filters(row)})"
        return make_feed(int(row.id or 0), name, today, installation, events)

    def _sources(self, events: Sequence[EventSummary]) -> dict[int, list[SourceLink]]:
        with self._db.session() as session:
            found = calendar_repo.sources_of(session, [e.id for e in events])
        return {i: [SourceLink(*s) for s in links] for i, links in found.items()}

    def ics(self, feed: CalendarFeed) -> bytes:
        """The feed as an iCalendar file, each event with its sources. An event's VEVENT is
        drawn once per version of it (:class:`VeventCache`): links sharing events, and a
        link's next answer after one change, draw only what changed."""
        keys = [_version(e, feed.installation) for e in feed.events]
        chunks = self._chunks.get_many(keys)
        missing = [e for e, chunk in zip(feed.events, chunks, strict=True) if chunk is None]
        if missing:
            sources = self._sources(missing)
            drawn = {
                e.id: vevent_bytes(e, feed.installation, sources.get(e.id, ())) for e in missing
            }
            self._chunks.put_many((_version(e, feed.installation), drawn[e.id]) for e in missing)
            chunks = [
                c if c is not None else drawn[e.id]
                for e, c in zip(feed.events, chunks, strict=True)
            ]
        return assemble([c for c in chunks if c is not None], name=feed.name, refresh=REFRESH)

    def page(self, feed: CalendarFeed, ics_url: str) -> str:
        """The feed's coming events as an HTML page."""
        coming = [e for e in feed.events if e.end_day >= feed.today]
        return timeline_page(coming, self._sources(coming), feed.today, feed.name, ics_url)


__all__ = [
    "MAX_PER_GUILD",
    "CalendarFeed",
    "CalendarService",
    "NewCalendar",
    "describe_filters",
    "hash_token",
]
