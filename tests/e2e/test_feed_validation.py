"""/feeds add checks a feed with a first fetch before saving it (feeds served on loopback)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web
from sqlmodel import select

from bot.clock import SystemClock
from bot.news.fetch import Fetcher
from storage.db import Database
from storage.models import Feed
from tests.support.bot import e2e_settings, loopback_bot, start_bot, stop_bot
from tests.support.discord_server import DiscordLoopback

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Diplomatic wire</title>
<item><title>Talks set</title><link>https://example.org/a</link></item></channel></rss>"""


@pytest.fixture
async def feed_site() -> AsyncIterator[str]:
    app = web.Application()
    app.router.add_get("/rss", lambda r: web.Response(body=RSS, content_type="application/rss+xml"))
    app.router.add_get(
        "/page", lambda r: web.Response(text="<html>no feed</html>", content_type="text/html")
    )
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


async def test_a_feed_is_saved_only_after_a_first_successful_read(
    loopback: DiscordLoopback, sqlite_db: Database, tmp_path: Path, feed_site: str
) -> None:
    bot = loopback_bot(
        e2e_settings(tmp_path, loopback, validate_feeds=True),
        sqlite_db,
        SystemClock(),
        fetcher=Fetcher(allow_loopback=True, timeout_s=5.0),  # this test serves feeds on loopback
    )
    bot, task = await start_bot(loopback, bot)
    try:
        refused = await loopback.invoke("feeds add", {"url": f"{feed_site}/page"})
        added = await loopback.invoke("feeds add", {"url": f"{feed_site}/rss"})
    finally:
        await stop_bot(bot, task)
    assert "could not read a feed" in refused.text()
    assert "Added feed" in added.text()
    with sqlite_db.session() as session:
        urls = [feed.url for feed in session.scalars(select(Feed))]
    assert urls == [f"{feed_site}/rss"]
