"""The alerting machinery of one process: poller, sender, planners, and their jobs.

Built by the composition root (or the Discord layer's delivery cog) from the shared database,
timeline and clock, plus a publisher that talks to Discord. ``jobs()`` describes the
background passes for :mod:`bot.scheduling`; each pass can also be called directly (tests,
the ``diplobot poll`` command).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.alerts import outbox
from bot.alerts.changes import AlertWriter
from bot.alerts.digests import DigestPlanner
from bot.alerts.mirror import EventsGateway, MirrorSync
from bot.alerts.planner import ReminderPlanner
from bot.alerts.sender import OutboxSender, Publisher
from bot.clock import Clock
from bot.news.fetch import Fetcher
from bot.news.poller import FeedPoller
from bot.scheduling import JobSpec
from bot.timeline import TimelineService
from config.settings import Settings
from storage.db import Database

log = logging.getLogger("diplobot.alerts")


@dataclass(frozen=True, slots=True)
class AlertOptions:
    """Knobs of the background work (defaults suit production)."""

    default_timezone: str = "UTC"
    default_digest_time: str = "08:00"
    default_offsets: Sequence[str] = ("1d", "1h")
    feed_interval: timedelta = timedelta(minutes=15)
    feed_check_every_s: int = 30
    feed_concurrency: int = 8
    feed_timeout_s: float = 60.0
    send_every_s: float = 2.0
    reminder_pass_every: timedelta = timedelta(minutes=10)
    mirror_every: timedelta = timedelta(minutes=15)
    worker_id: str | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> AlertOptions:
        return cls(
            default_timezone=settings.default_timezone,
            default_digest_time=settings.default_digest_time,
            default_offsets=tuple(settings.default_reminder_offsets),
            feed_interval=timedelta(minutes=settings.feed_poll_minutes),
        )


def alert_writer(clock: Clock, options: AlertOptions | None = None) -> AlertWriter:
    """The timeline's ``on_changes`` hook for these options."""
    opts = options or AlertOptions()
    return AlertWriter(
        clock,
        default_offsets=opts.default_offsets,
        default_timezone=opts.default_timezone,
        default_time=opts.default_digest_time,
    )


@dataclass
class AlertRuntime:
    database: Database
    clock: Clock
    sender: OutboxSender
    poller: FeedPoller
    digests: DigestPlanner
    reminders: ReminderPlanner
    fetcher: Fetcher
    options: AlertOptions
    owns_fetcher: bool = True
    mirror: MirrorSync | None = None
    job_ids: list[str] = field(default_factory=list)

    # ------------------------------------------------------------------ passes
    async def poll_feeds(self) -> int:
        outcomes = await self.poller.poll_due()
        return len(outcomes)

    async def send(self) -> int:
        """The scheduled pass: returns at once when a kicked pass is already draining."""
        if self.sender.busy:
            return 0
        stats = await self.sender.run_until_idle(max_passes=20)
        return stats.sent

    async def send_now(self) -> int:
        """Send everything due, waiting for a pass in progress (tests, catch-up, CLI)."""
        stats = await self.sender.run_until_idle()
        return stats.sent

    async def plan_digests(self) -> int:
        queued = await asyncio.to_thread(self.digests.run)
        if queued:
            self.sender.kick()
        return queued

    async def plan_reminders(self) -> int:
        written = await asyncio.to_thread(self.reminders.run)
        if written:
            self.sender.kick()
        return written

    async def cleanup(self) -> int:
        def work() -> int:
            with self.database.session() as session:
                return outbox.cleanup(session, self.clock())

        return await asyncio.to_thread(work)

    async def sync_mirrors(self) -> int:
        return await self.mirror.run() if self.mirror is not None else 0

    def jobs(self) -> list[JobSpec]:
        o = self.options
        specs = [
            JobSpec(
                "outbox.send",
                self.send,
                IntervalTrigger(seconds=o.send_every_s),
                # A late pass is as good as a timely one; skipping it would only delay mail.
                misfire_grace_time=30,
                run_at_start=True,
                description="send due outbox messages",
            ),
            JobSpec(
                "feeds.poll",
                self.poll_feeds,
                IntervalTrigger(
                    seconds=o.feed_check_every_s, jitter=max(1, o.feed_check_every_s // 6)
                ),
                misfire_grace_time=o.feed_check_every_s * 4,
                description="poll feeds whose next_poll has passed",
            ),
            JobSpec(
                "digests.plan",
                self.plan_digests,
                CronTrigger(second=0, timezone="UTC"),  # on the minute: 08:00 means 08:00
                # Idempotent and keyed by local day: a run however late is still right.
                misfire_grace_time=None,
                run_at_start=True,
                description="queue the daily digests that are due",
            ),
            JobSpec(
                "reminders.plan",
                self.plan_reminders,
                IntervalTrigger(seconds=int(o.reminder_pass_every.total_seconds())),
                misfire_grace_time=None,
                run_at_start=True,
                description="plan reminders for new subscriptions and after downtime",
            ),
            JobSpec(
                "outbox.cleanup",
                self.cleanup,
                CronTrigger(hour=3, minute=17, timezone="UTC"),
                misfire_grace_time=6 * 3600,
                description="delete outbox rows, plans and digest runs past their keep time",
            ),
        ]
        if self.mirror is not None:
            specs.append(
                JobSpec(
                    "mirror.sync",
                    self.sync_mirrors,
                    IntervalTrigger(seconds=int(o.mirror_every.total_seconds())),
                    misfire_grace_time=None,  # idempotent: a late pass is still right
                    run_at_start=True,
                    description="mirror subscribed events as Discord scheduled events",
                )
            )
        return specs

    async def close(self) -> None:
        if self.owns_fetcher:
            await self.fetcher.close()


def build_runtime(
    database: Database,
    timeline: TimelineService,
    clock: Clock,
    publisher: Publisher,
    *,
    options: AlertOptions | None = None,
    fetcher: Fetcher | None = None,
    events: EventsGateway | None = None,
) -> AlertRuntime:
    opts = options or AlertOptions()
    owns = fetcher is None
    fetch = fetcher or Fetcher()
    sender = OutboxSender(database, publisher, clock, worker_id=opts.worker_id)
    poller = FeedPoller(
        database,
        fetch,
        timeline,
        clock,
        interval=opts.feed_interval,
        concurrency=opts.feed_concurrency,
        feed_timeout_s=opts.feed_timeout_s,
        on_ingested=sender.kick,
    )
    digests = DigestPlanner(
        database,
        clock,
        default_timezone=opts.default_timezone,
        default_time=opts.default_digest_time,
        default_offsets=opts.default_offsets,
    )
    reminders = ReminderPlanner(
        database,
        clock,
        default_offsets=opts.default_offsets,
        default_timezone=opts.default_timezone,
    )
    return AlertRuntime(
        database,
        clock,
        sender,
        poller,
        digests,
        reminders,
        fetch,
        opts,
        owns_fetcher=owns,
        mirror=MirrorSync(database, events, clock) if events is not None else None,
    )


__all__ = ["AlertOptions", "AlertRuntime", "alert_writer", "build_runtime"]
