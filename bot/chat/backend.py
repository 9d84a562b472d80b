"""The chat layer's door to the services: async calls, each one short unit of work.

Cogs stay thin: they parse options, call one method here, and format the answer.
Database work runs in a worker thread so a slow query never stalls the gateway.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import ParamSpec, TypeVar

from bot.chat.mapping import event_view
from bot.chat.parsing import UserInputError, sentence
from bot.chat.url_articles import UrlArticles
from bot.extract.model import Article
from bot.ics import to_ics
from bot.news.articles import article_from_text
from bot.news.feeds import FeedParseError
from bot.news.fetch import FetchError
from bot.news.poller import probe_feed
from bot.render import ChangeView, EventView
from bot.services.channel_settings import ChannelSettingsService, DigestSettings
from bot.services.feeds import FeedError, FeedService
from bot.services.subscriptions import SubscriptionLimitError, SubscriptionService
from bot.services.timeline_query import TimelineQueries
from bot.timeline import IngestResult, TimelineService
from storage.db import Database
from storage.models import Feed, Subscription
from storage.repos.events import TimelineFilter

P = ParamSpec("P")
T = TypeVar("T")
Clock = Callable[[], datetime]
# Discord checks an option's declared range only in its own client; a hand-made payload can
# carry any integer, and one past 2**63 does not fit a database column.
MAX_ID = 2**62


@dataclass(frozen=True, slots=True)
class TimelinePage:
    events: list[EventView]
    page: int
    has_next: bool


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingested article did to the timeline, ready to render."""

    status: str
    title: str
    created: list[EventView]
    updated: list[tuple[EventView, list[ChangeView]]]
    unchanged: list[EventView]
    error: str | None = None


