"""News in, alerts out, through the real discord.py client and the loopback Discord server.

The feed is served over real HTTP on 127.0.0.1 (the fetcher is told to allow loopback, as the
guard otherwise refuses it); time is a FakeClock the test moves; the passes the scheduler
would run are called directly so nothing waits for a schedule.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import discord
import pytest
from sqlalchemy import func, select

from bot.alerts import kinds
from bot.chat.publisher import DiscordPublisher
from bot.clock import FakeClock
from storage.db import Database
from storage.models import ChannelSettings, Feed, GuildSettings, OutboxMessage, Subscription
from storage.repos import outbox
from tests.support.bot import stop_bot
from tests.support.discord_server import DEFAULT_CHANNEL_ID, DEFAULT_GUILD_ID, OTHER_CHANNEL_ID
from tests.support.extraction import StandInExtractor
from tests.support.feed_server import FeedServer, Item, rss
from tests.support.live import Live, start_live, summit
from tests.support.strict_discord import StrictLoopback

pytestmark = pytest.mark.e2e

START = datetime(2025, 2, 1, 9, 30, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
async def strict() -> AsyncIterator[StrictLoopback]:
    server = StrictLoopback()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
async def feeds() -> AsyncIterator[FeedServer]:
    server = FeedServer()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def live(strict: StrictLoopback, sqlite_db: Database, tmp_path: Path) -> AsyncIterator[Live]:
    running = await start_live(strict, sqlite_db, tmp_path, FakeClock(START), StandInExtractor())
    try:
        yield running
    finally:
        await stop_bot(running.bot, running.task)
    for message in strict.channel_messages:
        assert message.get("allowed_mentions") == {"parse": []}, message


async def test_a_new_feed_item_reaches_the_channel_once_within_two_seconds(
    live: Live, feeds: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    live.subscribe(countries=["CN"])
    old = Item("Old summit report", "http://127.0.0.1:9/old", "Leaders met.")
    new = Item("EU-China summit set for March 3", "http://127.0.0.1:9/new", "They will meet.")
    live.extractor.events[old.title] = [summit("2025-02-20")]
    live.extractor.events[new.title] = [summit("2025-03-03")]
    feeds.feeds["wire"] = rss([old])
    with live.app.database.session() as session:
        session.add(
            Feed(
                guild_id=DEFAULT_GUILD_ID,
                url=feeds.url("/feeds/wire"),
                created_at=live.clock(),
                next_poll=live.clock(),
            )
        )
    await live.app.feed_poller.poll_due()  # the first poll: back-fill, no alert
    await live.app.delivery.send_now()
    assert live.titles(prefix="New:") == []

    feeds.feeds["wire"] = rss([new, old])
    live.clock.advance(minutes=20)
    before = len(live.server.channel_messages)
    started = time.perf_counter()
    await live.app.feed_poller.poll_due()
    polled = time.perf_counter()
    await live.server.wait_messages(before + 1, 5.0)
    latency = live.server.arrivals[-1] - started
    with capsys.disabled():
        print(
            f"\nfeed item -> alert at loopback Discord: {latency * 1000:.0f} ms after the poll "
            f"started (the poll itself took {(polled - started) * 1000:.0f} ms)"
        )
    assert latency <= 2.0
    await live.app.delivery.send_now()
    live.clock.advance(minutes=20)
    await live.app.feed_poller.poll_due()  # 304: nothing new
    await live.app.delivery.send_now()
    (title,) = live.titles(prefix="New:")
    assert "China" in title


async def test_each_reminder_is_posted_once_as_the_clock_moves(live: Live) -> None:
    live.subscribe()
    live.news("Summit at 14:00", "2025-02-01", summit("2025-02-05T14:00Z"))
    await live.app.delivery.send_now()
    for moment in (
        "2025-02-04T13:59",
        "2025-02-04T14:00",
        "2025-02-04T20:00",
        "2025-02-05T13:00",
        "2025-02-05T13:30",
        "2025-02-06T00:00",
    ):
        live.clock.set(datetime.fromisoformat(moment).replace(tzinfo=UTC))
        await live.app.delivery.plan_reminders()
        await live.app.delivery.send_now()
    reminders = live.titles(prefix="Coming up")
    assert len(reminders) == 2
    bodies = [
        m["embeds"][0]["description"]
        for m in live.server.messages_in(DEFAULT_CHANNEL_ID)
        if m["embeds"][0]["title"].startswith("Coming up")
    ]
    assert all("<t:" in body for body in bodies)


async def test_the_digest_goes_out_at_0800_local_across_dst(live: Live) -> None:
    live.server.per_channel = 100  # about the clock, not rate limits
    live.subscribe()
    now = live.clock()
    with live.app.database.session() as session:
        session.add(
            ChannelSettings(
                channel_id=DEFAULT_CHANNEL_ID,
                guild_id=DEFAULT_GUILD_ID,
                timezone="Europe/Berlin",
                digest_time="08:00",
                created_at=now,
                updated_at=now,
            )
        )
    live.news("Summit soon", "2025-03-27", summit("2025-03-31"))
    sent_at: list[datetime] = []
    # 29 March (CET) to 31 March (CEST), minute by minute around each 08:00.
    for day, utc_hour in ((29, 7), (30, 6), (31, 6)):
        for minute in (-1, 0, 1):
            moment = datetime(2025, 3, day, utc_hour, 0, tzinfo=UTC) + timedelta(minutes=minute)
            live.clock.set(moment)
            before = len(live.titles(prefix="Daily digest"))
            await live.app.delivery.plan_digests()
            await live.app.delivery.send_now()
            if len(live.titles(prefix="Daily digest")) > before:
                sent_at.append(moment)
    local = [m.astimezone(BERLIN).strftime("%d %H:%M") for m in sent_at]
    assert local == ["29 08:00", "30 08:00", "31 08:00"]


async def test_a_restart_mid_way_sends_nothing_twice_and_loses_nothing(
    strict: StrictLoopback, sqlite_db: Database, tmp_path: Path
) -> None:
    strict.per_channel = 100  # this test is about restarts, not rate limits
    clock, extractor = FakeClock(START), StandInExtractor()
    first = await start_live(strict, sqlite_db, tmp_path, clock, extractor)
    due = START + timedelta(minutes=1)
    with sqlite_db.session() as session:
        for i in range(24):
            outbox.enqueue(
                session,
                key=f"e2e:restart:{i}",
                channel_id=DEFAULT_CHANNEL_ID,
                guild_id=DEFAULT_GUILD_ID,
                kind=kinds.DIGEST,
                payload={"card": {"title": f"message {i}"}},
                now=clock(),
                due_at=due,
            )
    clock.set(due)
    # A process claims ten rows, posts six of them, and dies before recording any.
    with sqlite_db.session() as session:
        claimed = outbox.claim(session, "doomed", clock(), lease=timedelta(minutes=5), limit=10)
    assert len(claimed) == 10
    publisher = DiscordPublisher(first.bot)
    for row in claimed[:6]:
        assert (await publisher.send(row)).outcome == "sent"
    await first.app.delivery.send_now()  # the rest of the queue, by the first bot's own sender
    await stop_bot(first.bot, first.task)

    clock.advance(minutes=6)  # the dead claim's lease runs out
    second = await start_live(strict, sqlite_db, tmp_path, clock, extractor)
    try:
        await second.app.delivery.send_now()
    finally:
        await stop_bot(second.bot, second.task)
    titles = [m["embeds"][0]["title"] for m in strict.channel_messages if m.get("embeds")]
    ours = sorted(t for t in titles if t.startswith("message "))
    assert ours == sorted(f"message {i}" for i in range(24)), "each message exactly once"
    assert strict.duplicates_refused == 6  # the resends after the crash were recognised
    with sqlite_db.session() as session:
        unsent = session.scalar(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.sent_at.is_(None))
        )
    assert unsent == 0


@pytest.mark.parametrize("status", [403, 404])
async def test_a_lost_permission_pauses_the_subscription_and_tells_admins_once(
    live: Live, status: int
) -> None:
    sub_id = live.subscribe(DEFAULT_CHANNEL_ID)
    now = live.clock()
    with live.app.database.session() as session:
        session.add(
            GuildSettings(
                guild_id=DEFAULT_GUILD_ID,
                admin_notice_channel_id=OTHER_CHANNEL_ID,
                created_at=now,
                updated_at=now,
            )
        )
    live.server.lost[DEFAULT_CHANNEL_ID] = status  # permission lost, or channel deleted
    live.news("Two summits", "2025-02-01", summit("2025-03-03"), summit("2025-03-05", "JP", "US"))
    await live.app.delivery.send_now()
    live.news("Third", "2025-02-01", summit("2025-03-09", "FR", "DE"))
    live.clock.advance(minutes=1)
    await live.app.delivery.send_now()
    notices = live.titles(OTHER_CHANNEL_ID, prefix="Alerts paused")
    assert len(notices) == 1
    assert live.titles(DEFAULT_CHANNEL_ID) == []
    with live.app.database.session() as session:
        sub = session.get(Subscription, sub_id)
        assert sub is not None and sub.paused


async def test_subscribing_again_resumes_a_paused_subscription(live: Live) -> None:
    sub_id = live.subscribe(DEFAULT_CHANNEL_ID)
    live.server.lost[DEFAULT_CHANNEL_ID] = 403
    live.news("A summit", "2025-02-01", summit("2025-03-03"))
    await live.app.delivery.send_now()
    with live.app.database.session() as session:
        sub = session.get(Subscription, sub_id)
        assert sub is not None and sub.paused
    del live.server.lost[DEFAULT_CHANNEL_ID]  # the admin gave the permission back
    reply = await live.server.invoke("subscribe", {})
    assert f"Resumed the paused subscription #{sub_id}" in reply.text()
    live.news("Another", "2025-02-02", summit("2025-03-09", "FR", "DE"))
    live.clock.advance(minutes=1)
    await live.app.delivery.send_now()
    assert any("France" in t for t in live.titles(DEFAULT_CHANNEL_ID, prefix="New:"))


async def test_a_news_channel_message_alerts_subscribed_channels(live: Live) -> None:
    cog = live.bot.get_cog("NewsChannels")  # the test waits on its listener tasks
    live.app.news_channels.add(DEFAULT_GUILD_ID, OTHER_CHANNEL_ID, None)
    live.subscribe(DEFAULT_CHANNEL_ID, countries=["CN"])
    text = "EU and China leaders will hold a summit in Brussels on March 3, officials said."
    live.extractor.events[text] = [summit("2025-03-03")]
    before = len(live.server.channel_messages)
    await live.server.post_message(OTHER_CHANNEL_ID, text)
    assert await live.server.wait_messages(before + 1, 5.0)
    (title,) = live.titles(prefix="New:")
    assert "China" in title
    seen = asyncio.ensure_future(live.bot.wait_for("message", timeout=5.0))
    await live.server.post_message(OTHER_CHANNEL_ID, text)  # the same words again: known
    await seen
    for _ in range(3):  # the listener task was created in the same dispatch; let it start
        await asyncio.sleep(0)
    await cog.idle()  # type: ignore[union-attr]
    await live.app.delivery.send_now()
    assert len(live.titles(prefix="New:")) == 1


async def test_opted_in_servers_see_subscribed_events_as_scheduled_events(live: Live) -> None:
    live.subscribe(countries=["CN"])
    live.news("Summit in Brussels", "2025-02-01", summit("2025-02-10"))
    live.app.mirroring.switch(DEFAULT_GUILD_ID, True)
    assert await live.app.delivery.sync_mirrors() == 1
    (created,) = live.server.scheduled_events.values()
    assert created["entity_type"] == 3 and created["entity_metadata"]["location"]
    assert created["scheduled_start_time"].startswith("2025-02-10")
    assert created["scheduled_end_time"] > created["scheduled_start_time"]
    live.news("Summit off", "2025-02-02", summit("2025-02-10", status="cancelled"))
    assert await live.app.delivery.sync_mirrors() == 1
    assert created["status"] == 4  # cancelled on Discord's side


MEMBER = discord.Permissions(send_messages=True, view_channel=True, use_application_commands=True)


def _synced(live: Live, name: str) -> None:
    names = {c["name"] for c in live.server.commands.get(DEFAULT_GUILD_ID, [])}
    if name not in names:
        pytest.skip(f"/{name} is not in the synced command tree (cog not in EXTENSIONS)")


async def test_newschannels_commands_mark_a_channel_and_need_manage_channels(
    live: Live,
) -> None:
    _synced(live, "newschannels")
    refused = await live.server.invoke(
        "newschannels add", {"channel": OTHER_CHANNEL_ID}, user_permissions=MEMBER
    )
    assert refused.ephemeral and "Manage Channels" in refused.content
    listed = await live.server.invoke("newschannels list", user_permissions=MEMBER)
    assert "No news channels yet" in listed.content
    added = await live.server.invoke("newschannels add", {"channel": OTHER_CHANNEL_ID})
    assert added.ephemeral and f"<#{OTHER_CHANNEL_ID}>" in added.content
    listed = await live.server.invoke("newschannels list")
    assert f"<#{OTHER_CHANNEL_ID}>" in listed.content
    removed = await live.server.invoke("newschannels remove", {"channel": OTHER_CHANNEL_ID})
    assert "no longer read" in removed.content


async def test_mirror_needs_manage_events_and_switches_the_servers_setting(
    live: Live,
) -> None:
    _synced(live, "mirror")
    refused = await live.server.invoke("mirror", {"enabled": True}, user_permissions=MEMBER)
    assert refused.ephemeral and "Manage Events" in refused.content
    with live.app.database.session() as session:
        assert session.get(GuildSettings, DEFAULT_GUILD_ID) is None
    done = await live.server.invoke("mirror", {"enabled": True})
    assert done.ephemeral and "Events" in done.content
    with live.app.database.session() as session:
        settings = session.get(GuildSettings, DEFAULT_GUILD_ID)
        assert settings is not None and settings.mirror_scheduled_events
