"""News channels after downtime and failures: what was posted while the bot was stopped is
read from Discord's history when it starts, once each; a message whose extraction failed is
read again with back-off, and the admins hear of it after the last try."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.clock import FakeClock
from storage.db import Database
from storage.models import ArticleRow, NewsChannel, NewsRetry
from tests.support.discord_server import (
    DEFAULT_CHANNEL_ID,
    DEFAULT_GUILD_ID,
    OTHER_CHANNEL_ID,
    DiscordLoopback,
)
from tests.support.extraction import StandInExtractor
from tests.support.live import Live, start_live, summit

pytestmark = pytest.mark.e2e

NEWS = OTHER_CHANNEL_ID
AWAY = 20


def words(number: int) -> str:
    return (
        f"Report {number}: the leaders of both countries will meet in Geneva next month, "
        "officials said on Tuesday."
    )


async def start_reading(
    server: DiscordLoopback,
    db: Database,
    tmp_path: Path,
    clock: FakeClock,
    extractor: StandInExtractor,
) -> tuple[Live, int]:
    """The bot, reading news channels; once its catch-up is done: how many it handed over."""
    bot_started = start_live(server, db, tmp_path, clock, extractor, read_news_channels=True)
    live = await bot_started
    handed = await live.bot.wait_for("news_caught_up", timeout=10)
    await live.bot.get_cog("NewsChannels").idle()  # type: ignore[union-attr]
    return live, handed


async def test_news_posted_while_the_bot_was_stopped_is_read_once_after_it_starts(
    loopback: DiscordLoopback, sqlite_db: Database, tmp_path: Path, clock: FakeClock
) -> None:
    extractor = StandInExtractor()
    for number in range(AWAY + 1):
        extractor.say(words(number), summit(f"2025-03-{number + 1:02d}"))
    live, handed = await start_reading(loopback, sqlite_db, tmp_path, clock, extractor)
    assert handed == 0
    live.app.news_channels.add(DEFAULT_GUILD_ID, NEWS, None)
    live.subscribe(DEFAULT_CHANNEL_ID)
    seen = asyncio.ensure_future(live.bot.wait_for("message", timeout=5))
    await loopback.post_message(NEWS, words(0))  # read live: the channel's mark is set
    await seen
    await asyncio.sleep(0)  # the listener's task was made in the same dispatch
    await live.bot.get_cog("NewsChannels").idle()  # type: ignore[union-attr]
    await live.stop()

    for number in range(1, AWAY + 1):  # posted while the bot is stopped
        await loopback.post_message(NEWS, words(number), author_name=f"reporter{number}")

    live, handed = await start_reading(loopback, sqlite_db, tmp_path, clock, extractor)
    try:
        assert handed == AWAY
        reads = Counter(line.split(":")[0] for line in extractor.first_lines)
        assert reads == Counter(f"Report {n}" for n in range(AWAY + 1)), "each read once"
        await live.app.delivery.send_now()
        alerts = live.titles(DEFAULT_CHANNEL_ID, prefix="New")
        assert len(alerts) == AWAY + 1
        with sqlite_db.session() as session:
            assert session.scalar(select(func.count()).select_from(ArticleRow)) == AWAY + 1
            mark = session.get(NewsChannel, NEWS)
        assert mark is not None and mark.last_message_id == max(
            int(m["id"]) for m in loopback.history[NEWS]
        )
        # Reading back again (a reconnect) hands nothing over twice.
        assert await live.bot.get_cog("NewsChannels").catch_up() == 0  # type: ignore[union-attr]
    finally:
        await live.stop()


async def test_catch_up_goes_back_at_most_the_configured_number_of_messages(
    loopback: DiscordLoopback, sqlite_db: Database, tmp_path: Path, clock: FakeClock
) -> None:
    extractor = StandInExtractor()
    with sqlite_db.session() as session:
        session.add(NewsChannel(channel_id=NEWS, guild_id=DEFAULT_GUILD_ID, added_at=clock()))
    for number in range(12):
        await loopback.post_message(NEWS, words(number))
    live = await start_live(
        loopback, sqlite_db, tmp_path, clock, extractor,
        read_news_channels=True, catchup_max_messages=5,
    )  # fmt: skip
    try:
        handed = await live.bot.wait_for("news_caught_up", timeout=10)
        assert handed == 5
        assert [line.split(":")[0] for line in extractor.first_lines] == [
            f"Report {n}" for n in range(7, 12)
        ]  # the newest five, oldest first
    finally:
        await live.stop()


async def test_a_message_that_could_not_be_read_is_retried_then_reported(
    loopback: DiscordLoopback, sqlite_db: Database, tmp_path: Path, clock: FakeClock
) -> None:
    extractor = StandInExtractor()
    extractor.say(words(1), summit("2025-03-01"))
    extractor.say(words(2), summit("2025-03-02", "JP", "US"))
    extractor.fail(words(1), 2)  # times out twice, then reads
    extractor.fail(words(2), 99)  # never reads
    live, _ = await start_reading(loopback, sqlite_db, tmp_path, clock, extractor)
    try:
        live.app.status.set_notice_channel(DEFAULT_GUILD_ID, DEFAULT_CHANNEL_ID)
        live.app.news_channels.add(DEFAULT_GUILD_ID, NEWS, None)
        for number in (1, 2):
            seen = asyncio.ensure_future(live.bot.wait_for("message", timeout=5))
            await loopback.post_message(NEWS, words(number))
            await seen
        await asyncio.sleep(0)
        await live.bot.get_cog("NewsChannels").idle()  # type: ignore[union-attr]
        news = live.app.news_channels
        assert await news.retry_due() == 0, "not before the back-off"
        tries = 1
        while tries < news.policy.retry_attempts:
            clock.advance(seconds=news.policy.retry_delay(tries).total_seconds())
            await news.retry_due()
            tries += 1
        await live.app.delivery.send_now()
        with sqlite_db.session() as session:
            left = list(session.scalars(select(NewsRetry)))
            articles = session.scalar(select(func.count()).select_from(ArticleRow))
        assert articles == 1  # the first message, read at its third try
        assert [(r.attempts, r.gave_up_at is not None) for r in left] == [
            (news.policy.retry_attempts, True)
        ]
        notices = live.titles(DEFAULT_CHANNEL_ID, prefix="A news message could not be read")
        assert len(notices) == 1
        assert live.app.status.status(DEFAULT_GUILD_ID).news_unread == 1
    finally:
        await live.stop()
