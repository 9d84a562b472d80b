"""The composition root: every service of a process, made once, from settings, a database,
a clock and a publisher.

The Discord client (:mod:`bot.chat.client`), the scheduler (:meth:`App.start`) and every
command-line command take what they need from the :class:`App`; nothing else constructs a
service, and no module reaches for a global. Tests build the same app with a temporary
database, a :class:`bot.clock.FakeClock` and a recording publisher.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import UTC, timedelta
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.alerts.changes import AlertWriter
from bot.alerts.delivery import Delivery, DeliveryTiming
from bot.alerts.digests import DigestPlanner
from bot.alerts.mirror import EventsGateway, MirrorSync
from bot.alerts.planner import ReminderPlanner
from bot.alerts.prefs import ChannelDefaults
from bot.alerts.sender import NotConnected, OutboxSender, Publisher
from bot.clock import Clock
from bot.news.fetch import Fetcher
from bot.scheduling import JobSpec, install, uninstall
from bot.services.articles import ArticleReader
from bot.services.calendars import CalendarService
from bot.services.digests import DigestService
from bot.services.feed_polling import FeedPoller
from bot.services.feeds import FeedService
from bot.services.health import HealthService
from bot.services.ingesting import IngestService
from bot.services.member_reminders import MemberReminderService
from bot.services.mirroring import MirrorService
from bot.services.news_channels import NewsChannelService, NewsPolicy
from bot.services.status import StatusService
from bot.services.subscriptions import SubscriptionService
from bot.services.timeline_reader import TimelineReader
from bot.timeline import Extractor, TimelineService
from bot.web.server import CalendarServer
from config.settings import Settings
from storage.db import Database

log = logging.getLogger("diplobot")
# How long a shutdown lets work in flight finish (sends, a feed entry); well inside the 10 s
# a service manager gives between SIGTERM and SIGKILL, with the gateway and database after it.
SHUTDOWN_WAIT_S = 5.0


@dataclass
class App:
    """The services one process shares. ``start`` schedules the background passes; ``close``
    stops them and releases the fetcher (the database belongs to whoever opened it)."""

    settings: Settings
    database: Database
    clock: Clock
    defaults: ChannelDefaults
    fetcher: Fetcher
    timeline: TimelineService
    reader: TimelineReader
    articles: ArticleReader
    ingest: IngestService
    subscriptions: SubscriptionService
    feeds: FeedService
    digests: DigestService
    news_channels: NewsChannelService
    mirroring: MirrorService
    health: HealthService
    status: StatusService
    member_reminders: MemberReminderService
    delivery: Delivery
    feed_poller: FeedPoller
    calendars: CalendarService
    web: CalendarServer | None = None
    scheduler: AsyncIOScheduler = field(default_factory=lambda: AsyncIOScheduler(timezone=UTC))
    job_ids: list[str] = field(default_factory=list)
    running_jobs: set[asyncio.Task[Any]] = field(default_factory=set)
    closed: bool = False

    def jobs(self) -> list[JobSpec]:
        """Every background pass of the process, with fixed ids."""
        return [*self.delivery.jobs(), self.feed_poller.job(), *self.news_channels.jobs()]

    async def start(self) -> None:
        """Schedule every pass (once per process; ``setup_hook``, never ``on_ready``)."""
        self.job_ids = install(self.scheduler, self.jobs(), running=self.running_jobs)
        if not self.scheduler.running:
            self.scheduler.start()
        await self._start_web()

    async def _start_web(self) -> None:
        """Serve calendar links; an address that cannot be had is logged, not fatal (the
        bot's Discord work goes on, and /calendar says links are off)."""
        if self.web is None:
            return
        try:
            await self.web.start()
        except OSError as exc:
            log.error(
                "calendar links are not served: cannot listen on %s (%s); set "
                "DIPLOBOT_WEB_BIND to a free address, or off",
                self.web.bind,
                exc.strerror or exc,
            )
            self.web = None
            if not self.settings.web_base_url:
                self.calendars.base_url = None

    async def close(self, wait_s: float = SHUTDOWN_WAIT_S) -> None:
        """Stop taking work (no new pass, feed entry or news message), let what is in flight
        finish within ``wait_s`` (sends, a feed entry's transaction), give the rest back."""
        if self.closed:
            return
        self.closed = True
        self.feed_poller.stopping = True
        self.news_channels.stopping = True
        uninstall(self.scheduler, self.job_ids)  # no new runs; the running ones go on
        if self.web is not None:
            await self.web.stop()

        async def jobs_done() -> None:
            if not self.running_jobs:
                return
            _, late = await asyncio.wait(set(self.running_jobs), timeout=wait_s)
            for task in late:
                log.warning("job %s still running at shutdown; stopped", task.get_name())
                task.cancel()

        await asyncio.gather(jobs_done(), self.delivery.stop(wait_s))
        if self.scheduler.running:  # cancels what still runs: after the wait, not before
            self.scheduler.shutdown(wait=False)
        await self.fetcher.close()


def build_app(
    settings: Settings,
    database: Database,
    clock: Clock,
    publisher: Publisher | None,
    *,
    extractor: Extractor | None = None,
    fetcher: Fetcher | None = None,
    events: EventsGateway | None = None,
    timing: DeliveryTiming | None = None,
    worker_id: str | None = None,
) -> App:
    """Make every service once. ``publisher`` is what talks to Discord (or a test's stand-in);
    None for a process that only queues (the command line). ``events`` mirrors scheduled
    events (only a Discord connection has one)."""
    defaults = ChannelDefaults.from_settings(settings)
    timing = timing or DeliveryTiming()
    fetch = fetcher or Fetcher(
        max_bytes=settings.fetch_max_bytes,
        timeout_s=settings.fetch_timeout_s,
        max_redirects=settings.fetch_max_redirects,
        allow_hosts=frozenset(settings.feed_allow_hosts),
    )
    timeline = TimelineService(
        database, clock=clock, extractor=extractor, on_changes=AlertWriter(clock, defaults)
    )
    digests = DigestPlanner(database, clock, defaults)
    delivery = Delivery(
        database,
        clock,
        OutboxSender(
            database,
            publisher or NotConnected(),
            clock,
            worker_id=worker_id,
            lease=timing.claim_lease,
        ),
        digests,
        ReminderPlanner(database, clock, defaults),
        (
            MirrorSync(database, events, clock, defaults.reminder_offsets, defaults.timezone)
            if events
            else None
        ),
        timing,
    )
    articles = ArticleReader(fetch)
    calendars = CalendarService(database, clock, settings.web_base_url)
    if settings.web_bind == "off":
        web = None
    else:
        web = CalendarServer(calendars, settings.web_bind, base_url=settings.web_base_url)
        if calendars.base_url is None:  # until it listens: what the CLI would show
            calendars.base_url = f"http://{settings.web_bind}"
    return App(
        settings=settings,
        database=database,
        clock=clock,
        defaults=defaults,
        fetcher=fetch,
        timeline=timeline,
        reader=TimelineReader(database, clock),
        articles=articles,
        ingest=IngestService(timeline, clock),
        subscriptions=SubscriptionService(database, clock, defaults.reminder_offsets),
        feeds=FeedService(database, clock, fetch, validate=settings.validate_feeds),
        digests=DigestService(database, clock, defaults, digests),
        news_channels=NewsChannelService(
            database,
            clock,
            timeline,
            articles,
            delivery.kick,
            NewsPolicy.from_settings(settings),
        ),
        mirroring=MirrorService(database, clock, delivery),
        health=HealthService(database),
        status=StatusService(database, clock),
        member_reminders=MemberReminderService(database, clock, defaults),
        delivery=delivery,
        feed_poller=FeedPoller(
            database,
            fetch,
            timeline,
            clock,
            interval=timedelta(minutes=settings.feed_poll_minutes),
            on_ingested=delivery.kick,
        ),
        calendars=calendars,
        web=web,
    )


__all__ = ["App", "build_app"]