class ChatBackend:
    """Service calls for the cogs, bound to one database, one clock and the timeline service."""

    def __init__(
        self,
        database: Database,
        clock: Clock,
        timeline: TimelineService,
        *,
        subscriptions: SubscriptionService | None = None,
        feeds: FeedService | None = None,
        channel_settings: ChannelSettingsService | None = None,
        urls: UrlArticles | None = None,
    ) -> None:
        self.urls = urls
        self.subscription_service = subscriptions or SubscriptionService(database, clock)
        self.feed_service = feeds or FeedService(database, clock)
        self.settings_service = channel_settings or ChannelSettingsService(database, clock=clock)
        self.database = database
        self.clock = clock
        self.timeline = timeline
        self.queries = TimelineQueries(database)

    async def _in_thread(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        return await asyncio.to_thread(fn, *args, **kwargs)

    # ------------------------------------------------------------------ timeline
    async def timeline_page(
        self, filters: TimelineFilter, page: int, page_size: int
    ) -> TimelinePage:
        """One page (1-based) of the timeline; one extra row tells whether a next page exists."""
        paged = replace(filters, limit=page_size + 1, offset=(page - 1) * page_size)
        rows = await self._in_thread(self.queries.events, paged)
        views = [event_view(row) for row in rows]
        return TimelinePage(views[:page_size], page, len(views) > page_size)

    async def timeline_events(self, filters: TimelineFilter, limit: int) -> list[EventView]:
        page = await self.timeline_page(filters, 1, limit)
        return page.events

    async def event(self, event_id: int) -> EventView | None:
        """One event with its sources and history, or None."""
        if not 0 < event_id <= MAX_ID:
            return None
        detail = await self._in_thread(self.queries.detail, event_id)
        if detail is None:
            return None
        return event_view(detail.event, detail.sources, detail.history)

    async def digest_events(
        self, day: date, days_ahead: int = 7, limit: int = 15
    ) -> tuple[list[EventView], list[EventView]]:
        """Events on ``day`` and in the ``days_ahead`` days after it (for a daily digest)."""

        def work() -> tuple[list[EventView], list[EventView]]:
            today = self.queries.events(TimelineFilter(start=day, end=day, limit=limit))
            ahead = self.queries.events(
                TimelineFilter(
                    start=day + timedelta(days=1),
                    end=day + timedelta(days=days_ahead),
                    limit=limit + len(today),
                )
            )
            # A week or a month overlapping today is not "today"; it shows when it begins.
            today = [r for r in today if r.precision in ("day", "time")]
            seen = {row.id for row in today}
            ahead = [r for r in ahead if r.id not in seen and r.start_day > day]
            return [event_view(r) for r in today], [event_view(r) for r in ahead][:limit]

        return await self._in_thread(work)

    async def export_ics(self, filters: TimelineFilter, limit: int) -> tuple[int, bytes]:
        """How many events match (counted to ``limit + 1``) and the .ics of the first ``limit``."""

        def work() -> tuple[int, bytes]:
            rows = self.queries.events(replace(filters, limit=limit + 1, offset=0))
            return len(rows), to_ics(rows[:limit])

        return await self._in_thread(work)

    # ------------------------------------------------------------------ subscriptions
    async def subscribe(
        self,
        *,
        guild_id: int,
        channel_id: int,
        countries: list[str],
        types: list[str],
        keywords: list[str],
        reminder_offsets: list[str],
        created_by: int | None,
    ) -> tuple[Subscription, bool]:
        """The new subscription, or the channel's identical one (``False``), offsets updated."""
        try:
            return await self._in_thread(
                lambda: self.subscription_service.create(
                    guild_id=guild_id,
                    channel_id=channel_id,
                    countries=countries,
                    types=types,
                    keywords=keywords,
                    reminder_offsets=reminder_offsets,
                    created_by=created_by,
                )
            )
        except SubscriptionLimitError as exc:
            raise UserInputError(sentence(str(exc))) from None

    async def unsubscribe(self, guild_id: int, subscription_id: int) -> Subscription | None:
        if not 0 < subscription_id <= MAX_ID:
            return None
        return await self._in_thread(self.subscription_service.remove, guild_id, subscription_id)

    async def subscriptions(self, guild_id: int) -> list[Subscription]:
        return await self._in_thread(self.subscription_service.for_guild, guild_id)

    # ------------------------------------------------------------------ digest settings
    async def digest_settings(self, guild_id: int, channel_id: int) -> DigestSettings:
        return await self._in_thread(self.settings_service.digest, guild_id, channel_id)

    async def set_digest(
        self, guild_id: int, channel_id: int, *, time: str, timezone: str, enabled: bool
    ) -> DigestSettings:
        try:
            return await self._in_thread(
                lambda: self.settings_service.set_digest(
                    guild_id, channel_id, time=time, timezone=timezone, enabled=enabled
                )
            )
        except ValueError as exc:
            raise UserInputError(sentence(str(exc))) from None

    # ------------------------------------------------------------------ feeds
    async def add_feed(self, guild_id: int, channel_id: int | None, url: str) -> tuple[Feed, bool]:
        try:
            return await self._in_thread(
                lambda: self.feed_service.add(guild_id=guild_id, channel_id=channel_id, url=url)
            )
        except FeedError as exc:
            raise UserInputError(sentence(str(exc))) from None

    async def probe_feed(self, url: str) -> str:
        """Fetch and parse a feed once; its title, or a sentence saying why it can't be read."""
        if self.urls is None:
            raise UserInputError("Fetching addresses is switched off for this bot.")
        address = self.urls.check(url)
        try:
            parsed = await probe_feed(self.urls.fetcher, address)
        except (FetchError, FeedParseError) as exc:
            raise UserInputError(
                sentence(f"I could not read a feed at that address: {exc}. Check the URL")
            ) from None
        return parsed.title

    async def remove_feed(self, guild_id: int, feed_id: int) -> Feed | None:
        if not 0 < feed_id <= MAX_ID:
            return None
        return await self._in_thread(self.feed_service.remove, guild_id, feed_id)

    async def feeds(self, guild_id: int) -> list[Feed]:
        return await self._in_thread(self.feed_service.for_guild, guild_id)

    # ------------------------------------------------------------------ ingestion
    def article_from_text(
        self,
        text: str,
        *,
        ref: str,
        title: str = "",
        source: str = "",
        dct: date | None = None,
    ) -> Article:
        """Pasted text as an article (DCT from ``dct`` or a dateline); empty text is refused."""
        read = article_from_text(text, ref, dct, title=title, source=source)
        if read.article is None:
            raise UserInputError(sentence(f"I could not use that text: {read.error}"))
        return read.article

    def check_url(self, url: str) -> None:
        """Refuse what can never be fetched before anyone waits for it."""
        if self.urls is None:
            raise UserInputError(
                "This bot cannot fetch pages; paste the article's text with the text option."
            )
        self.urls.check(url)

    async def article_from_url(
        self, url: str, *, title: str = "", dct: date | None = None
    ) -> Article:
        self.check_url(url)
        assert self.urls is not None
        return await self.urls.fetch(url, title, dct)

    async def ingest_article(self, article: Article) -> IngestReport:
        """Merge the article's events into the timeline; report what changed."""
        result = await self._in_thread(self.timeline.ingest, article, ref=article.id)
        if result.status == "failed":
            raise UserInputError(
                f"I could not process that article ({result.error}). Check the text and try again."
            )
        return _report(result, article.title, self.clock())


def _report(result: IngestResult, title: str, now: datetime) -> IngestReport:
    created, updated, unchanged = [], [], []
    for change in result.events:
        view = event_view(change.event)
        if change.kind == "created":
            created.append(view)
        elif change.kind == "updated":
            changes = [ChangeView(now, c.field, c.old, c.new) for c in change.changes]
            updated.append((view, changes))
        else:
            unchanged.append(view)
    return IngestReport(result.status, title, _unique(created), updated, _unique(unchanged))


def _unique(views: list[EventView]) -> list[EventView]:
    """One line per event even when an article mentions it twice."""
    return list({v.id: v for v in views}.values())
