"""A connected bot on a loopback Discord server, with the helpers end-to-end tests share:
subscribe a channel, put news on the timeline, read the embed titles a channel got."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.app import App
from bot.chat.client import Diplobot, ShardedDiplobot
from bot.clock import FakeClock
from bot.extract.model import Article, Event
from bot.news.fetch import Fetcher
from storage.db import Database
from storage.models import Subscription
from tests.support.bot import e2e_settings, loopback_bot, start_bot, stop_bot
from tests.support.discord_server import DEFAULT_CHANNEL_ID, DEFAULT_GUILD_ID, DiscordLoopback
from tests.support.extraction import StandInExtractor


def summit(day: str, *codes: str, status: str = "scheduled") -> Event:
    return Event(
        type="summit",
        date=day,
        participants=list(codes or ("EU", "CN")),
        status=status,
        evidence=f"summit on {day}",
        confidence=0.8,
    )


@dataclass
class Live:
    server: DiscordLoopback
    bot: Diplobot | ShardedDiplobot
    task: asyncio.Task[None]
    clock: FakeClock
    extractor: StandInExtractor

    @property
    def app(self) -> App:
        return self.bot.app

    async def stop(self) -> None:
        await stop_bot(self.bot, self.task)

    def titles(self, channel: int = DEFAULT_CHANNEL_ID, prefix: str = "") -> list[str]:
        found = []
        for message in self.server.messages_in(channel):
            for embed in message.get("embeds") or []:
                if str(embed.get("title", "")).startswith(prefix):
                    found.append(embed["title"])
        return found

    def subscribe(self, channel: int = DEFAULT_CHANNEL_ID, **fields: list[str]) -> int:
        now = self.clock()
        with self.app.database.session() as session:
            sub = Subscription(
                guild_id=DEFAULT_GUILD_ID,
                channel_id=channel,
                created_at=now,
                updated_at=now,
                **fields,
            )
            session.add(sub)
            session.flush()
            assert sub.id is not None
            return sub.id

    def news(self, title: str, dct: str, *events: Event) -> None:
        self.extractor.events[title] = list(events)
        article = Article(
            text=f"{title}\n\nreport", dct=datetime.fromisoformat(dct).date(), id=title, title=title
        )
        self.app.timeline.ingest(article, ref=title)


async def start_live(
    server: DiscordLoopback,
    db: Database,
    tmp_path: Path,
    clock: FakeClock,
    extractor: StandInExtractor,
    **settings: object,
) -> Live:
    bot = loopback_bot(
        e2e_settings(tmp_path, server, **settings),
        db,
        clock,
        extractor=extractor,
        fetcher=Fetcher(allow_loopback=True, timeout_s=5.0),
    )
    bot, task = await start_bot(server, bot)
    return Live(server, bot, task, clock, extractor)
