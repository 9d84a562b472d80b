"""Two bot processes on one PostgreSQL database: what one changes, the other sees within one
poll interval, because shared state is read from the database and not kept in memory for good.

The second process is the real, connected bot (its own engine and connections, as a separate
process has); the first is the app another process builds (here without a Discord connection
of its own, so the only way the second can learn of the change is the database)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.app import build_app
from bot.clock import FakeClock
from storage.db import Database, create_db_engine, database_from_engine
from storage.models import ArticleRow
from tests.support.discord_server import (
    DEFAULT_CHANNEL_ID,
    DEFAULT_GUILD_ID,
    OTHER_CHANNEL_ID,
    DiscordLoopback,
)
from tests.support.extraction import StandInExtractor
from tests.support.live import start_live, summit
from tests.support.postgres import postgres_url
from tests.support.world import shipped_settings

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

POLL_S = 30
NEWS = OTHER_CHANNEL_ID
TEXT = "The leaders of both countries will meet in Geneva next month, officials said today."


@pytest.fixture
def two_processes(postgres_db: Database) -> Iterator[tuple[Database, Database]]:
    """Two databases (engines, pools, connections) on the same, emptied PostgreSQL schema."""
    with postgres_db.engine.connect() as conn:
        schema = str(conn.exec_driver_sql("SELECT current_schema()").scalar())
    engines = [create_db_engine(postgres_url(), search_path=schema) for _ in range(2)]
    try:
        yield database_from_engine(engines[0]), database_from_engine(engines[1])
    finally:
        for engine in engines:
            engine.dispose()


async def test_a_news_channel_marked_in_one_process_is_read_by_the_other(
    loopback: DiscordLoopback,
    two_processes: tuple[Database, Database],
    tmp_path: Path,
    clock: FakeClock,
) -> None:
    first_db, second_db = two_processes
    first = build_app(shipped_settings(), first_db, clock, None)
    extractor = StandInExtractor()
    extractor.say(TEXT, summit("2025-03-03"))
    second = await start_live(
        loopback, second_db, tmp_path, clock, extractor, shared_poll_seconds=POLL_S
    )
    try:
        assert not second.app.news_channels.is_news_channel(NEWS)
        first.news_channels.add(DEFAULT_GUILD_ID, NEWS, None)  # in the other process
        first.subscriptions.create(guild_id=DEFAULT_GUILD_ID, channel_id=DEFAULT_CHANNEL_ID)
        assert not second.app.news_channels.is_news_channel(NEWS), "not known until re-read"

        (refresh,) = [j for j in second.app.jobs() if j.id == "news_channels.refresh"]
        assert refresh.trigger.interval.total_seconds() == POLL_S  # type: ignore[attr-defined]
        await refresh.func()  # the one run of that interval

        seen = asyncio.ensure_future(second.bot.wait_for("message", timeout=5))
        await loopback.post_message(NEWS, TEXT)
        await seen
        await asyncio.sleep(0)  # the listener's task was made in the same dispatch
        await second.bot.get_cog("NewsChannels").idle()  # type: ignore[union-attr]
        with second_db.session() as session:
            assert session.scalar(select(func.count()).select_from(ArticleRow)) == 1
        await second.app.delivery.send_now()
        # The subscription made in the first process got the alert the second one wrote.
        assert len(second.titles(DEFAULT_CHANNEL_ID, prefix="New")) == 1
    finally:
        await second.stop()
        await first.close()
