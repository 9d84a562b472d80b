"""The composition root of the bot process: settings, database, clock, services, scheduler.

Everything a cog uses is built here and handed to the client; no module reaches
for a global. Tests build the same object with a temporary database and a fixed clock.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.alerts.runtime import AlertOptions, alert_writer
from bot.chat.backend import ChatBackend, Clock
from bot.chat.url_articles import UrlArticles
from bot.news.fetch import Fetcher
from bot.services.channel_settings import ChannelSettingsService
from bot.services.feeds import FeedService
from bot.services.subscriptions import SubscriptionService
from bot.timeline import ChangeHook, Extractor, TimelineService
from config.settings import Settings
from storage.db import Database, open_database

log = logging.getLogger("diplobot.chat")


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass
class BotServices:
    """The services one bot process shares; started in ``setup_hook``, stopped in ``close``."""

    settings: Settings
    database: Database
    timeline: TimelineService
    backend: ChatBackend
    clock: Clock
    scheduler: AsyncIOScheduler
    urls: UrlArticles
    owns_database: bool = True

    async def start(self) -> None:
        """Start the shared scheduler; a feature cog adds its jobs (with ids) in ``cog_load``."""
        if not self.scheduler.running:
            self.scheduler.start()

    async def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        await self.urls.close()
        if self.owns_database:
            self.database.dispose()


def build_services(
    settings: Settings,
    *,
    clock: Clock | None = None,
    database: Database | None = None,
    on_changes: ChangeHook | None = None,
    extractor: Extractor | None = None,
    fetcher: Fetcher | None = None,
) -> BotServices:
    """Open the database (migrating it) and wire the services the cogs call.

    ``on_changes`` runs in each ingestion's transaction (alerts queue their outbox rows there).
    """
    owns = database is None
    db = database if database is not None else open_database(settings)
    tick = clock or system_clock
    if on_changes is None:  # alerts and reminders are queued in each ingestion's transaction
        on_changes = alert_writer(tick, AlertOptions.from_settings(settings))
    timeline = TimelineService(db, clock=tick, on_changes=on_changes, extractor=extractor)
    channel_settings = ChannelSettingsService(
        db,
        default_time=settings.default_digest_time,
        default_timezone=settings.default_timezone,
        clock=tick,
    )
    urls = UrlArticles(
        fetcher
        or Fetcher(
            max_bytes=settings.fetch_max_bytes,
            timeout_s=settings.fetch_timeout_s,
            max_redirects=settings.fetch_max_redirects,
        )
    )
    # Feeds may be stored only where the fetcher may go (loopback only in tests that say so).
    allow_loopback = urls.fetcher.allow_loopback
    backend = ChatBackend(
        db,
        tick,
        timeline,
        urls=urls,
        subscriptions=SubscriptionService(db, tick),
        feeds=FeedService(db, tick, allow_loopback=allow_loopback),
        channel_settings=channel_settings,
    )
    return BotServices(
        settings=settings,
        database=db,
        timeline=timeline,
        backend=backend,
        urls=urls,
        clock=tick,
        scheduler=AsyncIOScheduler(timezone=UTC),
        owns_database=owns,
    )
