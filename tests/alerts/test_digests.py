"""Daily digests at the channel's local time, once a day, across DST and downtime."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.alerts import kinds
from storage.db import Database
from tests.support.world import CHANNEL, OTHER_CHANNEL, event, make_world


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "before", "after"),
    [
        # Berlin: CET (UTC+1) until 30 March 2025, then CEST (UTC+2).
        ("Europe/Berlin", _utc(2025, 3, 29, 7, 0), _utc(2025, 3, 31, 6, 0)),
        # New York: EST (UTC-5) until 9 March 2025, then EDT (UTC-4).
        ("America/New_York", _utc(2025, 3, 8, 13, 0), _utc(2025, 3, 10, 12, 0)),
    ],
)
async def test_digest_goes_out_at_0800_local_on_both_sides_of_dst(
    sqlite_db: Database, zone: str, before: datetime, after: datetime
) -> None:
    world = make_world(sqlite_db, before - timedelta(days=2))
    world.subscribe(CHANNEL)
    world.set_zone(CHANNEL, zone)
    for moment in (before, after):
        world.clock.set(moment - timedelta(minutes=1))
        assert world.digests.run() == 0, "not before 08:00 local"
        world.clock.set(moment)
        assert world.digests.run() == 1
        world.clock.advance(minutes=30)
        assert world.digests.run() == 0, "once a day"
        await world.sender.run_until_idle()
    sent = world.publisher.sent
    assert len(sent) == 2
    assert all(m.payload["card"]["title"].startswith("Daily digest") for m in sent)
    assert [m.due_at for m in sent] == [before, after]


async def test_a_server_row_made_for_its_admins_channel_keeps_the_installation_zone(
    sqlite_db: Database,
) -> None:
    # 08:00 in Tokyo is 23:00 UTC the day before.
    world = make_world(sqlite_db, _utc(2025, 2, 3, 20, 0), default_timezone="Asia/Tokyo")
    world.subscribe(CHANNEL)
    world.set_admin_channel(OTHER_CHANNEL)  # the server now has a settings row of its own
    world.clock.set(_utc(2025, 2, 3, 22, 59))
    assert world.digests.run() == 0, "not before 08:00 in Tokyo"
    world.clock.set(_utc(2025, 2, 3, 23, 0))
    assert world.digests.run() == 1


async def test_digest_lists_today_the_week_and_what_changed(db: Database) -> None:
    world = make_world(db, _utc(2025, 2, 3, 6, 0))
    world.subscribe(CHANNEL, countries=["CN"])
    world.subscribe(CHANNEL, countries=["FR"])  # two subscriptions, one digest
    world.news("a1", "2025-02-02", event("2025-02-03", "EU", "CN"))
    world.news("a2", "2025-02-02", event("2025-02-07", "FR", "DE", kind="visit"))
    world.news("a3", "2025-02-02", event("2025-02-20", "EU", "CN", kind="meeting"))  # > a week
    world.news("a4", "2025-02-02", event("2025-02-05", "JP", "US"))  # not subscribed
    world.clock.set(_utc(2025, 2, 3, 8, 0))
    assert world.digests.run() == 1
    await world.sender.run_until_idle()
    card = world.publisher.sent[-1].payload["card"]
    fields = dict(card["fields"])
    assert "China" in fields["Today"]
    assert "France" in fields["Coming up"] and "Japan" not in fields["Coming up"]
    assert "20 Feb" not in fields["Coming up"]
    world.clock.advance(hours=3)
    world.news(
        "a5", "2025-02-03", event("2025-02-12", "FR", "DE", kind="visit", status="postponed")
    )
    world.clock.set(_utc(2025, 2, 4, 8, 0))
    assert world.digests.run() == 1
    await world.sender.run_until_idle()
    fields = dict(world.publisher.sent[-1].payload["card"]["fields"])
    assert "→" in fields["Changed since the last digest"]


async def test_missed_digest_is_sent_once_the_same_day_and_skipped_the_next(
    sqlite_db: Database,
) -> None:
    world = make_world(sqlite_db, _utc(2025, 2, 1, 0, 0))
    world.subscribe(CHANNEL)  # UTC
    world.subscribe(OTHER_CHANNEL)
    world.set_zone(OTHER_CHANNEL, "Pacific/Auckland")  # UTC+13
    # The bot was down from before 08:00 UTC until 15:00 UTC on 2 Feb. In Auckland it is
    # already 04:00 on 3 Feb: its 2 Feb digest is a day too late, its 3 Feb one not yet due.
    world.clock.set(_utc(2025, 2, 2, 15, 0))
    assert world.digests.run() == 1
    assert world.digests.run() == 0
    world.clock.set(_utc(2025, 2, 2, 19, 0))  # 08:00 on 3 Feb in Auckland
    assert world.digests.run() == 1
    await world.sender.run_until_idle()
    days = sorted(m.dedup_key for m in world.publisher.sent)
    assert days == [f"digest:{CHANNEL}:2025-02-02", f"digest:{OTHER_CHANNEL}:2025-02-03"]


async def test_a_queued_digest_expires_at_local_midnight(sqlite_db: Database) -> None:
    world = make_world(sqlite_db, _utc(2025, 2, 1, 0, 0))
    world.subscribe(CHANNEL)
    world.clock.set(_utc(2025, 2, 2, 8, 0))
    assert world.digests.run() == 1
    world.clock.set(_utc(2025, 2, 3, 0, 0))  # the process could not send it that day
    assert (await world.sender.run_until_idle()).sent == 0
    assert "expired" in (world.rows(kinds.DIGEST)[0].failed_reason or "")


async def test_two_planners_racing_queue_one_digest(db: Database) -> None:
    world = make_world(db, _utc(2025, 2, 1, 0, 0))
    world.subscribe(CHANNEL)
    world.clock.set(_utc(2025, 2, 2, 8, 0))
    other = make_world(db, world.clock())
    assert world.digests.run() + other.digests.run() == 1
    assert len(world.rows(kinds.DIGEST)) == 1


async def test_coming_up_lists_only_events_still_expected(sqlite_db: Database) -> None:
    """An event reported as having taken place (or called off) is never "coming up", even when
    its date is after the digest's day (a date the news got wrong, or a digest of a past day)."""
    world = make_world(sqlite_db, _utc(2025, 2, 3, 6, 0))
    world.subscribe(CHANNEL)
    world.news("a1", "2025-02-02", event("2025-02-05", "JP", "US", status="occurred"))
    world.news("a2", "2025-02-02", event("2025-02-06", "FR", "DE", kind="meeting"))
    world.news(
        "a3", "2025-02-02", event("2025-02-07", "CN", "IN", kind="visit", status="cancelled")
    )
    world.news(
        "a4", "2025-02-02", event("2025-02-08", "BR", "AR", kind="meeting", status="postponed")
    )
    world.clock.set(_utc(2025, 2, 3, 8, 0))
    assert world.digests.run() == 1
    await world.sender.run_until_idle()
    coming = dict(world.publisher.sent[-1].payload["card"]["fields"])["Coming up"]
    assert "France" in coming and "Argentina" in coming  # scheduled, and postponed to this week
    assert "Japan" not in coming and "took place" not in coming
    assert "China" not in coming and "cancelled" not in coming
