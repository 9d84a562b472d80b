"""The loopback Discord server and the real bot, connected, on a fresh SQLite file per test.

The fixtures (``loopback``, ``fetcher``, ``running``) are registered for every test folder
by ``tests/conftest.py``; the helpers are imported where they are needed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from bot.app import App
from bot.chat.client import Diplobot, ShardedDiplobot, build_bot
from bot.clock import FakeClock
from bot.extract.model import Article, Event
from bot.extract.pipeline import extract_events
from bot.news.fetch import Fetcher
from bot.timeline import IngestResult
from config.settings import Settings
from storage.db import Database
from tests.support.discord_server import DEFAULT_GUILD_ID, DiscordLoopback
from tests.support.extraction import StandInExtractor


@dataclass
class Running:
    """A connected bot, the server it talks to, and ways to put news on the timeline."""

    server: DiscordLoopback
    bot: Diplobot | ShardedDiplobot
    clock: FakeClock
    extractor: StandInExtractor

    def add_news(
        self, marker: str, events: list[Event], dct: date, title: str = ""
    ) -> IngestResult:
        """Ingest an article that yields ``events`` (through the real timeline service)."""
        self.extractor.say(marker, *events)
        article = Article(text=f"{marker}\n", dct=dct, id=marker, title=title or marker)
        return self.app.timeline.ingest(article, ref=marker)

    @property
    def app(self) -> App:
        return self.bot.app


def event(
    kind: str,
    day: str,
    codes: list[str],
    *,
    status: str = "scheduled",
    location: str | None = None,
    evidence: str = "",
) -> Event:
    return Event(
        type=kind,
        date=day,
        participants=codes,
        status=status,
        location=location,
        evidence=evidence or f"{kind} on {day}",
        confidence=0.8,
    )


def e2e_settings(tmp_path: Path, server: DiscordLoopback, **overrides: object) -> Settings:
    """Settings for a bot on ``server``: its addresses as DIPLOBOT_DISCORD_API_BASE and
    DIPLOBOT_DISCORD_GATEWAY, commands synced to its guild."""
    # Feeds in these tests live at unreachable example addresses; validation has its own test.
    overrides.setdefault("validate_feeds", False)
    # The calendar web server listens on a free loopback port (tests run side by side).
    overrides.setdefault("web_bind", "127.0.0.1:0")
    return Settings.load(
        toml_path=tmp_path / "absent.toml",
        data_dir=tmp_path,
        dev_guild_id=DEFAULT_GUILD_ID,
        **{**server.endpoint(), **overrides},
    )


def loopback_bot(
    settings: Settings, database: Database, clock: FakeClock, **parts: object
) -> Diplobot | ShardedDiplobot:
    """The bot with its app, tuned for the loopback server (no waits between identifies)."""
    return build_bot(
        settings, database, clock, guild_ready_timeout=0.01, identify_delay_s=0.0, **parts
    )


async def start_bot(
    server: DiscordLoopback, bot: Diplobot | ShardedDiplobot, token: str = "loopback-token"
) -> tuple[Diplobot | ShardedDiplobot, asyncio.Task[None]]:
    """Log in and connect; return once the guild is ready and commands are synced."""
    task = asyncio.create_task(bot.start(token), name="bot")
    ready = asyncio.create_task(bot.wait_until_ready())
    done, _ = await asyncio.wait({task, ready}, timeout=15, return_when=asyncio.FIRST_COMPLETED)
    if task in done:
        ready.cancel()
        task.result()  # raises what stopped the bot
    if ready not in done:
        raise TimeoutError("the bot did not become ready on the loopback server")
    return bot, task


async def stop_bot(bot: Diplobot | ShardedDiplobot, task: asyncio.Task[None]) -> None:
    await bot.close()
    await asyncio.wait_for(task, timeout=10)


@pytest.fixture
async def loopback() -> AsyncIterator[DiscordLoopback]:
    server = DiscordLoopback()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
def fetcher() -> Fetcher:
    """The bot's page fetcher; a test module serving pages on loopback overrides this."""
    return Fetcher(timeout_s=5.0)


@pytest.fixture
async def running(
    loopback: DiscordLoopback,
    sqlite_db: Database,
    clock: FakeClock,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    fetcher: Fetcher,
) -> AsyncIterator[Running]:
    """The real discord.py client, our cogs, a fresh database, all on loopback."""
    caplog.set_level(logging.INFO, logger="diplobot")
    extractor = StandInExtractor(otherwise=extract_events)  # unscripted text: the real one
    bot = loopback_bot(
        e2e_settings(tmp_path, loopback), sqlite_db, clock, extractor=extractor, fetcher=fetcher
    )
    bot, task = await start_bot(loopback, bot)
    try:
        yield Running(loopback, bot, clock, extractor)
    finally:
        await stop_bot(bot, task)
    assert_no_mentions(loopback)


def assert_no_mentions(server: DiscordLoopback) -> None:
    """Every message the bot sent (replies, follow-ups, channel posts) disabled all mentions."""
    bodies = [
        *(c.get("data") or {} for c in server.interaction_callbacks),
        *server.followups,
        *server.channel_messages,
    ]
    for body in bodies:
        if body.get("content") or body.get("embeds"):
            assert body.get("allowed_mentions") == {"parse": []}, body
