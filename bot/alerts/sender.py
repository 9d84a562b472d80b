"""The outbox sender: claim due rows, send them through a publisher, record the outcome.

A send that fails for a passing reason (a 5xx, a timeout, a network error) is retried with
exponential back-off; one that can never succeed because the channel is gone or the bot lost
its permission there pauses that channel's subscriptions, drops its other pending messages
and tells the server's admins once. A message Discord refuses (another 4xx), or one still
failing after every try, is kept as failed with its reason, the admins are told (once a day
at most), and ``diplobot outbox retry`` sends it again: nothing is dropped silently. Each
message carries its row's random nonce, so a resend after a crash between "sent" and "marked
sent" is dropped by Discord instead of appearing twice.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal, Protocol

from sqlalchemy.orm import Session

from bot.alerts import kinds
from bot.alerts.notices import notify_admins
from bot.clock import Clock
from bot.render import channel_paused_card, message_undelivered_card
from storage.db import Database
from storage.repos import member_reminders as member_repo
from storage.repos import outbox
from storage.repos import subscriptions as subscription_repo

log = logging.getLogger("diplobot.alerts")

# "dms_closed": a member's direct messages are closed to the bot (Discord code 50007).
Outcome = Literal["sent", "retry", "channel_lost", "rejected", "dms_closed"]
MAX_ATTEMPTS = 8
BASE_BACKOFF = timedelta(seconds=10)
MAX_BACKOFF = timedelta(hours=1)
# Discord drops a repeated nonce for "a few minutes": a crashed claim must come due again
# within that time, and a live sender stops using its claim this long before it runs out.
LEASE_MARGIN = timedelta(seconds=20)


@dataclass(frozen=True, slots=True)
class SendResult:
    """What the publisher made of one message."""

    outcome: Outcome
    message_id: int | None = None
    reason: str = ""


class Publisher(Protocol):
    async def send(self, message: outbox.Claimed) -> SendResult: ...


class NotConnected:
    """The publisher of a process that only queues (the command line): it sends nothing, and
    a row it is handed goes back to the queue for the bot process."""

    async def send(self, message: outbox.Claimed) -> SendResult:
        return SendResult("retry", reason="this process does not post to Discord")


@dataclass(slots=True)
class SendStats:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    dropped: int = 0
    paused_channels: list[int] = field(default_factory=list)


def default_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def backoff(attempts: int) -> timedelta:
    return min(MAX_BACKOFF, BASE_BACKOFF * (2 ** max(0, attempts - 1)))


class OutboxSender:
    """Sends due outbox rows; safe to run in several processes on one PostgreSQL database."""

    def __init__(
        self,
        db: Database,
        publisher: Publisher,
        clock: Clock,
        *,
        worker_id: str | None = None,
        batch: int = 200,
        lease: timedelta = timedelta(minutes=2),
        concurrency: int = 16,
    ) -> None:
        self._db = db
        self._publisher = publisher
        self._clock = clock
        self.worker_id = worker_id or default_worker_id()
        self._batch = batch
        self._lease = lease
        self._concurrency = concurrency
        self._lock = asyncio.Lock()
        self._kicked: asyncio.Task[SendStats] | None = None
        self._stopping = False

    async def _db_call(self, fn: Callable[[Session], object]) -> object:
        def work() -> object:
            with self._db.session() as session:
                return fn(session)

        return await asyncio.to_thread(work)

    @property
    def busy(self) -> bool:
        """A pass is running (a scheduled pass can then return at once instead of queueing)."""
        return self._lock.locked()

    async def stop(self, wait_s: float) -> None:
        """Stop taking work (shutdown): sends in flight finish, the rows claimed but not begun
        are given back at once, and no new pass starts; waits at most ``wait_s``."""
        self._stopping = True
        try:
            async with asyncio.timeout(wait_s), self._lock:
                return
        except TimeoutError:
            log.warning(
                "a send pass still runs after %.0f s; stopped, its unsent rows given back", wait_s
            )
            if self._kicked is not None:
                self._kicked.cancel()

    def kick(self) -> None:
        """Send what is due now, without waiting for the next scheduled pass."""
        if self._stopping:
            return
        if self._kicked is None or self._kicked.done():
            self._kicked = asyncio.get_running_loop().create_task(
                self._kicked_run(), name="outbox-kick"
            )

    async def _kicked_run(self) -> SendStats:
        try:
            return await self.run_until_idle()
        except Exception:  # a kick must never leave an unobserved failure behind
            log.exception("outbox pass after a kick failed; the scheduled pass will retry")
            return SendStats()

    async def run_until_idle(self, max_passes: int = 1000) -> SendStats:
        """Passes until nothing due is left (what tests and catch-up after downtime want)."""
        total = SendStats()
        for _ in range(max_passes):
            stats = await self.run_once()
            total.claimed += stats.claimed
            total.sent += stats.sent
            total.retried += stats.retried
            total.dropped += stats.dropped
            total.paused_channels.extend(stats.paused_channels)
            if stats.claimed == 0:
                break
        return total

    async def run_once(self) -> SendStats:
        """Claim one batch of due rows and send them, channels in parallel, each in order."""
        async with self._lock:
            if self._stopping:
                return SendStats()
            now = self._clock()

            def claim(session: Session) -> list[outbox.Claimed]:
                outbox.drop_expired(session, now)
                return outbox.claim(
                    session, self.worker_id, now, lease=self._lease, limit=self._batch
                )

            rows: list[outbox.Claimed] = await self._db_call(claim)  # type: ignore[assignment]
            stats = SendStats(claimed=len(rows))
            if not rows:
                return stats
            rows = await self._skip_unwanted(rows, stats)
            by_channel: dict[int, list[outbox.Claimed]] = defaultdict(list)
            for row in rows:
                by_channel[row.channel_id].append(row)
            gate = asyncio.Semaphore(self._concurrency)

            # Stop before the claim runs out (past it another process may take the rows), or
            # when the process shuts down: what is not recorded goes back to the queue, even
            # when the pass is cancelled (a send cut short is resent with its row's nonce).
            deadline = now + self._lease - min(LEASE_MARGIN, self._lease / 4)
            unrecorded = {row.id for row in rows}

            async def channel_run(items: list[outbox.Claimed]) -> None:
                async with gate:
                    for row in items:
                        if self._stopping or self._clock() >= deadline:
                            return
                        lost = await self._send_one(row, stats)
                        unrecorded.discard(row.id)
                        if lost:
                            break

            try:
                await asyncio.gather(*(channel_run(items) for items in by_channel.values()))
            finally:
                if unrecorded:
                    back = sorted(unrecorded)
                    await self._db_call(lambda s: outbox.release(s, back, self.worker_id))
                    log.info(
                        "gave back %d claimed rows unsent (claim running out, or stopping)",
                        len(back),
                    )
            return stats

    async def _skip_unwanted(
        self, rows: list[outbox.Claimed], stats: SendStats
    ) -> list[outbox.Claimed]:
        """Drop alerts and reminders whose subscription was removed or paused, and reminders a
        later reminder of the same event (due in the same batch) makes redundant."""
        sub_ids = {r.subscription_id for r in rows if r.subscription_id is not None}

        def paused(session: Session) -> set[int]:
            return subscription_repo.gone_or_paused(session, sub_ids)

        gone: set[int] = await self._db_call(paused) if sub_ids else set()  # type: ignore[assignment]
        latest: dict[tuple[int, int | None], outbox.Claimed] = {}
        for row in rows:
            if row.kind == kinds.REMINDER:
                slot = (row.channel_id, row.event_id)
                if slot not in latest or row.due_at >= latest[slot].due_at:
                    latest[slot] = row
        keep: list[outbox.Claimed] = []
        drops: list[tuple[int, str]] = []
        for row in rows:
            orphan = row.subscription_id is None and row.route != "feed"
            if row.kind in kinds.NEEDS_SUBSCRIPTION and (orphan or row.subscription_id in gone):
                drops.append((row.id, "the subscription was removed or paused"))
            elif row.kind == kinds.REMINDER and latest[(row.channel_id, row.event_id)] is not row:
                drops.append((row.id, "superseded by a later reminder of the same event"))
            else:
                keep.append(row)
        if drops:
            now = self._clock()

            def drop(session: Session) -> None:
                for row_id, reason in drops:
                    outbox.mark_failed(session, row_id, now, reason)

            await self._db_call(drop)
            stats.dropped += len(drops)
        return keep

    async def _send_one(self, row: outbox.Claimed, stats: SendStats) -> bool:
        """Send one row and record it; True when its channel was lost (skip the rest)."""
        try:
            result = await self._publisher.send(row)
        except Exception as exc:  # an unexpected publisher failure is retried, never fatal
            log.exception("sending outbox row %s (%s) failed", row.id, row.dedup_key)
            result = SendResult("retry", reason=f"{type(exc).__name__}: {exc}")
        now = self._clock()
        if result.outcome == "sent":
            ok: bool = await self._db_call(  # type: ignore[assignment]
                lambda s: self._sent(s, row, now, result.message_id)
            )
            if ok:
                stats.sent += 1
            else:
                log.warning("outbox row %s was sent after its claim ran out", row.id)
            return False
        if result.outcome == "retry" and row.attempts + 1 < MAX_ATTEMPTS:
            when = now + backoff(row.attempts + 1)
            await self._db_call(
                lambda s: outbox.mark_retry(s, row.id, self.worker_id, now, when, result.reason)
            )
            stats.retried += 1
            log.info(
                "outbox row %s to channel %s: %s; retry at %s",
                row.id,
                row.channel_id,
                result.reason,
                when.isoformat(),
            )
            return False
        if result.outcome == "dms_closed":
            await self._db_call(lambda s: self._dms_closed(s, row, now))
            stats.dropped += 1
            log.info("outbox row %s: the member's direct messages are closed", row.id)
            return True
        if result.outcome == "channel_lost" and row.kind != kinds.NOTICE:
            await self._db_call(lambda s: self._channel_lost(s, row, now, result.reason))
            stats.dropped += 1
            stats.paused_channels.append(row.channel_id)
            return True
        if result.outcome == "retry":
            failure = outbox.GAVE_UP
            reason = f"gave up after {row.attempts + 1} tries (last: {result.reason})"
        else:
            failure = outbox.CHANNEL_LOST if result.outcome == "channel_lost" else outbox.REFUSED
            reason = result.reason or "Discord refused the message"
        await self._db_call(lambda s: self._undelivered(s, row, now, reason, failure))
        stats.dropped += 1
        log.warning("outbox row %s to channel %s not sent: %s", row.id, row.channel_id, reason)
        return False

    def _sent(
        self, session: Session, row: outbox.Claimed, now: datetime, message_id: int | None
    ) -> bool:
        ok = outbox.mark_sent(session, row.id, self.worker_id, now, message_id)
        if ok and row.kind == kinds.MEMBER_DM:
            member_repo.mark_sent(session, row.dedup_key, now)
        return ok

    def _dms_closed(self, session: Session, row: outbox.Claimed, now: datetime) -> None:
        """The member cannot get DMs: their reminders fail now (no endless retries) and the
        member is told once, the next time they use the bot."""
        outbox.mark_failed(session, row.id, now, member_repo.DMS_CLOSED)
        user_id = int(row.payload.get("dm_user") or row.channel_id)
        keys = member_repo.fail_user(session, user_id, now, member_repo.DMS_CLOSED)
        outbox.drop_keys(session, keys, now, member_repo.DMS_CLOSED)

    def _undelivered(
        self, session: Session, row: outbox.Claimed, now: datetime, reason: str, failure: str
    ) -> None:
        """Keep the row as failed with its reason, and tell the server's admins: once a day at
        most (a refused notice tells nobody, or notices could feed on themselves)."""
        outbox.mark_failed(session, row.id, now, reason, failure=failure)
        if row.kind == kinds.NOTICE or row.guild_id is None:
            return
        card = message_undelivered_card(row.id, row.channel_id, row.kind, reason)
        once_a_day = f"undelivered:{row.guild_id}:{now:%Y-%m-%d}"
        notify_admins(session, row.guild_id, once_a_day, card, now)

    def _channel_lost(
        self, session: Session, row: outbox.Claimed, now: datetime, reason: str
    ) -> None:
        """Pause the channel's subscriptions, drop its queue, and tell the admins once."""
        outbox.mark_failed(session, row.id, now, reason, failure=outbox.CHANNEL_LOST)
        paused = subscription_repo.pause_channel(session, row.channel_id, reason, now)
        outbox.drop_pending_for_channel(
            session,
            row.channel_id,
            now,
            f"not sent: {reason}; the channel's subscriptions are paused",
            except_kind=kinds.NOTICE,
        )
        log.warning(
            "channel %s unusable (%s); paused %d subscriptions", row.channel_id, reason, paused
        )
        if not paused or row.guild_id is None:
            return
        card = channel_paused_card(row.channel_id, reason)
        once = f"paused:{row.channel_id}:{now.isoformat()}"
        notify_admins(session, row.guild_id, once, card, now)


__all__ = ["NotConnected", "OutboxSender", "Publisher", "SendResult", "SendStats", "backoff"]
