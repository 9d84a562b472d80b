"""The outbox sender: claims, retries, permanent failures, restarts, two workers."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.alerts import kinds
from bot.alerts.sender import OutboxSender, SendResult
from storage.db import Database
from storage.models import Subscription
from storage.repos import outbox
from tests.support.world import (
    CHANNEL,
    GUILD,
    OTHER_CHANNEL,
    RecordingPublisher,
    event,
    make_world,
)


def _queue(db: Database, n: int, now: datetime, channel: int = CHANNEL) -> None:
    with db.session() as session:
        for i in range(n):
            outbox.enqueue(
                session,
                key=f"test:{channel}:{i}",
                channel_id=channel,
                guild_id=GUILD,
                kind=kinds.DIGEST,
                payload={"card": {"title": f"m{i}"}},
                now=now,
            )


async def test_the_same_key_is_queued_once(db: Database) -> None:
    world = make_world(db)
    _queue(db, 3, world.clock())
    _queue(db, 3, world.clock())
    assert len(world.rows()) == 3
    await world.sender.run_until_idle()
    assert world.publisher.titles() == ["m0", "m1", "m2"]


async def test_a_passing_failure_is_retried_with_back_off(db: Database) -> None:
    world = make_world(db)
    _queue(db, 1, world.clock())
    world.publisher.answers[CHANNEL] = SendResult("retry", reason="Discord answered 503")
    stats = await world.sender.run_until_idle()
    assert stats.retried == 1 and stats.sent == 0
    world.publisher.answers.clear()
    world.clock.advance(seconds=5)
    assert (await world.sender.run_until_idle()).sent == 0, "too early for the retry"
    world.clock.advance(seconds=10)
    assert (await world.sender.run_until_idle()).sent == 1
    assert world.rows()[0].attempts == 2


async def test_a_lost_channel_pauses_its_subscription_and_tells_admins_once(
    db: Database,
) -> None:
    world = make_world(db)
    sub_id = world.subscribe(CHANNEL)
    world.set_admin_channel(OTHER_CHANNEL)
    _queue(db, 3, world.clock())
    world.publisher.answers[CHANNEL] = SendResult("channel_lost", reason="missing permissions")
    await world.sender.run_until_idle()
    _queue(db, 1, world.clock() + timedelta(seconds=1), channel=CHANNEL)  # same keys: nothing new
    world.clock.advance(minutes=1)
    await world.sender.run_until_idle()
    assert world.publisher.calls == 2  # one failed message, then the notice
    notices = world.publisher.sent
    assert len(notices) == 1 and notices[0].channel_id == OTHER_CHANNEL
    assert "paused" in notices[0].payload["card"]["description"]
    with db.session() as session:
        sub = session.get(Subscription, sub_id)
        assert sub is not None and sub.paused and "permission" in (sub.paused_reason or "")
    failed = [r for r in world.rows() if r.channel_id == CHANNEL]
    assert all(r.failed_at is not None and r.sent_at is None for r in failed)


async def test_a_claim_dies_with_its_process_and_the_row_is_sent_once_later(
    db: Database,
) -> None:
    world = make_world(db)
    _queue(db, 2, world.clock())
    with db.session() as session:  # a process claimed both rows, then was killed
        claimed = outbox.claim(
            session, "dead-process", world.clock(), lease=timedelta(minutes=5), limit=10
        )
    assert len(claimed) == 2
    assert (await world.sender.run_until_idle()).sent == 0, "still leased"
    world.clock.advance(minutes=6)
    assert (await world.sender.run_until_idle()).sent == 2
    world.clock.advance(minutes=6)
    assert (await world.sender.run_until_idle()).sent == 0
    assert sorted(world.publisher.titles()) == ["m0", "m1"]


async def test_two_senders_share_the_queue_without_duplicates(db: Database) -> None:
    world = make_world(db)
    _queue(db, 60, world.clock())
    second = RecordingPublisher()
    other = OutboxSender(db, second, world.clock, worker_id="other", batch=7)
    first = OutboxSender(db, world.publisher, world.clock, worker_id="first", batch=5)
    await asyncio.gather(first.run_until_idle(), other.run_until_idle())
    keys = [m.dedup_key for m in world.publisher.sent + second.sent]
    assert len(keys) == 60 and len(set(keys)) == 60


async def test_cleanup_removes_old_rows_but_keeps_recent_keys(db: Database) -> None:
    world = make_world(db, datetime(2025, 1, 1, tzinfo=UTC))
    _queue(db, 2, world.clock())
    await world.sender.run_until_idle()
    world.clock.advance(days=31)
    _queue(db, 1, world.clock(), channel=OTHER_CHANNEL)
    await world.sender.run_until_idle()
    assert await world.delivery.cleanup() == 2
    assert [r.channel_id for r in world.rows()] == [OTHER_CHANNEL]


async def test_messages_of_a_removed_or_paused_subscription_are_not_sent(db: Database) -> None:
    world = make_world(db)
    kept = world.subscribe(CHANNEL)
    gone = world.subscribe(OTHER_CHANNEL)
    world.news("a1", "2025-02-01", event("2025-03-03"))
    with db.session() as session:
        sub = session.get(Subscription, gone)
        assert sub is not None
        session.delete(sub)
    await world.sender.run_until_idle()
    assert [m.channel_id for m in world.publisher.sent] == [CHANNEL]
    with db.session() as session:
        sub = session.get(Subscription, kept)
        assert sub is not None
        sub.paused = True
    world.clock.set(datetime(2025, 3, 2, 8, 0, tzinfo=UTC))  # the reminder's morning
    assert (await world.sender.run_until_idle()).sent == 0


async def test_a_long_pass_hands_back_rows_before_its_claim_runs_out(db: Database) -> None:
    world = make_world(db)
    _queue(db, 10, world.clock())

    class Slow(RecordingPublisher):
        async def send(self, message: outbox.Claimed) -> SendResult:
            world.clock.advance(seconds=30)  # a rate-limited channel: 30 s per message
            return await super().send(message)

    slow = Slow()
    sender = OutboxSender(db, slow, world.clock, worker_id="slow")
    first = await sender.run_once()
    assert 0 < first.sent < 10, "stopped before the 2-minute claim ran out"
    other = RecordingPublisher()
    await OutboxSender(db, other, world.clock, worker_id="other").run_until_idle()
    keys = [m.dedup_key for m in slow.sent + other.sent]
    assert sorted(keys) == sorted(f"test:{CHANNEL}:{i}" for i in range(10))
