"""The alerting passes of one process: send the outbox, plan digests and reminders, mirror,
clean up; and their schedule (:meth:`Delivery.jobs`, installed by :mod:`bot.scheduling`).

Built once by the composition root (:func:`bot.app.build_app`). Each pass can also be called
directly (tests, ``diplobot poll``); every pass reads what is due from the database.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import timedelta

from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.alerts.digests import DigestPlanner
from bot.alerts.mirror import MirrorSync
from bot.alerts.planner import ReminderPlanner
from bot.alerts.sender import OutboxSender
from bot.clock import Clock
from bot.scheduling import JobSpec
from storage.db import Database
from storage.repos import digests as digest_repo
from storage.repos import member_reminders as member_repo
from storage.repos import outbox
from storage.repos import reminders as plan_repo

log = logging.getLogger("diplobot.alerts")

# Sent and dropped rows, plans and digest runs are kept this long, so a late duplicate still
# finds its key.
KEEP = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class DeliveryTiming:
    """How often each pass runs (production values; tests call the passes directly), and how
    long a sender's claim on rows lasts (rows of a process that died come back after it)."""

    send_every_s: float = 2.0
    claim_lease: timedelta = timedelta(minutes=2)
    reminder_pass_every: timedelta = timedelta(minutes=10)
    mirror_every: timedelta = timedelta(minutes=15)


@dataclass
class Delivery:
    database: Database
    clock: Clock
    sender: OutboxSender
    digests: DigestPlanner
    reminders: ReminderPlanner
    mirror: MirrorSync | None = None
    timing: DeliveryTiming = DeliveryTiming()

    def kick(self) -> None:
        """Send what is due now (new alerts were queued), not at the next scheduled pass."""
        self.sender.kick()

    async def stop(self, wait_s: float) -> None:
        """Shutdown: finish the sends in flight, give back the rest (see ``OutboxSender.stop``)."""
        await self.sender.stop(wait_s)

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
        """Delete outbox rows, reminder plans, digest runs and members' finished reminders
        older than ``KEEP``."""

        def work() -> int:
            cutoff = self.clock() - KEEP
            with self.database.session() as session:
                plan_repo.cleanup(session, cutoff)
                digest_repo.cleanup(session, cutoff)
                member_repo.cleanup(session, cutoff)
                return outbox.cleanup(session, cutoff)

        return await asyncio.to_thread(work)

    async def sync_mirrors(self) -> int:
        return await self.mirror.run() if self.mirror is not None else 0

    def jobs(self) -> list[JobSpec]:
        t = self.timing
        specs = [
            JobSpec(
                "outbox.send",
                self.send,
                IntervalTrigger(seconds=t.send_every_s),
                # A late pass is as good as a timely one; skipping it would only delay mail.
                misfire_grace_time=30,
                run_at_start=True,
                description="send due outbox messages",
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
                IntervalTrigger(seconds=int(t.reminder_pass_every.total_seconds())),
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
                    IntervalTrigger(seconds=int(t.mirror_every.total_seconds())),
                    misfire_grace_time=None,  # idempotent: a late pass is still right
                    run_at_start=True,
                    description="mirror subscribed events as Discord scheduled events",
                )
            )
        return specs


__all__ = ["KEEP", "Delivery", "DeliveryTiming"]
