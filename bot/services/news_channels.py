"""News channels: mark, unmark and list them, and read what is posted there as news.

A message is read twice over: its own text as an article, and each page it links (at most
three), fetched with the guarded fetcher. New and changed events then alert subscribed
channels like any other news (the sender is kicked at once).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from bot.clock import Clock
from bot.extract.model import Article
from bot.news.channels import MessageText, links_in, message_article
from bot.services.articles import ArticleReader
from bot.services.errors import Refused
from bot.timeline import IngestContext, TimelineService
from storage.db import Database
from storage.models import NewsChannel
from storage.repos import news_channels as channel_repo
from storage.repos.guild_rows import remove_in_guild

log = logging.getLogger("diplobot.news")
MAX_PER_GUILD = 10


class NewsChannelService:
    """The server's news channels, remembered in memory for the message listener."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        timeline: TimelineService,
        articles: ArticleReader,
        on_ingested: Callable[[], None],
    ) -> None:
        self._db = db
        self._clock = clock
        self._timeline = timeline
        self._articles = articles
        self._on_ingested = on_ingested
        self._ids: set[int] | None = None

    def all_ids(self) -> set[int]:
        if self._ids is None:
            with self._db.session() as session:
                self._ids = channel_repo.all_ids(session)
        return self._ids

    def is_news_channel(self, channel_id: int) -> bool:
        return channel_id in self.all_ids()

    def add(self, guild_id: int, channel_id: int, added_by: int | None) -> bool:
        """True when newly marked; Refused when the server has too many."""
        with self._db.session() as session:
            if session.get(NewsChannel, channel_id) is not None:
                return False
            if len(channel_repo.for_guild(session, guild_id)) >= MAX_PER_GUILD:
                raise Refused(
                    f"this server already reads {MAX_PER_GUILD} news channels; remove one first"
                )
            session.add(
                NewsChannel(
                    channel_id=channel_id,
                    guild_id=guild_id,
                    added_by=added_by,
                    added_at=self._clock(),
                )
            )
        self.all_ids().add(channel_id)
        return True

    def remove(self, guild_id: int, channel_id: int) -> bool:
        with self._db.session() as session:
            if remove_in_guild(session, NewsChannel, guild_id, channel_id) is None:
                return False
        self.all_ids().discard(channel_id)
        return True

    def for_guild(self, guild_id: int) -> list[NewsChannel]:
        with self._db.session() as session:
            return channel_repo.for_guild(session, guild_id)

    async def read(self, message: MessageText) -> int:
        """Ingest the message and its links; returns how many events were created or changed."""
        articles: list[Article] = []
        own = message_article(message)
        if own is not None:
            articles.append(own)
        for link in links_in(message.text):
            try:
                articles.append(await self._articles.from_url(link, dct=message.created))
            except Refused as exc:
                log.info("news channel %s: link %s not read: %s", message.channel_id, link, exc)
        context = IngestContext(source=f"#{message.channel_name}")
        changed = 0
        for article in articles:
            try:
                result = await asyncio.to_thread(self._timeline.ingest, article, context=context)
            except Exception:  # one bad article must not stop the channel
                log.exception(
                    "news channel %s: ingesting %s failed", message.channel_id, article.id
                )
                continue
            changed += len(result.created) + len(result.updated)
        if changed:
            self._on_ingested()
        return changed


__all__ = ["MAX_PER_GUILD", "NewsChannelService"]
