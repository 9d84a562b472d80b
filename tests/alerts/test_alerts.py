"""Change alerts and reminders: queued with the change, sent once, at the right moments."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.alerts import kinds
from bot.timeline import IngestContext
from storage.db import Database
from tests.support.world import CHANNEL, OTHER_CHANNEL, event, make_world


async def test_new_matching_event_alerts_each_subscribed_channel_once(db: Database) -> None:
    world = make_world(db)
    world.subscribe(CHANNEL, countries=["CN"])
    world.subscribe(OTHER_CHANNEL, countries=["BR"])
    world.news("a1", "2025-02-01", event("2025-03-03", "EU", "CN"), url="https://ex.com/a1")
    world.news("a2", "2025-02-01", event("2025-03-03", "EU", "CN"))  # same event, 2nd source
    stats = await world.sender.run_until_idle()
    titles = world.publisher.titles()
    assert stats.sent == 1
    assert len(titles) == 1 and titles[0].startswith("New:")
    assert world.publisher.sent[0].channel_id == CHANNEL
    source = dict(world.publisher.sent[0].payload["card"]["fields"])["Source"]
    assert "https://ex.com/a1" in source
    assert (await world.sender.run_until_idle()).sent == 0


async def test_date_change_alerts_with_old_and_new_date(db: Database) -> None:
    world = make_world(db)
    world.subscribe(CHANNEL, types=["summit"])
    world.news("a1", "2025-02-01", event("2025-03-03", status="scheduled"))
    world.news("a2", "2025-02-02", event("2025-03-10", status="postponed"))
    await world.sender.run_until_idle()
    assert len(world.publisher.titles()) == 1, "a move waits a day in case it is undone"
    world.clock.advance(days=1)
    await world.sender.run_until_idle()
    titles = world.publisher.titles()
    assert len(titles) == 2
    change = world.publisher.sent[1].payload["card"]
    assert titles[1].startswith("Postponed")
    assert "3 Mar 2025" in change["description"] and "10 Mar 2025" in change["description"]


async def test_keywords_match_place_and_people(db: Database) -> None:
    world = make_world(db)
    world.subscribe(CHANNEL, keywords=["geneva"])
    world.news("a1", "2025-02-01", event("2025-03-03", location="Geneva"))
    world.news("a2", "2025-02-01", event("2025-03-04", "JP", "US", location="Tokyo"))
    await world.sender.run_until_idle()
    assert len(world.publisher.sent) == 1


async def test_backfill_plans_reminders_but_sends_no_alerts(db: Database) -> None:
    world = make_world(db)
    world.subscribe(CHANNEL)
    world.news("old", "2025-02-01", event("2025-02-03"), context=IngestContext(quiet=True))
    assert world.rows(kinds.ALERT) == []
    assert len(world.rows(kinds.REMINDER)) == 1  # the morning before


async def test_timed_event_reminders_fire_once_each_as_the_clock_moves(db: Database) -> None:
    world = make_world(db, datetime(2025, 2, 1, 9, 0, tzinfo=UTC))
    world.subscribe(CHANNEL)  # default offsets: 1 day and 1 hour
    world.news("a1", "2025-02-01", event("2025-02-05T14:00Z"))
    await world.sender.run_until_idle()  # the "New" alert
    world.publisher.sent.clear()
    world.clock.set(datetime(2025, 2, 4, 13, 59, tzinfo=UTC))
    assert (await world.sender.run_until_idle()).sent == 0
    world.clock.set(datetime(2025, 2, 4, 14, 0, tzinfo=UTC))
    assert (await world.sender.run_until_idle()).sent == 1
    world.clock.advance(minutes=30)
    world.reminders.run()  # the periodic pass plans nothing twice
    assert (await world.sender.run_until_idle()).sent == 0
    world.clock.set(datetime(2025, 2, 5, 13, 0, tzinfo=UTC))
    assert (await world.sender.run_until_idle()).sent == 1
    world.clock.set(datetime(2025, 2, 5, 20, 0, tzinfo=UTC))
    assert (await world.sender.run_until_idle()).sent == 0
    assert [m.dedup_key.split(":")[3] for m in world.publisher.sent] == ["1d", "1h"]


async def test_day_event_is_reminded_the_morning_before_in_the_channels_zone(
    db: Database,
) -> None:
    world = make_world(db, datetime(2025, 2, 1, 9, 0, tzinfo=UTC))
    world.subscribe(CHANNEL)
    world.set_zone(CHANNEL, "Asia/Tokyo")
    world.news("a1", "2025-02-01", event("2025-02-10"))
    reminders = world.rows(kinds.REMINDER)
    # 1d and 1h both mean "the morning before": one reminder, at 08:00 Tokyo = 23:00 UTC.
    assert len(reminders) == 1
    assert reminders[0].due_at == datetime(2025, 2, 8, 23, 0, tzinfo=UTC)
    world.clock.set(datetime(2025, 2, 8, 23, 0, tzinfo=UTC))
    await world.sender.run_until_idle()
    assert world.publisher.titles()[-1].startswith("Tomorrow:")


async def test_moved_event_drops_the_stale_reminder_and_plans_the_new_one(db: Database) -> None:
    world = make_world(db)
    world.subscribe(CHANNEL)
    world.news("a1", "2025-02-01", event("2025-02-10"))
    world.news("a2", "2025-02-02", event("2025-02-20", status="postponed"))
    world.clock.set(datetime(2025, 2, 9, 12, 0, tzinfo=UTC))
    await world.sender.run_until_idle()
    assert not any(t.startswith("Tomorrow") for t in world.publisher.titles())
    # A postponed event (not "scheduled") gets no reminder until it is scheduled again.
    world.news("a3", "2025-02-05", event("2025-02-20", status="scheduled"))
    world.clock.set(datetime(2025, 2, 19, 8, 0, tzinfo=UTC))
    await world.sender.run_until_idle()
    assert sum(t.startswith("Tomorrow") for t in world.publisher.titles()) == 1


async def test_after_downtime_past_reminders_are_dropped_and_due_ones_sent_once(
    db: Database,
) -> None:
    world = make_world(db, datetime(2025, 2, 1, 9, 0, tzinfo=UTC))
    world.subscribe(CHANNEL)
    world.news("a1", "2025-02-01", event("2025-02-03T10:00Z"))  # over on 3 Feb
    world.news("a2", "2025-02-01", event("2025-02-06T10:00Z", "JP", "US"))  # ahead
    await world.sender.run_until_idle()
    world.publisher.sent.clear()
    # Down from 1 Feb to 5 Feb 12:00: the first event is over, the second is still ahead.
    world.clock.set(datetime(2025, 2, 5, 12, 0, tzinfo=UTC))
    stats = await world.sender.run_until_idle()
    assert stats.sent == 1
    assert world.publisher.sent[0].event_id != world.rows(kinds.REMINDER)[0].event_id
    expired = [r for r in world.rows(kinds.REMINDER) if r.failed_reason]
    assert len(expired) == 2 and all("expired" in (r.failed_reason or "") for r in expired)
    world.clock.advance(timedelta(hours=1))
    assert (await world.sender.run_until_idle()).sent == 0


async def test_the_morning_before_respects_a_dst_change(db: Database) -> None:
    world = make_world(db, datetime(2025, 3, 20, 9, 0, tzinfo=UTC))
    world.subscribe(CHANNEL)
    world.set_zone(CHANNEL, "Europe/Berlin")
    world.news("a1", "2025-03-20", event("2025-03-30"))  # the morning before is still CET
    world.news("a2", "2025-03-20", event("2025-03-31", "JP", "US"))  # ... and this one CEST
    due = sorted(r.due_at for r in world.rows(kinds.REMINDER))
    assert due == [
        datetime(2025, 3, 29, 7, 0, tzinfo=UTC),  # 08:00 CET
        datetime(2025, 3, 30, 6, 0, tzinfo=UTC),  # 08:00 CEST
    ]


async def test_subscriptions_added_or_paused_between_articles_are_seen(db: Database) -> None:
    world = make_world(db)
    first = world.subscribe(CHANNEL)
    world.news("a1", "2025-02-01", event("2025-03-03"))
    world.subscribe(OTHER_CHANNEL)
    world.news("a2", "2025-02-01", event("2025-03-04", "JP", "US"))
    await world.sender.run_until_idle()
    with db.session() as session:
        from storage.models import Subscription

        sub = session.get(Subscription, first)
        assert sub is not None
        sub.paused = True
        sub.updated_at = world.clock() + timedelta(seconds=1)
    world.news("a3", "2025-02-01", event("2025-03-05", "FR", "DE"))
    await world.sender.run_until_idle()
    by_channel = sorted((m.channel_id, m.event_id) for m in world.publisher.sent)
    assert by_channel == [(CHANNEL, 1), (CHANNEL, 2), (OTHER_CHANNEL, 2), (OTHER_CHANNEL, 3)]
