"""The composition root of the bot process: settings, database, clock, services, scheduler.

Everything a cog uses is built here and handed to the client; no module reaches
for a global. Tests build the same object with a temporary database and a fixed clock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.chat.backend import ChatBackend, Clock
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
    # Jobs later issues add (feed polling, outbox, reminders, digests) register here.
    starters: list[Callable[[BotServices], Any]] = field(default_factory=list)
    owns_database: bool = True

    async def start(self) -> None:
        for starter in self.starters:
            result = starter(self)
            if hasattr(result, "__await__"):
                await result
        if not self.scheduler.running:
            self.scheduler.start()

    async def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        if self.owns_database:
            self.database.dispose()


def build_services(
    settings: Settings,
    *,
    clock: Clock | None = None,
    database: Database | None = None,
    on_changes: ChangeHook | None = None,
    extractor: Extractor | None = None,
) -> BotServices:
    """Open the database (migrating it) and wire the services the cogs call.

    ``on_changes`` runs in each ingestion's transaction (alerts queue their outbox rows there).
    """
    owns = database is None
    db = database if database is not None else open_database(settings)
    tick = clock or system_clock
    timeline = TimelineService(db, clock=tick, on_changes=on_changes, extractor=extractor)
    channel_settings = ChannelSettingsService(
        db,
        default_time=settings.default_digest_time,
        default_timezone=settings.default_timezone,
        clock=tick,
    )
    backend = ChatBackend(
        db,
        tick,
        timeline,
        subscriptions=SubscriptionService(db, tick),
        feeds=FeedService(db, tick),
        channel_settings=channel_settings,
    )
    return BotServices(
        settings=settings,
        database=db,
        timeline=timeline,
        backend=backend,
        clock=tick,
        scheduler=AsyncIOScheduler(timezone=UTC),
        owns_database=owns,
    )
